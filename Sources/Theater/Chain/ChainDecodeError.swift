/// Why bytes could not be read as a chain value or event payload: where (the byte offset
/// inside the payload) and what was wrong, in words a user can act on.
public struct ChainDecodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The offset of the offending byte, counted from the start of the payload.
    public let offset: Int
    /// What was wrong.
    public let message: String

    /// An error at `offset` saying `message`.
    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "at payload byte \(offset): \(message)" }
}
