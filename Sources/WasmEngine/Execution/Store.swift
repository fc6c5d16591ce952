import Foundation

/// The world WebAssembly code runs in: every function, table, memory and global that
/// instances define or hosts allocate, plus the execution stack they run on.
///
/// Addresses (`FunctionAddress`, ...) index the store's tables below and stay valid for
/// the store's lifetime; nothing is ever freed before the store itself. Ownership:
///
/// ```
/// Store ─┬─ functions: [FunctionEntry]   (raw array; lazily translated code per entry)
///        ├─ memoryCells / tableCells / globalCells   (pointer-stable cells, see RuntimeStorage)
///        ├─ instances: [Instance]        (index-space maps and segments per module instance)
///        └─ execution stack: slots (one big UInt64 array) + frames (return records)
/// ```
///
/// A store is not thread-safe: one execution at a time (host functions may re-enter it).
public final class Store {
    /// The limits this store was created with.
    public let configuration: StoreConfiguration
    let isMetered: Bool
    let maxCallDepth: Int
    var fuel: UInt64

    /// Called when a metered fuel charge finds less fuel left than the code about to run
    /// needs; returns how much fuel to add. With more than 0 the execution goes on (the
    /// charge is made again, and the hook called again if it is still short); with 0 it
    /// traps `.outOfFuel` as it does without a hook.
    ///
    /// It runs only on that slow path (a charge that fails), so it costs nothing while fuel
    /// lasts. Inside it, `remainingFuel` reads the fuel left (less than the failing charge)
    /// and may be set; the returned amount is added to it afterwards. It must not run code
    /// in this store (`invoke`/`start` throw `InvocationError` while it runs).
    ///
    /// The contract is exact: fuel is charged per straight-line block before the block
    /// runs, so given the same total fuel, a run stops on the same instruction with the
    /// same memory, globals and fuel left, whether it got that total up front or in slices
    /// through this hook. An embedder can thus run a call in slices, check a wall-clock
    /// deadline on each exhaustion (returning 0 once it passed), record the total handed
    /// out, and replay the run deterministically by handing out that total.
    public var onFuelExhausted: ((Store) -> UInt64)?
    /// The fuel `onFuelExhausted` has added over the store's lifetime.
    public internal(set) var fuelAddedByHook: UInt64 = 0
    /// True while `onFuelExhausted` runs (executions cannot start then).
    var isRefueling = false

    var functions: UnsafeMutablePointer<FunctionEntry>
    var functionCount = 0
    var functionCapacity = 64
    /// The type of each function, by address.
    var functionTypes: [FunctionType] = []
    var hostBodies: [HostFunctionBody] = []
    /// Structural function-type interning: equal types get equal IDs (for `call_indirect`).
    var typeIDs: [FunctionType: Int] = [:]

    var memoryCells: [UnsafeMutablePointer<MemoryState>] = []
    /// The pages all memories have together, and their limit (`maxTotalMemoryPages`).
    let memoryBudget: UnsafeMutablePointer<MemoryBudget>
    var tableCells: [UnsafeMutablePointer<TableState>] = []
    var globalCells: [UnsafeMutablePointer<UInt64>] = []
    var globalTypes: [GlobalType] = []
    var instances: [Instance] = []
    var codeBuffers: [UnsafeMutablePointer<CodeUnit>] = []
    /// The memory of functions whose instance has none: zero bytes, so every access traps.
    let emptyMemory: UnsafeMutablePointer<MemoryState>

    // The execution stack (see Interpreter.swift).
    let slots: Slots
    let slotLimit: Slots
    /// The first slot no active execution uses; nested and new executions start here.
    var stackTop: Slots
    let frames: UnsafeMutablePointer<CallFrame>
    var frameCount = 0
    /// How many host functions are running (a suspension is only possible at depth 0).
    var hostCallDepth = 0
    /// Suspended executions, most recent last; only the last one can be resumed.
    var suspensions: [SuspendedExecution] = []

    /// Creates an empty store.
    public init(configuration: StoreConfiguration = .init()) {
        self.configuration = configuration
        self.isMetered = configuration.fuel != nil
        self.fuel = configuration.fuel ?? 0
        self.maxCallDepth = configuration.maxCallDepth
        self.functions = .allocate(capacity: functionCapacity)
        self.memoryBudget = .allocate(capacity: 1)
        memoryBudget.initialize(to: MemoryBudget(usedPages: 0, limitPages: configuration.maxTotalMemoryPages ?? .max))
        // A zero-page memory with no room to grow reserves nothing, so this cannot fail.
        self.emptyMemory = MemoryState.allocate(pages: 0, maxPages: 0, declaredMax: 0, budget: memoryBudget)!
        self.slots = .allocate(capacity: configuration.stackSlots)
        self.slotLimit = slots + configuration.stackSlots
        self.stackTop = slots
        // Room for the depth limit plus the exit and resume records of executions.
        self.frames = .allocate(capacity: configuration.maxCallDepth + 64)
    }

    deinit {
        functions.deallocate()
        for cell in memoryCells { MemoryState.release(cell) }
        MemoryState.release(emptyMemory)
        memoryBudget.deallocate()
        for cell in tableCells { cell.pointee.elements.deallocate(); cell.deallocate() }
        for cell in globalCells { cell.deallocate() }
        for buffer in codeBuffers { buffer.deallocate() }
        slots.deallocate()
        frames.deallocate()
    }

    /// The fuel left, or nil when the store is unmetered (`configuration.fuel == nil`).
    /// Setting it refuels a metered store; it cannot turn metering on or off.
    public var remainingFuel: UInt64? {
        get { isMetered ? fuel : nil }
        set { if isMetered { fuel = newValue ?? 0 } }
    }

    // MARK: - Allocation

    /// The store-wide ID of a function type; structurally equal types share an ID.
    func internType(_ type: FunctionType) -> Int {
        if let id = typeIDs[type] { return id }
        let id = typeIDs.count
        typeIDs[type] = id
        return id
    }

    func appendFunction(_ entry: FunctionEntry, type: FunctionType) -> Int {
        if functionCount == functionCapacity {
            let bigger = UnsafeMutablePointer<FunctionEntry>.allocate(capacity: functionCapacity * 2)
            bigger.moveInitialize(from: functions, count: functionCount)
            functions.deallocate()
            functions = bigger
            functionCapacity *= 2
        }
        (functions + functionCount).initialize(to: entry)
        functionTypes.append(type)
        functionCount += 1
        return functionCount - 1
    }

    /// Adds a function implemented by the host; it can be imported by modules or invoked.
    public func allocateHostFunction(type: FunctionType, _ body: @escaping HostFunctionBody) -> FunctionAddress {
        hostBodies.append(body)
        let entry = FunctionEntry(
            code: nil, frameSize: max(type.parameters.count, type.results.count),
            localCount: type.parameters.count, parameterCount: type.parameters.count,
            resultCount: type.results.count, typeID: internType(type), memory: emptyMemory,
            instance: -1, index: hostBodies.count - 1)
        return FunctionAddress(index: appendFunction(entry, type: type))
    }

    /// Adds a table of `type.limits.min` elements, all set to `initialValue`.
    public func allocateTable(type: TableType, initialValue: Value) throws -> TableAddress {
        guard initialValue.type == type.elementType else {
            throw InvocationError("table of \(type.elementType) cannot be filled with \(initialValue)")
        }
        return TableAddress(index: try allocateTableCell(type, initial: SlotEncoding.encode(initialValue)))
    }

    func allocateTableCell(_ type: TableType, initial: UInt64) throws -> Int {
        guard type.limits.min <= configuration.maxTableElements else {
            throw LinkError("table of \(type.limits.min) elements exceeds the store's limit of \(configuration.maxTableElements)")
        }
        tableCells.append(TableState.allocate(count: Int(type.limits.min), initial: initial, type: type,
                                              cap: configuration.maxTableElements))
        return tableCells.count - 1
    }

    /// The pages all memories of the store have together (what
    /// `StoreConfiguration.maxTotalMemoryPages` bounds).
    public var totalMemoryPages: UInt64 { memoryBudget.pointee.usedPages }

    /// Adds a zero-filled memory of `type.limits.min` pages. Throws `LinkError` when it
    /// passes the store's per-memory or total limit, or the OS refuses the memory.
    public func allocateMemory(type: MemoryType) throws -> MemoryAddress {
        try checkMemoryLimits([type], name: { _ in "memory" })
        return MemoryAddress(index: try allocateMemoryCell(type, name: "memory"))
    }

    /// Checks that memories of `types` fit the store's limits, each alone and all together
    /// with the store's memories; `name` gives the k-th memory's name for the error.
    func checkMemoryLimits(_ types: [MemoryType], name: (Int) -> String) throws {
        var total = memoryBudget.pointee.usedPages
        for (k, type) in types.enumerated() {
            let pages = type.limits.min
            guard pages <= configuration.maxMemoryPages else {
                throw LinkError("\(name(k)) of \(pages) pages exceeds the store's limit of \(configuration.maxMemoryPages) pages per memory")
            }
            guard memoryBudget.pointee.limitPages - total >= pages else {
                throw LinkError("\(name(k)) of \(pages) pages would bring the store's memories to \(total + pages) pages, past its limit of \(memoryBudget.pointee.limitPages) pages in total")
            }
            total += pages
        }
    }

    /// Allocates a memory that `checkMemoryLimits` admitted.
    func allocateMemoryCell(_ type: MemoryType, name: String) throws -> Int {
        let maxPages = min(type.limits.max ?? 65536, configuration.maxMemoryPages, memoryBudget.pointee.limitPages)
        guard let cell = MemoryState.allocate(pages: type.limits.min, maxPages: maxPages, declaredMax: type.limits.max,
                                              budget: memoryBudget) else {
            throw LinkError("\(name) of \(type.limits.min) pages could not be allocated: the system refused the memory")
        }
        memoryCells.append(cell)
        return memoryCells.count - 1
    }

    /// Adds a global holding `value`.
    public func allocateGlobal(type: GlobalType, value: Value) throws -> GlobalAddress {
        guard value.type == type.valueType else {
            throw InvocationError("global of type \(type.valueType) cannot hold \(value)")
        }
        return GlobalAddress(index: allocateGlobalCell(type, bits: SlotEncoding.encode(value)))
    }

    func allocateGlobalCell(_ type: GlobalType, bits: UInt64) -> Int {
        let cell = UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
        cell.initialize(to: bits)
        globalCells.append(cell)
        globalTypes.append(type)
        return globalCells.count - 1
    }

    // MARK: - Inspection

    /// The type of a function.
    public func type(of function: FunctionAddress) -> FunctionType {
        functionTypes[function.index]
    }

    /// The current value of a global.
    public func value(of global: GlobalAddress) -> Value {
        SlotEncoding.decode(globalCells[global.index].pointee, as: globalTypes[global.index].valueType)
    }

    /// The type of a global.
    public func type(of global: GlobalAddress) -> GlobalType {
        globalTypes[global.index]
    }

    /// Sets a global's value from the host (mutable or not: hosts own their globals).
    public func setValue(of global: GlobalAddress, _ value: Value) throws {
        guard value.type == globalTypes[global.index].valueType else {
            throw InvocationError("global of type \(globalTypes[global.index].valueType) cannot hold \(value)")
        }
        globalCells[global.index].pointee = SlotEncoding.encode(value)
    }

    /// The current type of a table (its size as the minimum).
    public func type(of table: TableAddress) -> TableType {
        let state = tableCells[table.index].pointee
        return TableType(elementType: state.elementType, limits: Limits(min: UInt64(state.count), max: state.declaredMax))
    }

    /// Element `index` of a table, or nil when out of bounds.
    public func element(of table: TableAddress, at index: Int) -> Value? {
        let state = tableCells[table.index].pointee
        guard index >= 0, index < state.count else { return nil }
        return SlotEncoding.decode(state.elements[index], as: state.elementType)
    }

    /// Host access to a memory: bounds-checked reads and writes, size and growth.
    public func memory(_ address: MemoryAddress) -> MemoryInstance {
        MemoryInstance(store: self, cell: memoryCells[address.index])
    }

    /// Translates defined function `address` (first call) and returns its updated entry.
    @inline(never)
    func translate(_ address: Int) -> FunctionEntry {
        let entry = functions[address]
        let instance = instances[entry.instance]
        var translator = Translator(store: self, instance: instance, definedIndex: entry.index)
        let (code, frameSize) = translator.translate(instance.module.code[entry.index])
        let buffer = UnsafeMutablePointer<CodeUnit>.allocate(capacity: code.count)
        buffer.initialize(from: code, count: code.count)
        codeBuffers.append(buffer)
        functions[address].code = buffer
        functions[address].frameSize = frameSize
        return functions[address]
    }
}

/// The return record of one call: where the caller continues. An *exit record* (nil
/// `code`) marks the bottom of one `start`/`invoke`; returning into it ends that run.
struct CallFrame {
    /// The caller's next instruction.
    var code: UnsafeMutablePointer<CodeUnit>?
    var fp: Slots
    var function: Int
    /// The caller's memory cell (saves looking it up through `function` on return).
    var memory: UnsafeMutablePointer<MemoryState>?
}
