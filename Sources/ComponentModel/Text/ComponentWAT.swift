@_spi(Text) import WasmEngine

/// Compiles the component text format (`Explainer.md`) to the component binary format.
public enum ComponentWAT {
    /// Encodes `(component $id? ...)` text — fields, `binary "..."` or `quote "..."` — or a
    /// bare list of component fields, to a component binary.
    ///
    /// Throws `TextError` (with line and column) for malformed text: syntax errors, unknown
    /// `$ids`, duplicate ids, literals out of range, and features outside the synchronous
    /// model (async, threads, values), which are reported as "not supported". Validity is
    /// not checked: an ill-typed component encodes, for the validator to reject.
    public static func encode(_ text: String) throws -> [UInt8] {
        var cursor = WatTokenCursor(try WatLexer.tokenize(text))
        let bytes: [UInt8]
        if cursor.atGroup("component") {
            cursor.advance(); cursor.advance()
            let name = cursor.takeId()
            bytes = try encodeBody(&cursor, name: name)
            try cursor.expectRightParen()
        } else {
            bytes = try encodeBody(&cursor, name: nil)
        }
        guard cursor.atEnd else { throw cursor.unexpected() }
        return bytes
    }

    /// Encodes what follows `(component $id?`: `binary` strings, `quote` strings, or
    /// fields. Stops at the closing parenthesis without consuming it.
    @_spi(Text) public static func encodeBody(_ cursor: inout WatTokenCursor, name: String?) throws -> [UInt8] {
        switch try cursor.takeEmbeddedSource() {
        case .binary(let bytes): return bytes
        case .quote(let text): return try encode(text)
        case nil: break
        }
        var parser = ComponentTextParser(cursor: cursor)
        let items = try parser.parseComponentBody(name: name)
        cursor = parser.cursor
        return ComponentBinaryWriter.encode(items)
    }
}
