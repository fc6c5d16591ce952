import WasmEngine

/// The identity of a resource type. Resource types are abstract and generative: two
/// resource types are equal exactly when their identities are.
struct ResourceID: Hashable, Sendable {
    let raw: Int
}

/// A type as the validator sees it: an entry of the `TypeArena`.
///
/// Every type definition, type import, type export and instantiated type export gets
/// its own `TypeID`, even when structurally equal to another one: structural equality
/// and subtyping look through the ids, while external visibility (which types have a
/// name outside the component) is a property of ids.
struct TypeID: Hashable, Sendable {
    let raw: Int
}

/// A value type: a primitive, or a defined value type in the arena.
enum ValType: Hashable, Sendable {
    case primitive(PrimitiveValueType)
    case defined(TypeID)
}

/// A labeled value type (record field or function parameter), indices resolved.
struct LabeledVal: Hashable, Sendable {
    var label: String
    var type: ValType
}

/// A variant case, indices resolved.
struct CaseVal: Hashable, Sendable {
    var label: String
    var type: ValType?
}

/// A defined value type whose inner types are resolved `ValType`s.
enum DefinedType: Hashable, Sendable {
    case primitive(PrimitiveValueType)
    case record([LabeledVal])
    case variant([CaseVal])
    case list(ValType)
    case tuple([ValType])
    case flags([String])
    case `enum`([String])
    case option(ValType)
    case result(ok: ValType?, error: ValType?)
    /// A handle; the `TypeID` names a `.resource` entry.
    case own(TypeID)
    case borrow(TypeID)
}

/// A component function type, indices resolved.
struct FuncType: Hashable, Sendable {
    var parameters: [LabeledVal]
    var result: ValType?
}

/// The type of an import, export or other definition of any component-level sort.
enum EntityType: Hashable, Sendable {
    case module(ModuleTypeInfo)
    case function(TypeID)
    case value(ValType)
    case type(TypeID)
    case instance(TypeID)
    case component(TypeID)

    /// The sort's name as the test suite's messages spell it.
    var kindName: String {
        switch self {
        case .module: return "module"
        case .function: return "func"
        case .value: return "value"
        case .type: return "type"
        case .instance: return "instance"
        case .component: return "component"
        }
    }
}

/// A named import or export.
struct NamedEntity: Hashable, Sendable {
    var name: String
    var type: EntityType
}

/// An instance type: its exports, and the resource types it declares abstractly
/// (`(export "r" (type (sub resource)))`), which each import of the type freshens.
struct InstanceTypeInfo: Hashable, Sendable {
    var exports: [NamedEntity]
    var definedResources: [ResourceID]

    func export(named name: String) -> EntityType? { exports.first { $0.name == name }?.type }
}

/// A component type: imports (whose abstract resources instantiation substitutes) and
/// exports (whose abstract resources each instantiation freshens).
struct ComponentTypeInfo: Hashable, Sendable {
    var imports: [NamedEntity]
    var exports: [NamedEntity]
    var importedResources: [ResourceID]
    var definedResources: [ResourceID]
}

/// One entry of the type arena.
enum TypeEntry: Hashable, Sendable {
    case defined(DefinedType)
    case function(FuncType)
    case instance(InstanceTypeInfo)
    case component(ComponentTypeInfo)
    case resource(ResourceID)
}

/// The types of a core import or export, with core type indices resolved.
enum CoreExtern: Hashable, Sendable {
    case function(FunctionType)
    case table(TableType)
    case memory(MemoryType)
    case global(GlobalType)
    case tag(FunctionType)

    var kindName: String {
        switch self {
        case .function: return "func"
        case .table: return "table"
        case .memory: return "memory"
        case .global: return "global"
        case .tag: return "tag"
        }
    }
}

/// A core module's type: its imports (two-level names) and exports.
struct ModuleTypeInfo: Hashable, Sendable {
    struct Import: Hashable, Sendable {
        var module: String
        var name: String
        var type: CoreExtern
    }
    var imports: [Import]
    var exports: [String: CoreExtern]
    var exportOrder: [String]
}

/// An entry of the core type index space.
enum CoreTypeEntry: Hashable, Sendable {
    case function(FunctionType)
    case module(ModuleTypeInfo)
}

/// The arena all types of one validation run live in; ids are never reused.
final class TypeArena {
    private(set) var entries: [TypeEntry] = []
    private var resourceCount = 0
    /// A readable name for each resource (where it was introduced), for messages.
    var resourceNames: [ResourceID: String] = [:]

    /// Adds an entry and returns its id.
    func add(_ entry: TypeEntry) -> TypeID {
        entries.append(entry)
        return TypeID(raw: entries.count - 1)
    }

    subscript(id: TypeID) -> TypeEntry { entries[id.raw] }

    /// A resource identity never used before.
    func freshResource(named name: String? = nil) -> ResourceID {
        resourceCount += 1
        let id = ResourceID(raw: resourceCount)
        if let name { resourceNames[id] = name }
        return id
    }

    /// The defined value type behind `id`, if it is one.
    func defined(_ id: TypeID) -> DefinedType? {
        if case .defined(let type) = self[id] { return type }
        return nil
    }

    /// The resource behind `id`, if it is a resource type.
    func resource(_ id: TypeID) -> ResourceID? {
        if case .resource(let resource) = self[id] { return resource }
        return nil
    }
}
