/// One definition of a component, in the order the sections list them.
///
/// Each case corresponds to one element of one section kind (see `Binary.md`,
/// "Component Definitions"). Which index space a definition extends is decided by the
/// validator; the comments say which one it is.
public indirect enum ComponentDefinition: Sendable {
    /// Section 0: a custom section, kept verbatim (its contents need not be valid).
    case custom(ComponentCustomSection)
    /// Section 1: an embedded core module (core module index space).
    case coreModule(CoreModuleDefinition)
    /// Section 2: a core instance (core instance index space).
    case coreInstance(CoreInstance)
    /// Section 3: a core type (core type index space).
    case coreType(CoreType)
    /// Section 4: a nested component (component index space).
    case component(Component)
    /// Section 5: a component instance (instance index space).
    case instance(ComponentInstanceDefinition)
    /// Section 6: an alias (the index space of its `sort`).
    case alias(Alias)
    /// Section 7: a component-level type (type index space).
    case type(ComponentTypeDefinition)
    /// Section 8: a canonical definition (func or core func index space).
    case canonical(CanonicalFunction)
    /// Section 9 (🪙): the value-level start function.
    case start(ComponentStart)
    /// Section 10: an import (the index space of its extern descriptor's sort).
    case `import`(ComponentImport)
    /// Section 11: an export (adds an index to its sort's index space, like an alias).
    case export(ComponentExport)
    /// Section 12 (🪙): a value definition (value index space).
    case value(ComponentValueDefinition)
}

/// A custom section (id 0) of a component: a name and uninterpreted bytes.
///
/// The `component-name` section (the component analogue of core `name`) is kept here
/// as well; the spec requires engines not to reject an invalid one.
public struct ComponentCustomSection: Hashable, Sendable {
    /// The custom section's name (validated as UTF-8).
    public var name: String
    /// The bytes after the name.
    public var payload: [UInt8]

    /// Makes a custom section.
    public init(name: String, payload: [UInt8]) {
        self.name = name
        self.payload = payload
    }
}
