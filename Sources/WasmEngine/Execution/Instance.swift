/// A module instance: a module's definitions bound to store addresses.
///
/// The instance maps the module's index spaces (functions, tables, memories, globals;
/// imports first) to store addresses, and keeps the element and data segments that
/// `table.init` / `memory.init` read until they are dropped. Execution state itself lives
/// in the `Store`; an instance is only the naming layer over it.
public final class Instance {
    /// The instance's exports by name. Names that differ only by Unicode normalization
    /// collide in a `String`-keyed dictionary; the `exported*` lookups compare bytes.
    public let exports: [String: ExternalValue]
    /// The exports in the module's declaration order (for listing and printing).
    public let orderedExports: [(name: String, value: ExternalValue)]

    /// Exports keyed by the UTF-8 bytes of their names: Wasm names are byte strings, and
    /// Swift `String` equality would merge canonically equivalent but different names.
    let exportsByName: [[UInt8]: ExternalValue]
    let module: Module
    /// Position in `Store.instances`.
    let index: Int
    /// Store addresses of the module's function index space.
    let functionAddresses: [Int]
    let tableAddresses: [Int]
    let memoryAddresses: [Int]
    let globalAddresses: [Int]
    /// The store's type ID of each entry of the module's type section.
    let typeIDs: [Int]
    /// Type index of each function of the module's function index space.
    let functionTypeIndices: [UInt32]
    /// Resolved element segments (slot-encoded references); emptied by `elem.drop`.
    var elementSegments: [[UInt64]]
    /// Data segments; emptied by `data.drop`.
    var dataSegments: [[UInt8]]

    init(module: Module, index: Int, functionAddresses: [Int], tableAddresses: [Int], memoryAddresses: [Int],
         globalAddresses: [Int], typeIDs: [Int]) {
        self.module = module
        self.index = index
        self.functionAddresses = functionAddresses
        self.tableAddresses = tableAddresses
        self.memoryAddresses = memoryAddresses
        self.globalAddresses = globalAddresses
        self.typeIDs = typeIDs
        var typeIndices: [UInt32] = []
        for entry in module.imports {
            if case .function(let typeIndex) = entry.descriptor { typeIndices.append(typeIndex) }
        }
        self.functionTypeIndices = typeIndices + module.functions
        self.elementSegments = []
        self.dataSegments = module.data.map(\.bytes)
        var ordered: [(name: String, value: ExternalValue)] = []
        for export in module.exports {
            let value: ExternalValue
            switch export.descriptor {
            case .function(let i): value = .function(FunctionAddress(index: functionAddresses[Int(i)]))
            case .table(let i): value = .table(TableAddress(index: tableAddresses[Int(i)]))
            case .memory(let i): value = .memory(MemoryAddress(index: memoryAddresses[Int(i)]))
            case .global(let i): value = .global(GlobalAddress(index: globalAddresses[Int(i)]))
            }
            ordered.append((export.name, value))
        }
        self.orderedExports = ordered
        self.exportsByName = Dictionary(ordered.map { (Array($0.name.utf8), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.exports = Dictionary(ordered.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The export named `name` (compared byte for byte), if any.
    public func export(_ name: String) -> ExternalValue? {
        exportsByName[Array(name.utf8)]
    }

    /// The address of the exported function `name`, if the instance exports a function so named.
    public func exportedFunction(_ name: String) -> FunctionAddress? {
        if case .function(let address)? = exportsByName[Array(name.utf8)] { return address }
        return nil
    }

    /// The address of the exported memory `name`, if any.
    public func exportedMemory(_ name: String) -> MemoryAddress? {
        if case .memory(let address)? = exportsByName[Array(name.utf8)] { return address }
        return nil
    }

    /// The address of the exported global `name`, if any.
    public func exportedGlobal(_ name: String) -> GlobalAddress? {
        if case .global(let address)? = exportsByName[Array(name.utf8)] { return address }
        return nil
    }

    /// The address of the exported table `name`, if any.
    public func exportedTable(_ name: String) -> TableAddress? {
        if case .table(let address)? = exportsByName[Array(name.utf8)] { return address }
        return nil
    }

    /// Number of imported functions: defined function `i` has function index `importCount + i`.
    var importedFunctionCount: Int { functionAddresses.count - module.code.count }

    /// The type of function `index` of the module's function index space.
    func functionType(at index: Int) -> FunctionType {
        module.types[Int(functionTypeIndices[index])]
    }
}

extension Module {
    /// The parameter and result types of a block type.
    func blockSignature(_ type: BlockType) -> (parameters: [ValueType], results: [ValueType]) {
        switch type {
        case .empty: return ([], [])
        case .value(let t): return ([], [t])
        case .typeIndex(let i): return (types[Int(i)].parameters, types[Int(i)].results)
        }
    }
}
