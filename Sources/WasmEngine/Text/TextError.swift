/// An error in WebAssembly text (`.wat`) or script (`.wast`) source: where it is and what is wrong.
///
/// Lines and columns are 1-based and count in the text that was parsed (for a
/// `(module quote ...)` that is the quoted text, not the enclosing script).
public struct TextError: Error, CustomStringConvertible, Hashable, Sendable {
    public let line: Int
    public let column: Int
    /// What is wrong, in the spec test suite's wording where it has one
    /// (e.g. "unknown operator", "constant out of range", "unknown label").
    public let message: String

    /// Creates an error at a 1-based line and column.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
