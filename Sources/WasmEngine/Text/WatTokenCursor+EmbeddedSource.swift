/// What a `(module ...)` or `(component ...)` form holds in place of fields: bytes given
/// as `binary "..."` strings, or text given as `quote "..."` strings.
@_spi(Text) public enum WatEmbeddedSource {
    case binary([UInt8])
    case quote(String)
}

extension WatTokenCursor {
    /// Takes a `binary "..."*` or `quote "..."*` list at the cursor, or returns nil (and
    /// takes nothing) when the form holds fields instead. Quoted text must be UTF-8.
    @_spi(Text) public mutating func takeEmbeddedSource() throws -> WatEmbeddedSource? {
        let isBinary = current.keyword == "binary", isQuote = current.keyword == "quote"
        guard isBinary || isQuote else { return nil }
        let token = current
        advance()
        var bytes: [UInt8] = []
        while let string = takeString() { bytes += string }
        if isBinary { return .binary(bytes) }
        guard let text = WatTokenCursor.decodeUTF8(bytes) else {
            throw error("malformed UTF-8 encoding", at: token)
        }
        return .quote(text)
    }
}
