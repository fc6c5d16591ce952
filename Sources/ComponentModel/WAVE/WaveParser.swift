import Foundation

/// Reads component values written in WAVE, the WebAssembly Value Encoding that
/// `theater component run --invoke` accepts: `true`, `-3`, `1.5`, `nan`, `'x'`,
/// `"text"`, `[1, 2]`, `(1, "a")`, `{name: "x", age: 3}`, `some(3)`, `none`, `ok("x")`,
/// `err`, `my-case(4)`, `my-enum-case`, `{flag-a, flag-b}`.
///
/// Parsing is type-directed (WAVE is not self-describing: `{a}` is flags, `{a: 1}` a
/// record), so every entry point takes the `ABIType` the value must have. Record fields
/// of option type may be left out (they read as `none`); a label that collides with a
/// keyword is written with a `%` prefix (`%none`). `//` starts a comment to end of line.
struct WaveParser {
    private let text: [Unicode.Scalar]
    private var position = 0

    /// A parser over `text`.
    init(_ text: String) {
        self.text = Array(text.unicodeScalars)
    }

    // MARK: Entry points

    /// Reads the whole text as one value of `type`.
    mutating func parseWhole(as type: ABIType) throws(WaveError) -> ComponentValue {
        let value = try parseValue(as: type)
        try expectEnd()
        return value
    }

    /// Reads a parenthesised, comma-separated argument list matching `types` and then the
    /// end of the text: `(1, "x")`.
    mutating func parseArgumentList(_ types: [ABIType]) throws(WaveError) -> [ComponentValue] {
        try expect("(")
        var values: [ComponentValue] = []
        for (index, type) in types.enumerated() {
            skipTrivia()
            if peek() == ")" {
                throw WaveError(offset: position, "expected \(types.count) argument(s), got \(index)")
            }
            values.append(try parseValue(as: type))
            if index + 1 < types.count { try expect(",") } else { _ = consume(",") }
        }
        skipTrivia()
        guard consume(")") else {
            throw WaveError(offset: position, "expected ')' after \(types.count) argument(s)")
        }
        try expectEnd()
        return values
    }

    /// Reads the function name before the argument list of a call (`name(...)`): all text
    /// up to the first `(`, trimmed.
    mutating func parseCallee() throws(WaveError) -> String {
        skipTrivia()
        let start = position
        while let scalar = peek(), scalar != "(" { position += 1 }
        let name = String(String.UnicodeScalarView(text[start..<position]))
            .trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw WaveError(offset: start, "expected a function name before '('") }
        guard peek() == "(" else {
            throw WaveError(offset: position, "expected '(' after the function name (write `\(name)()` for no arguments)")
        }
        return name
    }

    // MARK: Values

    private mutating func parseValue(as type: ABIType) throws(WaveError) -> ComponentValue {
        skipTrivia()
        let start = position
        switch type {
        case .bool:
            switch try word() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case let other: throw WaveError(offset: start, "expected a bool (true or false), got '\(other)'")
            }
        case .s8: return .s8(try integer(Int8.self, start))
        case .u8: return .u8(try integer(UInt8.self, start))
        case .s16: return .s16(try integer(Int16.self, start))
        case .u16: return .u16(try integer(UInt16.self, start))
        case .s32: return .s32(try integer(Int32.self, start))
        case .u32: return .u32(try integer(UInt32.self, start))
        case .s64: return .s64(try integer(Int64.self, start))
        case .u64: return .u64(try integer(UInt64.self, start))
        case .f32: return .f32(Float(try float(start)))
        case .f64: return .f64(try float(start))
        case .char: return .char(try charLiteral())
        case .string: return .string(try stringLiteral())
        case .list(.u8):
            return .bytes(try sequence(open: "[", close: "]") { (parser: inout WaveParser) throws(WaveError) in
                parser.skipTrivia()
                let start = parser.position
                return try parser.integer(UInt8.self, start)
            })
        case .list(let element):
            return .list(try sequence(open: "[", close: "]") { (parser: inout WaveParser) throws(WaveError) in
                try parser.parseValue(as: element)
            })
        case .tuple(let types):
            try expect("(")
            var values: [ComponentValue] = []
            for (index, element) in types.enumerated() {
                values.append(try parseValue(as: element))
                if index + 1 < types.count { try expect(",") } else { skipTrivia(); _ = consume(",") }
            }
            try expect(")", context: "to close a tuple of \(types.count)")
            return .tuple(values)
        case .record(let fields): return try record(fields)
        case .flags(let labels): return try flags(labels)
        case .enum(let labels):
            let name = try label()
            guard labels.contains(name) else {
                throw WaveError(offset: start, "'\(name)' is not a case of \(type)")
            }
            return .enum(name)
        case .variant(let cases):
            let name = try label()
            guard let variantCase = cases.first(where: { $0.label == name }) else {
                throw WaveError(offset: start, "'\(name)' is not a case of \(type)")
            }
            return .variant(caseName: name, payload: try payload(variantCase.type, of: name))
        case .option(let element):
            switch try keywordOrLabel() {
            case "none": return .option(nil)
            case "some": return .option(try payload(element, of: "some"))
            case let other: throw WaveError(offset: start, "expected some(...) or none for \(type), got '\(other)'")
            }
        case .result(let ok, let error):
            switch try keywordOrLabel() {
            case "ok": return .result(.ok(try payload(ok, of: "ok")))
            case "err": return .result(.error(try payload(error, of: "err")))
            case let other: throw WaveError(offset: start, "expected ok or err for \(type), got '\(other)'")
            }
        case .own, .borrow:
            throw WaveError(offset: start, "a resource handle (\(type)) cannot be written as a WAVE value")
        }
    }

    /// The `(payload)` after a case name: required when the case has a payload type,
    /// forbidden when it has none.
    private mutating func payload(_ type: ABIType?, of caseName: String) throws(WaveError) -> ComponentValue? {
        skipTrivia()
        guard let type else {
            if peek() == "(" { throw WaveError(offset: position, "case '\(caseName)' has no payload") }
            return nil
        }
        try expect("(", context: "case '\(caseName)' needs a payload of type \(type)")
        let value = try parseValue(as: type)
        try expect(")")
        return value
    }

    private mutating func record(_ fields: [ABIField]) throws(WaveError) -> ComponentValue {
        let start = position
        var given: [String: ComponentValue] = [:]
        _ = try sequence(open: "{", close: "}") { (parser: inout WaveParser) throws(WaveError) -> Int in
            let labelStart = parser.position
            let name = try parser.label()
            guard let field = fields.first(where: { $0.label == name }) else {
                throw WaveError(offset: labelStart, "the record has no field '\(name)'")
            }
            guard given[name] == nil else { throw WaveError(offset: labelStart, "field '\(name)' is given twice") }
            try parser.expect(":", context: "after field name '\(name)'")
            given[name] = try parser.parseValue(as: field.type)
            return 0
        }
        var values: [ComponentField] = []
        for field in fields {
            if let value = given[field.label] {
                values.append(ComponentField(field.label, value))
            } else if case .option = field.type {
                values.append(ComponentField(field.label, .option(nil)))
            } else {
                throw WaveError(offset: start, "field '\(field.label)' of type \(field.type) is missing")
            }
        }
        return .record(values)
    }

    private mutating func flags(_ labels: [String]) throws(WaveError) -> ComponentValue {
        var set: Set<String> = []
        _ = try sequence(open: "{", close: "}") { (parser: inout WaveParser) throws(WaveError) -> Int in
            let labelStart = parser.position
            let name = try parser.label()
            guard labels.contains(name) else { throw WaveError(offset: labelStart, "'\(name)' is not a flag of this type") }
            guard set.insert(name).inserted else { throw WaveError(offset: labelStart, "flag '\(name)' is given twice") }
            return 0
        }
        return .flags(set)
    }

    /// Reads `open item, item, ... close` (a trailing comma is allowed).
    private mutating func sequence<T>(open: Unicode.Scalar, close: Unicode.Scalar,
                                      item: (inout WaveParser) throws(WaveError) -> T) throws(WaveError) -> [T] {
        try expect(open)
        var items: [T] = []
        while true {
            skipTrivia()
            if consume(close) { return items }
            items.append(try item(&self))
            skipTrivia()
            if consume(close) { return items }
            try expect(",", context: "or '\(close)' between items")
        }
    }

    // MARK: Scalars

    private mutating func integer<T: FixedWidthInteger>(_ type: T.Type, _ start: Int) throws(WaveError) -> T {
        let token = try word()
        guard let value = T(token, radix: 10) else {
            let isNumeric = !token.isEmpty && token.drop(while: { $0 == "-" || $0 == "+" }).allSatisfy(\.isNumber)
            throw WaveError(offset: start, isNumeric ? "\(token) is out of range for \(T.self) (\(T.min)...\(T.max))"
                                                     : "expected an integer, got '\(token)'")
        }
        return value
    }

    private mutating func float(_ start: Int) throws(WaveError) -> Double {
        let token = try word()
        switch token {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default:
            // Only decimal notation: Swift's Double(String) would also take "0x1p3" or "infinity".
            let allowed = token.unicodeScalars.allSatisfy { "0123456789.eE+-".unicodeScalars.contains($0) }
            guard allowed, token.contains(where: \.isNumber), let value = Double(token) else {
                throw WaveError(offset: start, "expected a number (or nan, inf, -inf), got '\(token)'")
            }
            return value
        }
    }

    private mutating func charLiteral() throws(WaveError) -> Unicode.Scalar {
        try expect("'")
        let start = position
        let scalar: Unicode.Scalar
        if peek() == "\\" { scalar = try escape() } else {
            guard let next = peek(), next != "'" else { throw WaveError(offset: start, "empty char literal") }
            position += 1
            scalar = next
        }
        guard consume("'") else { throw WaveError(offset: position, "a char literal holds exactly one character") }
        return scalar
    }

    private mutating func stringLiteral() throws(WaveError) -> String {
        if text[position...].starts(with: "\"\"\"".unicodeScalars) { return try multilineString() }
        try expect("\"")
        var scalars = String.UnicodeScalarView()
        while true {
            guard let next = peek() else { throw WaveError(offset: position, "unterminated string") }
            if next == "\"" { position += 1; return String(scalars) }
            if next == "\n" { throw WaveError(offset: position, "a newline in a string must be written \\n") }
            if next == "\\" { scalars.append(try escape()) } else { scalars.append(next); position += 1 }
        }
    }

    /// `"""` newline, lines, then `"""` on a line of its own; the closing line's
    /// indentation is removed from every line.
    private mutating func multilineString() throws(WaveError) -> String {
        let start = position
        position += 3
        while let next = peek(), next == " " || next == "\t" { position += 1 }
        guard consume("\n") else { throw WaveError(offset: position, "a multiline string starts with a newline after \"\"\"") }
        var lines: [String.UnicodeScalarView] = [String.UnicodeScalarView()]
        while true {
            guard let next = peek() else { throw WaveError(offset: start, "unterminated multiline string") }
            if next == "\"", text[position...].starts(with: "\"\"\"".unicodeScalars),
               lines[lines.count - 1].allSatisfy({ $0 == " " || $0 == "\t" }) {
                position += 3
                let indent = lines.removeLast().count
                return lines.map { line -> String in
                    var stripped = Substring.UnicodeScalarView(line)
                    var removed = 0
                    while removed < indent, let first = stripped.first, first == " " || first == "\t" {
                        stripped.removeFirst()
                        removed += 1
                    }
                    return String(String.UnicodeScalarView(stripped))
                }.joined(separator: "\n")
            }
            if next == "\n" { lines.append(String.UnicodeScalarView()); position += 1; continue }
            if next == "\\" { lines[lines.count - 1].append(try escape()) } else {
                lines[lines.count - 1].append(next)
                position += 1
            }
        }
    }

    /// `\n \t \r \' \" \\ \u{hex}` at the current position.
    private mutating func escape() throws(WaveError) -> Unicode.Scalar {
        let start = position
        position += 1
        guard let kind = peek() else { throw WaveError(offset: start, "unterminated escape") }
        position += 1
        switch kind {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "'": return "'"
        case "\"": return "\""
        case "\\": return "\\"
        case "u":
            try expect("{", skippingTrivia: false)
            let digitsStart = position
            while let next = peek(), next.properties.isASCIIHexDigit { position += 1 }
            let digits = String(String.UnicodeScalarView(text[digitsStart..<position]))
            try expect("}", skippingTrivia: false)
            guard digits.count <= 6, let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code) else {
                throw WaveError(offset: start, "'\\u{\(digits)}' is not a Unicode scalar value")
            }
            return scalar
        default:
            throw WaveError(offset: start, "unknown escape '\\\(kind)' (use \\n \\t \\r \\' \\\" \\\\ or \\u{...})")
        }
    }

    // MARK: Words and labels

    /// The keywords a label must be `%`-escaped to use.
    static let keywords: Set<String> = ["true", "false", "some", "none", "ok", "err", "inf", "nan"]

    /// A kebab-case label, with an optional `%` escape.
    private mutating func label() throws(WaveError) -> String {
        skipTrivia()
        let start = position
        let escaped = consume("%")
        let name = try word()
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw WaveError(offset: start, "expected a label, got '\(name)'")
        }
        if !escaped, Self.keywords.contains(name) {
            throw WaveError(offset: start, "'\(name)' is a keyword; write %\(name) for a label of that name")
        }
        return name
    }

    /// A keyword (`some`, `ok`, ...) or a label, as written (a `%`-escaped label is
    /// returned with its `%`, so it never equals a keyword).
    private mutating func keywordOrLabel() throws(WaveError) -> String {
        skipTrivia()
        return consume("%") ? "%" + (try word()) : try word()
    }

    /// The run of characters up to the next delimiter, whitespace or quote.
    private mutating func word() throws(WaveError) -> String {
        skipTrivia()
        let start = position
        while let next = peek(), !Self.delimiters.contains(next), !next.properties.isWhitespace { position += 1 }
        guard position > start else {
            let found = peek().map { "'\($0)'" } ?? "the end of the text"
            throw WaveError(offset: start, "expected a value, got \(found)")
        }
        return String(String.UnicodeScalarView(text[start..<position]))
    }

    private static let delimiters: Set<Unicode.Scalar> = ["(", ")", "[", "]", "{", "}", ",", ":", "'", "\"", "%"]

    // MARK: Low level

    private func peek() -> Unicode.Scalar? { position < text.count ? text[position] : nil }

    private mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ scalar: Unicode.Scalar, context: String? = nil,
                                 skippingTrivia: Bool = true) throws(WaveError) {
        if skippingTrivia { skipTrivia() }
        guard consume(scalar) else {
            let found = peek().map { "'\($0)'" } ?? "the end of the text"
            throw WaveError(offset: position, "expected '\(scalar)'" + (context.map { " \($0)" } ?? "") + ", got \(found)")
        }
    }

    private mutating func expectEnd() throws(WaveError) {
        skipTrivia()
        if let extra = peek() { throw WaveError(offset: position, "unexpected '\(extra)' after the value") }
    }

    private mutating func skipTrivia() {
        while let next = peek() {
            if next.properties.isWhitespace {
                position += 1
            } else if next == "/", position + 1 < text.count, text[position + 1] == "/" {
                while let c = peek(), c != "\n" { position += 1 }
            } else {
                return
            }
        }
    }
}
