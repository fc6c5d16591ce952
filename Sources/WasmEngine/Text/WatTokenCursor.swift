/// A read position in a token array with the small look-ahead helpers the
/// recursive-descent parsers of modules and scripts share.
@_spi(Text) public struct WatTokenCursor {
    @_spi(Text) public let tokens: [WatToken]
    @_spi(Text) public var index: Int

    /// `tokens` must end with an `.endOfInput` token.
    @_spi(Text) public init(_ tokens: [WatToken], index: Int = 0) {
        self.tokens = tokens
        self.index = index
    }

    /// The token at the cursor (the end-of-input token once everything is consumed).
    @_spi(Text) public var current: WatToken { tokens[index] }

    /// The token `offset` places ahead, or the end-of-input token past the end.
    @_spi(Text) public func peek(_ offset: Int = 0) -> WatToken {
        tokens[min(index + offset, tokens.count - 1)]
    }

    /// Whether all input has been consumed.
    @_spi(Text) public var atEnd: Bool { current.kind == .endOfInput }
    @_spi(Text) public var atRightParen: Bool { current.kind == .rightParen }
    @_spi(Text) public var atLeftParen: Bool { current.kind == .leftParen }

    /// Moves to the next token (stays on the end-of-input token).
    @_spi(Text) public mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    /// A text error located at `token` (default: the current token).
    @_spi(Text) public func error(_ message: String, at token: WatToken? = nil) -> TextError {
        let t = token ?? current
        return TextError(line: t.line, column: t.column, message: message)
    }

    /// An error for the current token when it is not what the grammar allows here.
    @_spi(Text) public func unexpected() -> TextError {
        if atEnd { return error("unexpected end of input") }
        return error("unexpected token \(current.text)")
    }

    /// Whether the next tokens are `(` followed by the keyword.
    @_spi(Text) public func atGroup(_ keyword: String) -> Bool {
        current.kind == .leftParen && peek(1).keyword == keyword
    }

    /// The keyword after `(`, if the cursor is at a group.
    @_spi(Text) public var groupKeyword: String? {
        current.kind == .leftParen ? peek(1).keyword : nil
    }

    /// Consumes `(` or throws.
    @_spi(Text) public mutating func expectLeftParen() throws {
        guard current.kind == .leftParen else { throw unexpected() }
        advance()
    }

    /// Consumes `)` or throws.
    @_spi(Text) public mutating func expectRightParen() throws {
        guard current.kind == .rightParen else { throw unexpected() }
        advance()
    }

    /// Consumes `(` keyword.
    @_spi(Text) public mutating func enterGroup(_ keyword: String) throws {
        guard atGroup(keyword) else { throw unexpected() }
        advance()
        advance()
    }

    /// Consumes `keyword` if it is next.
    @_spi(Text) public mutating func takeKeyword(_ keyword: String) -> Bool {
        guard current.keyword == keyword else { return false }
        advance()
        return true
    }

    /// Consumes `keyword` or throws.
    @_spi(Text) public mutating func expectKeyword(_ keyword: String) throws {
        guard takeKeyword(keyword) else { throw unexpected() }
    }

    /// Consumes a `$id` if one is next, returning its name without the `$`.
    @_spi(Text) public mutating func takeId() -> String? {
        guard case .id(let name) = current.kind else { return nil }
        advance()
        return name
    }

    /// Consumes a string literal if one is next, returning its bytes.
    @_spi(Text) public mutating func takeString() -> [UInt8]? {
        guard case .string(let bytes) = current.kind else { return nil }
        advance()
        return bytes
    }

    /// Consumes a string literal or throws.
    @_spi(Text) public mutating func expectString() throws -> [UInt8] {
        guard let bytes = takeString() else { throw unexpected() }
        return bytes
    }

    /// Reads a string that must be valid UTF-8 (import and export names).
    @_spi(Text) public mutating func expectName() throws -> String {
        let token = current
        let bytes = try expectString()
        guard let name = WatTokenCursor.decodeUTF8(bytes) else {
            throw error("malformed UTF-8 encoding", at: token)
        }
        return name
    }

    /// Skips one token, or a whole balanced group when at `(`.
    @_spi(Text) public mutating func skipItem() throws {
        guard current.kind == .leftParen else {
            if atEnd { throw unexpected() }
            advance()
            return
        }
        var depth = 0
        repeat {
            switch current.kind {
            case .leftParen: depth += 1
            case .rightParen: depth -= 1
            case .endOfInput: throw error("unexpected end of input")
            default: break
            }
            advance()
        } while depth > 0
    }

    /// Reads an unsigned 32-bit number (an index, limit, or similar).
    @_spi(Text) public mutating func takeU32() throws -> UInt32? {
        guard let text = current.atom else { return nil }
        switch WatIntegerLiteral.parseUnsigned(text, bitWidth: 32) {
        case .value(let v): advance(); return UInt32(v)
        case .outOfRange: throw error("i32 constant out of range")
        case .invalid: return nil
        }
    }

    /// Consumes an unsigned 32-bit integer literal or throws.
    @_spi(Text) public mutating func expectU32() throws -> UInt32 {
        guard let v = try takeU32() else { throw unexpected() }
        return v
    }

    /// Decodes bytes that must be well-formed UTF-8 (no overlong forms, surrogates or
    /// code points above U+10FFFF); nil otherwise.
    @_spi(Text) public static func decodeUTF8(_ bytes: [UInt8]) -> String? {
        var scalars = String.UnicodeScalarView()
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): scalars.append(s)
            case .emptyInput: return String(scalars)
            case .error: return nil
            }
        }
    }
}
