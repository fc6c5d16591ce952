/// Why a byte sequence is not a well-formed WebAssembly binary module.
///
/// Thrown by `Module(decoding:)` for every malformed input. `message` follows the
/// wording of the official test suite (e.g. "unexpected end", "integer too large",
/// "section size mismatch") so the spec harness can compare it by prefix; `offset`
/// is the byte position in the input where the problem was detected.
public struct DecodeError: Error, CustomStringConvertible, Hashable, Sendable {
    /// Byte offset in the decoded input where the problem was found.
    public let offset: Int
    /// What is wrong, in the spec suite's wording.
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
