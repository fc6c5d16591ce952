/// Compiles the WebAssembly text format to the binary format.
public enum WAT {
    /// Encodes the text of one module — `(module $id? ...)`, `(module binary ...)`,
    /// `(module quote ...)`, or bare module fields — as a binary module.
    ///
    /// Throws `TextError` for text that is malformed (syntax, unknown names, literal out of
    /// range, misplaced imports, ...). Validity is not checked: an ill-typed module encodes.
    public static func encodeModule(_ text: String) throws -> [UInt8] {
        let tokens = try WatLexer.tokenize(text)
        var cursor = WatTokenCursor(tokens)
        let bytes: [UInt8]
        if cursor.atGroup("module") {
            cursor.advance(); cursor.advance()
            _ = cursor.takeId()
            bytes = try encodeModuleBody(&cursor)
            try cursor.expectRightParen()
        } else {
            bytes = try encodeModuleBody(&cursor)
        }
        guard cursor.atEnd else { throw cursor.unexpected() }
        return bytes
    }

    /// Encodes what follows `(module $id?`: a `binary` or `quote` string list, or fields.
    /// Stops at the closing parenthesis without consuming it.
    @_spi(Text) public static func encodeModuleBody(_ cursor: inout WatTokenCursor) throws -> [UInt8] {
        switch try cursor.takeEmbeddedSource() {
        case .binary(let bytes): return bytes
        case .quote(let text): return try encodeModule(text)
        case nil: break
        }
        var parser = WatModuleParser(cursor: cursor)
        let module = try parser.parse()
        cursor = parser.cursor
        return WatModuleEncoder(module: module).encode()
    }
}
