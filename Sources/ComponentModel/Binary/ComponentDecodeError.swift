/// Why a byte sequence is not a well-formed component binary.
///
/// Thrown by `Component(decoding:)` for every malformed input. `message` uses the
/// wording of the Component Model's reference tests (`tests/binary/binary.wast`) where
/// one exists, e.g. "unexpected end-of-file", "integer too large" or
/// "invalid leading byte (0x2) for core instance"; gated features that the synchronous
/// model does not support say "not supported: ...". `offset` is the byte position in
/// the outermost input where the problem was detected (for a malformed embedded core
/// module: the module's start plus the engine's inner offset).
public struct ComponentDecodeError: Error, CustomStringConvertible, Hashable, Sendable {
    /// Byte offset in the decoded input where the problem was found.
    public let offset: Int
    /// What is wrong.
    public let message: String

    /// Makes an error for the problem `message` found at byte `offset`.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// The message with its location, e.g. `integer too large (at byte offset 0x1a)`.
    public var description: String {
        "\(message) (at byte offset 0x\(String(offset, radix: 16)))"
    }
}
