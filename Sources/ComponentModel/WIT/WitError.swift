/// An error found while lexing, parsing or resolving WIT, with the place it was found.
///
/// `line` and `column` are 1-based; both are 0 when the error concerns a whole file or
/// directory (a missing package declaration, an unreadable folder).
public struct WitError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file the error is in, as given to the parser (a path or a label).
    public var file: String
    /// The 1-based line, or 0 when the error has no single position.
    public var line: Int
    /// The 1-based column (in Unicode scalars), or 0 when the error has no single position.
    public var column: Int
    /// What is wrong and, where possible, how to fix it.
    public var message: String

    /// Creates an error at a position of a file.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// Creates an error at a source location.
    init(_ location: WitLocation, _ message: String) {
        self.init(file: location.file, line: location.line, column: location.column, message: message)
    }

    /// `file:line:column: message`, the form compilers use so editors can jump to it.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }
}

/// A position in a WIT source file.
struct WitLocation: Equatable, Hashable, Sendable {
    var file: String
    var line: Int
    var column: Int

    static func whole(_ file: String) -> WitLocation { WitLocation(file: file, line: 0, column: 0) }
}
