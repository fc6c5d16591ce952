/// One thing a child's manifest asks for that its parent's manifest does not grant,
/// found by `CapabilityCheck`.
public struct CapabilityExcess: Sendable, Equatable, CustomStringConvertible {
    /// The setting that exceeds, as `handler.key` or `limits.key` (`filesystem.path`,
    /// `limits.memory_bytes`), or `handler "name"` for a handler the parent lacks.
    public let field: String
    /// The whole sentence for the user, starting with `field`, naming the child's value
    /// and the parent's, e.g. `limits.memory_bytes 512 MiB exceeds the parent's 256 MiB`.
    public let message: String

    /// An excess of `field`, described by `message`.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}
