/// One lexical token of the WebAssembly text format.
@_spi(Text) public struct WatToken: Hashable, Sendable {
    @_spi(Text) public enum Kind: Hashable, Sendable {
        case leftParen
        case rightParen
        /// A run of identifier characters that does not start with `$`: a keyword
        /// (`i32.add`, `offset=4`, `nan:0x1`) or a number (`-0x1p3`, `1_000`).
        /// Numbers are classified where a number is expected, since the grammar is contextual.
        case atom(String)
        /// `$name`, stored without the `$`.
        case id(String)
        /// A string literal's bytes after escape processing (not necessarily UTF-8).
        case string([UInt8])
        /// A run of characters that is no valid token (e.g. `0$x` glued to a string).
        case reserved(String)
        case endOfInput
    }

    @_spi(Text) public let kind: Kind
    @_spi(Text) public let line: Int
    @_spi(Text) public let column: Int

    /// The token's text for error messages.
    @_spi(Text) public var text: String {
        switch kind {
        case .leftParen: return "("
        case .rightParen: return ")"
        case .atom(let s), .reserved(let s): return s
        case .id(let s): return "$" + s
        case .string(let bytes): return "\"" + String(decoding: bytes, as: UTF8.self) + "\""
        case .endOfInput: return "end of input"
        }
    }

    /// The text of an atom, or nil for any other kind.
    @_spi(Text) public var atom: String? {
        if case .atom(let s) = kind { return s }
        return nil
    }

    /// Whether this is an atom starting with a lowercase letter (a keyword in the grammar).
    @_spi(Text) public var keyword: String? {
        guard case .atom(let s) = kind, let first = s.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return nil }
        return s
    }
}
