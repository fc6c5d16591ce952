/// Why a module is invalid: the WebAssembly validation rule it breaks.
///
/// `message` uses the wording of the official test suite's `assert_invalid` commands
/// (for example "type mismatch" or "unknown local 3"), so the conformance harness and
/// users see the same text the specification's reference interpreter prints.
public struct ValidationError: Error, CustomStringConvertible, Sendable {
    /// The broken rule, in the spec suite's wording, sometimes followed by the offending index.
    public let message: String
    /// Byte offset in the module binary of the instruction or entity at fault, when known.
    /// Instructions use `FunctionBody.instructionOffsets`; module-level rules have no offset.
    public let offset: Int?

    /// Creates an error for `message`, located at `offset` when it is known.
    public init(_ message: String, offset: Int? = nil) {
        self.message = message
        self.offset = offset
    }

    /// The message, prefixed with the byte offset when there is one.
    public var description: String {
        if let offset {
            return "invalid module at byte \(offset): \(message)"
        }
        return "invalid module: \(message)"
    }
}
