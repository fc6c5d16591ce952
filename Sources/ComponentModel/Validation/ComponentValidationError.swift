/// Why a decoded component is invalid: the component-model validation rule it breaks.
///
/// `message` follows the wording of the component-model test suite's `assert_invalid`
/// strings where there is one (for example "type index out of bounds" or "resource
/// types are not the same"). When a mismatch is found deep inside a type, the message
/// is a chain from the outermost context to the cause, separated by ": "
/// (e.g. "type mismatch for component instantiation argument `x`: type mismatch in
/// record field `f`: expected u32, found tuple"), so every level can be searched for.
public struct ComponentValidationError: Error, CustomStringConvertible, Sendable {
    /// The broken rule, outermost context first.
    public let message: String
    /// Byte offset (in the outermost decoded input) of the definition at fault, if known.
    public let offset: Int?

    /// Creates an error for `message`, located at `offset` when known.
    public init(_ message: String, offset: Int? = nil) {
        self.message = message
        self.offset = offset
    }

    /// The message with its location.
    public var description: String {
        if let offset { return "invalid component at byte \(offset): \(message)" }
        return "invalid component: \(message)"
    }

    /// The same error with `context` prepended to the message (the offset is kept).
    func inContext(_ context: String) -> ComponentValidationError {
        ComponentValidationError(context + ": " + message, offset: offset)
    }

    /// The same error located at `offset` unless it already has a location.
    func located(at offset: Int?) -> ComponentValidationError {
        self.offset == nil ? ComponentValidationError(message, offset: offset) : self
    }
}
