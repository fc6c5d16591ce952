import WasmEngine

/// The runtime index spaces of one component instance while it is being instantiated
/// (and afterwards, for the nested components and types that captured it).
///
/// Every definition appends to the space of its sort, in definition order, exactly as
/// validation numbers them; `parent` is the lexically enclosing component instance that
/// outer aliases reach.
final class InstantiationScope {
    let parent: InstantiationScope?
    /// The instance's Canonical ABI state (handle table, enter/leave guards).
    let canonical: CanonicalInstance

    var coreModules: [ValidatedModule] = []
    var coreInstances: [[String: ExternalValue]] = []
    var coreFunctions: [FunctionAddress] = []
    var coreTables: [TableAddress] = []
    var coreMemories: [MemoryAddress] = []
    var coreGlobals: [GlobalAddress] = []
    var coreTypes: [CoreType] = []
    var functions: [ComponentFunction] = []
    var types: [RuntimeType] = []
    var components: [ComponentClosure] = []
    var instances: [ComponentInstance] = []
    /// The instance's exports so far, in definition order.
    var exports: [(name: String, item: RuntimeItem)] = []

    /// A scope nested in `parent` with a fresh Canonical ABI state.
    init(parent: InstantiationScope?) {
        self.parent = parent
        self.canonical = CanonicalInstance()
    }

    /// The scope `count` levels out (0 = this one).
    func outer(_ count: UInt32) throws -> InstantiationScope {
        var scope = self
        for _ in 0..<count {
            guard let parent = scope.parent else {
                throw ComponentLinkError("outer alias count \(count) reaches past the outermost component")
            }
            scope = parent
        }
        return scope
    }

    // MARK: Checked lookups (validation guarantees them; bad input throws, never crashes)

    static func element<T>(_ space: [T], _ index: UInt32, _ what: String) throws -> T {
        guard Int(index) < space.count else {
            throw ComponentLinkError("unknown \(what) \(index) (the index space has \(space.count))")
        }
        return space[Int(index)]
    }

    func coreInstance(_ index: UInt32) throws -> [String: ExternalValue] {
        try Self.element(coreInstances, index, "core instance")
    }
    func coreFunction(_ index: UInt32) throws -> FunctionAddress { try Self.element(coreFunctions, index, "core func") }
    func coreMemory(_ index: UInt32) throws -> MemoryAddress { try Self.element(coreMemories, index, "core memory") }
    func function(_ index: UInt32) throws -> ComponentFunction { try Self.element(functions, index, "func") }
    func type(_ index: UInt32) throws -> RuntimeType { try Self.element(types, index, "type") }
    func instance(_ index: UInt32) throws -> ComponentInstance { try Self.element(instances, index, "instance") }
    func component(_ index: UInt32) throws -> ComponentClosure { try Self.element(components, index, "component") }

    /// The resource type at type index `index`.
    func resourceType(_ index: UInt32) throws -> RuntimeResourceType {
        guard case .resource(let resource) = try type(index) else {
            throw ComponentLinkError("type \(index) is not a resource type")
        }
        return resource
    }

    /// The function type at type index `index`.
    func functionType(_ index: UInt32) throws -> ABIFunctionType {
        guard case .function(let function) = try type(index) else {
            throw ComponentLinkError("type \(index) is not a function type")
        }
        return function
    }

    /// The component-level item that `(sort, index)` names.
    func item(_ target: ComponentSortIndex) throws -> RuntimeItem {
        switch target.sort {
        case .core(.module): return .coreModule(try Self.element(coreModules, target.index, "core module"))
        case .function: return .function(try function(target.index))
        case .type: return .type(try type(target.index))
        case .component: return .component(try component(target.index))
        case .instance: return .instance(try instance(target.index))
        case .value: throw ComponentLinkError("component values are not supported")
        case .core(let sort): throw ComponentLinkError("core \(sort) cannot be used at the component level")
        }
    }

    /// Appends `item` to the index space of `sort` (imports, aliases, exports).
    func append(_ item: RuntimeItem, as sort: ComponentSort) throws {
        switch (sort, item) {
        case (.core(.module), .coreModule(let module)): coreModules.append(module)
        case (.function, .function(let function)): functions.append(function)
        case (.type, .type(let type)): types.append(type)
        case (.component, .component(let component)): components.append(component)
        case (.instance, .instance(let instance)): instances.append(instance)
        default: throw ComponentLinkError("expected a \(sort.name), found a \(item.sortName)")
        }
    }

    /// The core external value that `(sort, index)` names.
    func coreExtern(_ target: CoreSortIndex) throws -> ExternalValue {
        switch target.sort {
        case .function: return .function(try coreFunction(target.index))
        case .table: return .table(try Self.element(coreTables, target.index, "core table"))
        case .memory: return .memory(try coreMemory(target.index))
        case .global: return .global(try Self.element(coreGlobals, target.index, "core global"))
        default: throw ComponentLinkError("core \(target.sort) cannot be exported from a core instance")
        }
    }

    /// Appends a core external value to the space of `sort`, checking that it fits.
    func appendCore(_ value: ExternalValue, as sort: CoreSort) throws {
        switch (sort, value) {
        case (.function, .function(let address)): coreFunctions.append(address)
        case (.table, .table(let address)): coreTables.append(address)
        case (.memory, .memory(let address)): coreMemories.append(address)
        case (.global, .global(let address)): coreGlobals.append(address)
        default: throw ComponentLinkError("expected a core \(sort), found \(value)")
        }
    }
}
