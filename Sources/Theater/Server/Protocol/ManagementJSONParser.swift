/// A strict JSON parser (RFC 8259) for management messages.
///
/// Hand-written rather than `JSONSerialization` so that it is total and bounded on
/// hostile input: nesting deeper than `maxDepth` is an error (not a stack overflow),
/// duplicate object keys are an error (not a silent last-wins), invalid UTF-8 and
/// trailing bytes are errors, and every error names its byte offset. Arrays of integers
/// 0...255 are scanned on a fast path into `.bytes`, because byte fields dominate the
/// protocol's traffic.
public struct ManagementJSONParser {
    /// The deepest nesting of arrays and objects accepted; messages need fewer than ten.
    public static let defaultMaxDepth = 64

    /// Parses `bytes` as one JSON document (surrounding whitespace allowed).
    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws -> ManagementJSON {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = Cursor(input: buffer, maxDepth: maxDepth)
            parser.skipWhitespace()
            let value = try parser.parseValue(depth: 0)
            parser.skipWhitespace()
            if parser.index != buffer.count {
                throw parser.error("unexpected \(parser.describeCurrent()) after the JSON value")
            }
            return value
        }
    }

    /// The parsing state over one input buffer.
    struct Cursor {
        let input: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        var index = 0

        init(input: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
            self.input = input
            self.maxDepth = maxDepth
        }

        func error(_ problem: String) -> ManagementDecodeError {
            ManagementDecodeError(.malformedJSON(offset: index), at: "", "invalid JSON at byte \(index): \(problem)")
        }

        func describeCurrent() -> String {
            guard index < input.count else { return "end of input" }
            let byte = input[index]
            if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
            return "byte 0x\(String(byte, radix: 16))"
        }

        mutating func skipWhitespace() {
            while index < input.count {
                switch input[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func parseValue(depth: Int) throws -> ManagementJSON {
            guard index < input.count else { throw error("expected a value, found end of input") }
            switch input[index] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
            case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
            default: throw error("expected a value, found \(describeCurrent())")
            }
        }

        mutating func expectLiteral(_ literal: StaticString) throws {
            let count = literal.utf8CodeUnitCount
            let matches = index + count <= input.count
                && (0..<count).allSatisfy { input[index + $0] == literal.utf8Start[$0] }
            guard matches else { throw error("expected '\(literal)'") }
            index += count
        }

        mutating func checkDepth(_ depth: Int) throws {
            if depth > maxDepth {
                throw ManagementDecodeError(
                    .tooDeep(offset: index), at: "",
                    "invalid JSON at byte \(index): nested deeper than \(maxDepth) levels")
            }
        }

        mutating func parseArray(depth: Int) throws -> ManagementJSON {
            try checkDepth(depth)
            let start = index
            if let bytes = scanByteArray() { return .bytes(bytes) }
            index = start + 1
            var elements: [ManagementJSON] = []
            skipWhitespace()
            if index < input.count && input[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try parseValue(depth: depth))
                skipWhitespace()
                guard index < input.count else { throw error("unterminated array") }
                if input[index] == UInt8(ascii: ",") { index += 1; continue }
                if input[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
                throw error("expected ',' or ']' in an array, found \(describeCurrent())")
            }
        }

        /// The fast path: a non-empty array of integers 0...255 (no sign, fraction or
        /// exponent), at `index` which is on '['. On anything else returns nil and the
        /// caller re-parses generally from the same '['.
        mutating func scanByteArray() -> [UInt8]? {
            guard let (bytes, end) = ByteArrayScanner.scan(input, from: index), !bytes.isEmpty else { return nil }
            index = end
            return bytes
        }

        mutating func parseObject(depth: Int) throws -> ManagementJSON {
            try checkDepth(depth)
            index += 1
            var members: [(key: String, value: ManagementJSON)] = []
            var seen = Set<String>()
            skipWhitespace()
            if index < input.count && input[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard index < input.count, input[index] == UInt8(ascii: "\"") else {
                    throw error("expected an object key (a string), found \(describeCurrent())")
                }
                let keyOffset = index
                let key = try parseString()
                guard seen.insert(key).inserted else {
                    index = keyOffset
                    throw error("duplicate key \"\(key)\"")
                }
                skipWhitespace()
                guard index < input.count, input[index] == UInt8(ascii: ":") else {
                    throw error("expected ':' after an object key, found \(describeCurrent())")
                }
                index += 1
                skipWhitespace()
                members.append((key: key, value: try parseValue(depth: depth)))
                skipWhitespace()
                guard index < input.count else { throw error("unterminated object") }
                if input[index] == UInt8(ascii: ",") { index += 1; continue }
                if input[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                throw error("expected ',' or '}' in an object, found \(describeCurrent())")
            }
        }

        mutating func parseNumber() throws -> String {
            let start = index
            if input[index] == UInt8(ascii: "-") { index += 1 }
            guard index < input.count, isDigit(input[index]) else { throw error("a number needs digits") }
            if input[index] == UInt8(ascii: "0") {
                index += 1
            } else {
                while index < input.count && isDigit(input[index]) { index += 1 }
            }
            if index < input.count && input[index] == UInt8(ascii: ".") {
                index += 1
                guard index < input.count, isDigit(input[index]) else { throw error("a fraction needs digits") }
                while index < input.count && isDigit(input[index]) { index += 1 }
            }
            if index < input.count && (input[index] == UInt8(ascii: "e") || input[index] == UInt8(ascii: "E")) {
                index += 1
                if index < input.count && (input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-")) {
                    index += 1
                }
                guard index < input.count, isDigit(input[index]) else { throw error("an exponent needs digits") }
                while index < input.count && isDigit(input[index]) { index += 1 }
            }
            if index - start > 64 {
                index = start
                throw error("a number longer than 64 characters")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: input[start..<index]), as: UTF8.self)
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        mutating func parseString() throws -> String {
            index += 1
            let start = index
            // Fast path: no escapes; validate the UTF-8 in one go.
            while index < input.count {
                let byte = input[index]
                if byte == UInt8(ascii: "\"") {
                    let raw = UnsafeBufferPointer(rebasing: input[start..<index])
                    guard let text = String(validating: raw, as: UTF8.self) else {
                        index = start
                        throw error("a string that is not valid UTF-8")
                    }
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw error("an unescaped control character in a string") }
                index += 1
            }
            guard index < input.count else { throw error("unterminated string") }
            return try parseEscapedString(from: start)
        }

        /// The general path of `parseString`, from the string's first byte.
        mutating func parseEscapedString(from start: Int) throws -> String {
            index = start
            var utf8: [UInt8] = []
            while true {
                guard index < input.count else { throw error("unterminated string") }
                let byte = input[index]
                if byte == UInt8(ascii: "\"") { index += 1; break }
                if byte < 0x20 { throw error("an unescaped control character in a string") }
                if byte != UInt8(ascii: "\\") {
                    utf8.append(byte)
                    index += 1
                    continue
                }
                index += 1
                guard index < input.count else { throw error("unterminated escape") }
                let escape = input[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): utf8.append(0x22)
                case UInt8(ascii: "\\"): utf8.append(0x5C)
                case UInt8(ascii: "/"): utf8.append(0x2F)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape()
                    utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    index -= 1
                    throw error("invalid escape character \(describeCurrent()) after a backslash")
                }
            }
            guard let text = String(validating: utf8, as: UTF8.self) else {
                throw error("a string that is not valid UTF-8")
            }
            return text
        }

        /// After `\u`: four hex digits, and for a high surrogate its `\uDC00`-`\uDFFF` pair.
        mutating func parseUnicodeEscape() throws -> Unicode.Scalar {
            let first = try parseHex4()
            if (0xD800...0xDBFF).contains(first) {
                guard index + 1 < input.count, input[index] == UInt8(ascii: "\\"),
                      input[index + 1] == UInt8(ascii: "u") else {
                    throw error("a high surrogate \\u escape without its low surrogate")
                }
                index += 2
                let second = try parseHex4()
                guard (0xDC00...0xDFFF).contains(second) else { throw error("an invalid low surrogate") }
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(first) else { throw error("a lone low surrogate \\u escape") }
            return scalar
        }

        mutating func parseHex4() throws -> UInt32 {
            guard index + 4 <= input.count else { throw error("a \\u escape needs four hex digits") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = input[index]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: throw error("a \\u escape needs four hex digits")
                }
                value = value * 16 + digit
                index += 1
            }
            return value
        }
    }
}
