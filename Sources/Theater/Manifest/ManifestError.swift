/// Why a manifest could not be read or accepted, and where.
///
/// Every error names the manifest file, the line when one applies (the offending key,
/// or the `[[handler]]` header when a key is missing), the field as a dotted path
/// (`handler[1].seed`, `limits.memory_bytes`) and a message that says what to change.
/// Its `description` reads like a compiler diagnostic:
/// `examples/x/manifest.toml:7: handler[1].seed: expected an integer, found a string "abc"; write seed = 42`.
public struct ManifestError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The manifest's file name as given to the parser (for messages only).
    public let file: String
    /// The 1-based line of the problem, or nil when it concerns the whole file
    /// (a missing top-level key, an unreadable file).
    public let line: Int?
    /// The field path (`name`, `handler[0].type`, `limits.fuel_per_call`), or nil for
    /// errors in the TOML syntax itself.
    public let field: String?
    /// What is wrong and how to fix it.
    public let message: String

    /// Creates an error; see the properties for what each part holds.
    public init(file: String, line: Int?, field: String?, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field: message`, leaving out the parts that are nil.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let field { text += "\(field): " }
        return text + message
    }
}
