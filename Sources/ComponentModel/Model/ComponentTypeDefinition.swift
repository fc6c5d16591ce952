import WasmEngine

/// A component-level type definition (`deftype`, section 7 and the `type` declarator).
public indirect enum ComponentTypeDefinition: Hashable, Sendable {
    /// A value type (primitive or structural).
    case value(DefinedValueType)
    /// 0x40 / 0x43: a component function type.
    case function(ComponentFunctionType)
    /// 0x41: the type of a component: what it imports, what it exports.
    case component([ComponentTypeDeclaration])
    /// 0x42: the type of a component instance: what it exports.
    case instance([InstanceTypeDeclaration])
    /// 0x3f: a new resource type, defined by this component.
    case resource(ResourceType)
}

/// The type of a component function: named parameters and an optional result.
public struct ComponentFunctionType: Hashable, Sendable {
    /// Whether the type is `(func async ...)` (0x43, 🔀; not in the synchronous model).
    public var isAsync: Bool
    public var parameters: [LabeledValueType]
    /// The single unnamed result, or `nil` for no result.
    public var result: ComponentValueType?

    /// Makes a function type.
    public init(isAsync: Bool = false, parameters: [LabeledValueType], result: ComponentValueType?) {
        self.isAsync = isAsync
        self.parameters = parameters
        self.result = result
    }
}

/// A resource type definition: its core representation and optional destructor.
public struct ResourceType: Hashable, Sendable {
    /// The core representation type (validation requires `i32`).
    public var representation: ValueType
    /// Core function index of the destructor (validated as `[i32] -> []`), if any.
    public var destructor: UInt32?

    /// Makes a resource type.
    public init(representation: ValueType, destructor: UInt32?) {
        self.representation = representation
        self.destructor = destructor
    }
}

/// One declaration of a component type (`componentdecl`): an import, or anything an
/// instance type may declare.
public enum ComponentTypeDeclaration: Hashable, Sendable {
    /// 0x03: an import of the component type.
    case `import`(name: ExternName, type: ExternDescriptor)
    /// A declaration shared with instance types.
    case instance(InstanceTypeDeclaration)
}

/// One declaration of an instance type (`instancedecl`), also valid in component types.
public enum InstanceTypeDeclaration: Hashable, Sendable {
    /// 0x00: a core type local to the type (extends the core type index space).
    case coreType(CoreType)
    /// 0x01: a type local to the type (extends the type index space).
    case type(ComponentTypeDefinition)
    /// 0x02: an alias (validation allows export aliases of instances and types, and
    /// outer aliases of core types and types).
    case alias(Alias)
    /// 0x04: an export of the type.
    case export(name: ExternName, type: ExternDescriptor)
}
