/// Splits WebAssembly text (`.wat` or `.wast`) into tokens.
///
/// Follows the text format's lexical rules: a token is a parenthesis, or a maximal run of
/// identifier characters and strings; a run that mixes strings with other characters (like
/// `$l"a"`) or contains characters outside the identifier set is a `reserved` token, which
/// the parser rejects wherever it appears. Comments (`;; ...` and nested `(; ... ;)`) and
/// white space separate tokens and are dropped.
@_spi(Text) public struct WatLexer {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Tokenizes the whole text; the result always ends with an `.endOfInput` token.
    @_spi(Text) public static func tokenize(_ text: String) throws -> [WatToken] {
        var lexer = WatLexer(text)
        var tokens: [WatToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    private var column: Int { position - lineStart + 1 }

    private func error(_ message: String) -> TextError {
        TextError(line: line, column: column, message: message)
    }

    private func byte(at offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private mutating func advance() {
        if bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        position += 1
    }

    /// Reads the next token, skipping white space and comments.
    mutating func next() throws -> WatToken {
        try skipTrivia()
        let startLine = line, startColumn = column
        func make(_ kind: WatToken.Kind) -> WatToken { WatToken(kind: kind, line: startLine, column: startColumn) }
        guard let c = byte(at: 0) else { return make(.endOfInput) }
        if c == UInt8(ascii: "(") { advance(); return make(.leftParen) }
        if c == UInt8(ascii: ")") { advance(); return make(.rightParen) }

        var plain: [UInt8] = []
        var stringBytes: [UInt8] = []
        var stringCount = 0
        var onlyIdChars = true
        while let c = byte(at: 0) {
            if WatLexer.isWhitespace(c) || c == UInt8(ascii: "(") || c == UInt8(ascii: ")") { break }
            if c == UInt8(ascii: ";") && byte(at: 1) == UInt8(ascii: ";") { break }
            if c == UInt8(ascii: "\"") {
                stringBytes = try readString()
                stringCount += 1
                continue
            }
            if !WatLexer.isIdChar(c) { onlyIdChars = false }
            plain.append(c)
            advance()
        }
        if stringCount == 1 && plain.isEmpty { return make(.string(stringBytes)) }
        let text = String(decoding: plain, as: UTF8.self)
        if stringCount == 0 && onlyIdChars {
            if plain[0] == UInt8(ascii: "$") {
                return plain.count > 1 ? make(.id(String(text.dropFirst()))) : make(.reserved(text))
            }
            return make(.atom(text))
        }
        return make(.reserved(stringCount > 0 ? text + "\"...\"" : text))
    }

    private mutating func skipTrivia() throws {
        while let c = byte(at: 0) {
            if WatLexer.isWhitespace(c) {
                advance()
            } else if c == UInt8(ascii: ";") && byte(at: 1) == UInt8(ascii: ";") {
                // A line comment ends at any newline: LF, CR or CR LF.
                while let d = byte(at: 0), d != 0x0A, d != 0x0D { advance() }
            } else if c == UInt8(ascii: "(") && byte(at: 1) == UInt8(ascii: ";") {
                try skipBlockComment()
            } else {
                return
            }
        }
    }

    /// Skips a `(; ... ;)` comment, which may nest.
    private mutating func skipBlockComment() throws {
        let startLine = line, startColumn = column
        var depth = 0
        while let c = byte(at: 0) {
            if c == UInt8(ascii: "(") && byte(at: 1) == UInt8(ascii: ";") {
                depth += 1
                advance(); advance()
            } else if c == UInt8(ascii: ";") && byte(at: 1) == UInt8(ascii: ")") {
                depth -= 1
                advance(); advance()
                if depth == 0 { return }
            } else {
                advance()
            }
        }
        throw TextError(line: startLine, column: startColumn, message: "unclosed comment")
    }

    /// Reads a string literal starting at the opening quote and returns its bytes.
    private mutating func readString() throws -> [UInt8] {
        let startLine = line, startColumn = column
        advance()  // opening quote
        var result: [UInt8] = []
        while true {
            guard let c = byte(at: 0) else {
                throw TextError(line: startLine, column: startColumn, message: "unclosed string")
            }
            if c == UInt8(ascii: "\"") { advance(); return result }
            if c == UInt8(ascii: "\\") {
                try readEscape(into: &result)
                continue
            }
            // Raw control characters must be written as escapes.
            if c < 0x20 || c == 0x7F { throw error("illegal control character in string") }
            result.append(c)
            advance()
        }
    }

    private mutating func readEscape(into result: inout [UInt8]) throws {
        advance()  // backslash
        guard let c = byte(at: 0) else { throw error("unclosed string") }
        switch c {
        case UInt8(ascii: "n"): result.append(0x0A); advance()
        case UInt8(ascii: "t"): result.append(0x09); advance()
        case UInt8(ascii: "r"): result.append(0x0D); advance()
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): result.append(c); advance()
        case UInt8(ascii: "u"):
            advance()
            guard byte(at: 0) == UInt8(ascii: "{") else { throw error("illegal escape") }
            advance()
            var digits: [UInt8] = []
            while let d = byte(at: 0), d != UInt8(ascii: "}") {
                digits.append(d)
                advance()
            }
            guard byte(at: 0) == UInt8(ascii: "}") else { throw error("unclosed string") }
            advance()
            guard let value = WatIntegerLiteral.parseUnsigned(String(decoding: digits, as: UTF8.self), hexadecimalOnly: true),
                  value < 0x11_0000, !(0xD800..<0xE000).contains(value),
                  let scalar = Unicode.Scalar(UInt32(value)) else {
                throw error("illegal escape")
            }
            result.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            guard let high = WatLexer.hexValue(c), let next = byte(at: 1), let low = WatLexer.hexValue(next) else {
                throw error("illegal escape")
            }
            result.append(high << 4 | low)
            advance(); advance()
        }
    }

    static func isWhitespace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }

    /// The characters allowed in keywords, numbers and `$` identifiers.
    static func isIdChar(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return "!#$%&'*+-./:<=>?@\\^_`|~".utf8.contains(c)
        }
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
