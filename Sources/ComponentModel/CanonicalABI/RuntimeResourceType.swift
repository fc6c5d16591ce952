/// A runtime resource type: created once per defining component instance (or by the host)
/// and compared by identity, never structurally, as the spec's guards require.
///
/// `implementation` is the instance that defines the resource (nil when the host does);
/// `destructor` is run with the representation when an owned handle is dropped (a host
/// closure, or the defining instance's core destructor wrapped as one; the wrapper is
/// responsible for the reentrance checks the spec applies to that call).
public final class RuntimeResourceType: Hashable, CustomStringConvertible {
    /// A name for messages (e.g. `wasi:io/streams.output-stream`).
    public let name: String
    /// The defining component instance, nil for host-defined resources.
    public private(set) weak var implementation: CanonicalInstance?
    /// Called with the representation when an owned handle of this type is dropped.
    public let destructor: ((UInt32) throws -> Void)?

    /// A fresh resource type (distinct from every other, whatever its name).
    public init(name: String, implementation: CanonicalInstance? = nil, destructor: ((UInt32) throws -> Void)? = nil) {
        self.name = name
        self.implementation = implementation
        self.destructor = destructor
    }

    public static func == (lhs: RuntimeResourceType, rhs: RuntimeResourceType) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
    public var description: String { name }
}
