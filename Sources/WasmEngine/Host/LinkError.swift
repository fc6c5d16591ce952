/// Instantiation failed before any code ran because the imports do not fit the module,
/// or the store cannot hold what the module declares.
///
/// Messages start with the spec suite's wording ("unknown import", "incompatible import
/// type") followed by the import's names so the host knows what to fix.
public struct LinkError: Error, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "link error: \(message)" }
}

/// A call was made wrongly by the host (not a Wasm trap): wrong argument count or types,
/// an unknown address, a call that suspended where suspension is not allowed, or a
/// `resume` of an execution that is not the one waiting.
public struct InvocationError: Error, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "invocation error: \(message)" }
}
