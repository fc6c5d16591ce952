import WasmEngine

/// The index spaces and bookkeeping of one component, component type or instance type
/// while it is being validated. Scopes nest (a stack in the validator) so that outer
/// aliases can reach enclosing ones.
final class ValidationScope {
    /// What the scope is the body of.
    enum Kind {
        case component
        case componentType
        case instanceType
    }

    let kind: Kind

    // Core index spaces.
    var coreFunctions: [FunctionType] = []
    var coreTables: [TableType] = []
    var coreMemories: [MemoryType] = []
    var coreGlobals: [GlobalType] = []
    var coreTags: [FunctionType] = []
    var coreTypes: [CoreTypeEntry] = []
    var coreModules: [ModuleTypeInfo] = []
    var coreInstances: [[String: CoreExtern]] = []

    // Component-level index spaces.
    var functions: [TypeID] = []
    var values: [ValType] = []
    var types: [TypeID] = []
    var components: [TypeID] = []
    var instances: [TypeID] = []

    /// Imports and exports in definition order (the scope's component or instance type).
    var imports: [NamedEntity] = []
    var exports: [NamedEntity] = []
    var importNames = StrongNameSet(kind: "import")
    var exportNames = StrongNameSet(kind: "export")

    /// Resource types defined here by `(type (resource ...))`: the only ones
    /// `resource.new` / `resource.rep` accept.
    var localResources: Set<ResourceID> = []
    /// Abstract resources introduced by `(sub resource)` imports (universal) and exports
    /// (existential) of a component or instance type.
    var importedResources: [ResourceID] = []
    var definedResources: [ResourceID] = []

    /// External visibility: type ids that have a name because an import (resp. export)
    /// introduced them.
    var importedTypeIDs: Set<TypeID> = []
    var exportedTypeIDs: Set<TypeID> = []

    /// Resource names introduced by imports / exports of this scope, for the checks of
    /// `[constructor]`, `[method]` and `[static]` names.
    var importedResourceNames: [TypeID: String] = [:]
    var exportedResourceNames: [TypeID: String] = [:]

    init(kind: Kind) {
        self.kind = kind
    }

    /// The component type of this scope's imports and exports.
    var componentType: ComponentTypeInfo {
        ComponentTypeInfo(imports: imports, exports: exports, importedResources: importedResources,
                          definedResources: definedResources)
    }
}

/// Index-space lookups with the test suite's "out of bounds" messages.
extension ValidationScope {
    func coreFunction(_ index: UInt32) throws(ComponentValidationError) -> FunctionType {
        try lookup(coreFunctions, index, "core function index \(index) out of bounds: function index out of bounds")
    }
    func coreTable(_ index: UInt32) throws(ComponentValidationError) -> TableType {
        try lookup(coreTables, index, "core table index \(index) out of bounds: table index out of bounds")
    }
    func coreMemory(_ index: UInt32) throws(ComponentValidationError) -> MemoryType {
        try lookup(coreMemories, index, "core memory index \(index) out of bounds: memory index out of bounds")
    }
    func coreGlobal(_ index: UInt32) throws(ComponentValidationError) -> GlobalType {
        try lookup(coreGlobals, index, "core global index \(index) out of bounds: global index out of bounds")
    }
    func coreTag(_ index: UInt32) throws(ComponentValidationError) -> FunctionType {
        try lookup(coreTags, index, "unknown tag \(index): tag index out of bounds")
    }
    func coreType(_ index: UInt32) throws(ComponentValidationError) -> CoreTypeEntry {
        try lookup(coreTypes, index, "core type index \(index) out of bounds: type index out of bounds")
    }
    func coreModule(_ index: UInt32) throws(ComponentValidationError) -> ModuleTypeInfo {
        try lookup(coreModules, index, "unknown module \(index): module index out of bounds")
    }
    func coreInstance(_ index: UInt32) throws(ComponentValidationError) -> [String: CoreExtern] {
        try lookup(coreInstances, index, "unknown core instance \(index): instance index out of bounds")
    }
    func function(_ index: UInt32) throws(ComponentValidationError) -> TypeID {
        try lookup(functions, index, "unknown function \(index): function index out of bounds")
    }
    func value(_ index: UInt32) throws(ComponentValidationError) -> ValType {
        try lookup(values, index, "unknown value \(index): value index out of bounds")
    }
    func type(_ index: UInt32) throws(ComponentValidationError) -> TypeID {
        try lookup(types, index, "unknown type \(index): type index out of bounds")
    }
    func component(_ index: UInt32) throws(ComponentValidationError) -> TypeID {
        try lookup(components, index, "unknown component \(index): component index out of bounds")
    }
    func instance(_ index: UInt32) throws(ComponentValidationError) -> TypeID {
        try lookup(instances, index, "unknown instance \(index): instance index out of bounds")
    }

    /// The core function type at core type index `index`.
    func coreFunctionType(_ index: UInt32) throws(ComponentValidationError) -> FunctionType {
        guard case .function(let type) = try coreType(index) else {
            throw ComponentValidationError("core type index \(index) is not a function type")
        }
        return type
    }

    private func lookup<T>(_ space: [T], _ index: UInt32, _ message: String) throws(ComponentValidationError) -> T {
        guard Int(index) < space.count else { throw ComponentValidationError(message) }
        return space[Int(index)]
    }
}
