/// A core instance definition (section 2): how a core instance comes to be.
public enum CoreInstance: Hashable, Sendable {
    /// 0x00: instantiate core module `module` with named instances as its imports.
    case instantiate(module: UInt32, arguments: [CoreInstantiateArgument])
    /// 0x01: a new instance that bundles existing core definitions as its exports.
    case fromExports([CoreInlineExport])
}

/// One `(with name (instance i))` argument of a core instantiation: the core instance
/// that satisfies the imports of module name `name`.
///
/// The binary encodes the argument's sort, which is restricted to `instance` (0x12)
/// today; the decoder rejects every other sort.
public struct CoreInstantiateArgument: Hashable, Sendable {
    public var name: String
    /// Core instance index.
    public var instance: UInt32

    /// Makes an argument.
    public init(name: String, instance: UInt32) {
        self.name = name
        self.instance = instance
    }
}

/// One export of a core instance made from existing definitions.
public struct CoreInlineExport: Hashable, Sendable {
    public var name: String
    public var target: CoreSortIndex

    /// Makes an inline export.
    public init(name: String, target: CoreSortIndex) {
        self.name = name
        self.target = target
    }
}
