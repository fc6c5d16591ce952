/// A component instance definition (section 5): how a component instance comes to be.
/// (The runtime object is `ComponentInstance`, in Runtime/.)
public enum ComponentInstanceDefinition: Hashable, Sendable {
    /// 0x00: instantiate component `component` with the given named arguments.
    case instantiate(component: UInt32, arguments: [InstantiateArgument])
    /// 0x01: a new instance that bundles existing definitions as its exports.
    case fromExports([InlineExport])
}

/// One `(with name sortidx)` argument of a component instantiation; `name` matches an
/// import name of the instantiated component by plain string equality.
public struct InstantiateArgument: Hashable, Sendable {
    public var name: String
    public var target: ComponentSortIndex

    /// Makes an argument.
    public init(name: String, target: ComponentSortIndex) {
        self.name = name
        self.target = target
    }
}

/// One export of a component instance made from existing definitions.
public struct InlineExport: Hashable, Sendable {
    public var name: ExternName
    public var target: ComponentSortIndex

    /// Makes an inline export.
    public init(name: ExternName, target: ComponentSortIndex) {
        self.name = name
        self.target = target
    }
}
