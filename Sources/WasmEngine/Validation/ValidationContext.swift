/// The spec's validation context `C` for one module: the types of everything an
/// instruction or constant expression may refer to, with imported entities first in
/// each index space.
///
/// Built once per module, so that checking an instruction's immediate is an array lookup.
struct ValidationContext {
    /// The type section.
    let types: [FunctionType]
    /// Type index of every function (imported, then defined).
    let functionTypeIndices: [UInt32]
    /// How many of `functionTypeIndices` are imports.
    let importedFunctionCount: Int
    /// Every table (imported, then defined).
    let tables: [TableType]
    /// Every memory (imported, then defined).
    let memories: [MemoryType]
    /// Every global (imported, then defined).
    let globals: [GlobalType]
    /// How many of `globals` are imports: constant expressions may only read those.
    let importedGlobalCount: Int
    /// The reference type of each element segment.
    let elementTypes: [ValueType]
    /// How many data segments the module has.
    let dataSegmentCount: Int
    /// Whether the module has a data count section, which `memory.init` and `data.drop` need.
    let hasDataCountSection: Bool
    /// `C.refs`: whether each function index occurs outside function bodies (in an
    /// export, an element segment or a global initializer) so `ref.func` may name it.
    let declaredFunctionReferences: [Bool]

    /// Collects the context of `module`. Indices are not checked here; the validator
    /// checks them where they occur.
    init(module: Module) {
        types = module.types
        var functionTypeIndices: [UInt32] = []
        var tables: [TableType] = []
        var memories: [MemoryType] = []
        var globals: [GlobalType] = []
        for entry in module.imports {
            switch entry.descriptor {
            case .function(let typeIndex): functionTypeIndices.append(typeIndex)
            case .table(let type): tables.append(type)
            case .memory(let type): memories.append(type)
            case .global(let type): globals.append(type)
            }
        }
        importedFunctionCount = functionTypeIndices.count
        importedGlobalCount = globals.count
        functionTypeIndices.append(contentsOf: module.functions)
        tables.append(contentsOf: module.tables)
        memories.append(contentsOf: module.memories)
        globals.append(contentsOf: module.globals.map(\.type))
        self.functionTypeIndices = functionTypeIndices
        self.tables = tables
        self.memories = memories
        self.globals = globals
        elementTypes = module.elements.map(\.type)
        dataSegmentCount = module.data.count
        hasDataCountSection = module.dataCount != nil

        var declared = [Bool](repeating: false, count: functionTypeIndices.count)
        func declare(_ expression: ConstantExpression) {
            for instruction in expression.instructions {
                if case .refFunc(let index) = instruction, Int(index) < declared.count {
                    declared[Int(index)] = true
                }
            }
        }
        for global in module.globals { declare(global.initializer) }
        for segment in module.elements {
            segment.initializers.forEach(declare)
            if case .active(_, let offset) = segment.mode { declare(offset) }
        }
        for export in module.exports {
            if case .function(let index) = export.descriptor, Int(index) < declared.count {
                declared[Int(index)] = true
            }
        }
        declaredFunctionReferences = declared
    }

    /// The type of function `index`, or `nil` when there is no such function or its type
    /// index is out of range (reported where the function is declared).
    func functionType(_ index: UInt32) -> FunctionType? {
        guard Int(index) < functionTypeIndices.count else { return nil }
        let typeIndex = Int(functionTypeIndices[Int(index)])
        return typeIndex < types.count ? types[typeIndex] : nil
    }
}
