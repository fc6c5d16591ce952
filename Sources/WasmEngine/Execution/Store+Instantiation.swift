/// Instantiation, in the order of the Wasm 2.0 specification:
///
/// 1. resolve and type-check every import (`LinkError` "unknown import" /
///    "incompatible import type"; table and memory limits match by subtyping);
/// 2. allocate the module's tables, memories, functions and globals (global
///    initializers are evaluated here);
/// 3. initialize active element segments, then active data segments, in order,
///    each as `table.init`/`memory.init` followed by a drop: a segment that does not fit
///    traps, and what earlier segments wrote stays written; declarative segments are
///    dropped;
/// 4. run the start function.
extension Store {
    /// Instantiates a validated module against `imports`.
    /// Throws `LinkError` when imports do not fit, or `Trap` from segment
    /// initialization or the start function.
    public func instantiate(_ validated: ValidatedModule, imports: Imports) throws -> Instance {
        let module = validated.module
        var functionAddresses: [Int] = []
        var tableAddresses: [Int] = []
        var memoryAddresses: [Int] = []
        var globalAddresses: [Int] = []

        for entry in module.imports {
            guard let value = imports.lookup(module: entry.module, name: entry.name) else {
                throw LinkError("unknown import \"\(entry.module)\" \"\(entry.name)\"")
            }
            let incompatible = LinkError("incompatible import type for \"\(entry.module)\" \"\(entry.name)\"")
            switch (entry.descriptor, value) {
            case (.function(let typeIndex), .function(let address)):
                guard address.index < functionCount, functionTypes[address.index] == module.types[Int(typeIndex)] else {
                    throw incompatible
                }
                functionAddresses.append(address.index)
            case (.table(let expected), .table(let address)):
                guard address.index < tableCells.count else { throw incompatible }
                let actual = tableCells[address.index].pointee
                guard actual.elementType == expected.elementType,
                      Store.limits(current: UInt64(actual.count), max: actual.declaredMax, match: expected.limits) else {
                    throw incompatible
                }
                tableAddresses.append(address.index)
            case (.memory(let expected), .memory(let address)):
                guard address.index < memoryCells.count else { throw incompatible }
                let actual = memoryCells[address.index].pointee
                guard Store.limits(current: actual.pageCount, max: actual.declaredMax, match: expected.limits) else {
                    throw incompatible
                }
                memoryAddresses.append(address.index)
            case (.global(let expected), .global(let address)):
                guard address.index < globalCells.count, globalTypes[address.index] == expected else { throw incompatible }
                globalAddresses.append(address.index)
            default:
                throw incompatible
            }
        }

        // Memories are checked before anything is allocated, so that a module that does not
        // fit leaves nothing charged to the store's memory budget.
        let importedMemories = memoryAddresses.count
        try checkMemoryLimits(module.memories, name: { "memory \(importedMemories + $0)" })
        for type in module.tables {
            tableAddresses.append(try allocateTableCell(type, initial: 0))
        }
        for type in module.memories {
            memoryAddresses.append(try allocateMemoryCell(type, name: "memory \(memoryAddresses.count)"))
        }
        let typeIDs = module.types.map { internType($0) }
        let instanceIndex = instances.count
        let memory = memoryAddresses.first.map { memoryCells[$0] } ?? emptyMemory
        for (definedIndex, typeIndex) in module.functions.enumerated() {
            let type = module.types[Int(typeIndex)]
            let entry = FunctionEntry(
                code: nil, frameSize: 0,
                localCount: type.parameters.count + module.code[definedIndex].locals.count,
                parameterCount: type.parameters.count, resultCount: type.results.count,
                typeID: typeIDs[Int(typeIndex)], memory: memory, instance: instanceIndex, index: definedIndex)
            functionAddresses.append(appendFunction(entry, type: type))
        }
        for global in module.globals {
            let bits = evaluate(global.initializer, functions: functionAddresses, globals: globalAddresses)
            globalAddresses.append(allocateGlobalCell(global.type, bits: bits))
        }

        let instance = Instance(
            module: module, index: instanceIndex, functionAddresses: functionAddresses,
            tableAddresses: tableAddresses, memoryAddresses: memoryAddresses,
            globalAddresses: globalAddresses, typeIDs: typeIDs)
        instances.append(instance)
        instance.elementSegments = module.elements.map { segment in
            segment.initializers.map { evaluate($0, functions: functionAddresses, globals: globalAddresses) }
        }

        for (index, segment) in module.elements.enumerated() {
            switch segment.mode {
            case .active(let table, let offsetExpression):
                let offset = evaluate(offsetExpression, functions: functionAddresses, globals: globalAddresses)
                let elements = instance.elementSegments[index]
                if let reason = initializeTable(tableCells[tableAddresses[Int(table)]], from: elements,
                                                destination: UInt32(truncatingIfNeeded: offset), source: 0,
                                                count: UInt32(elements.count)) {
                    throw Trap(reason: reason)
                }
                instance.elementSegments[index] = []
            case .declarative:
                instance.elementSegments[index] = []
            case .passive:
                break
            }
        }
        for (index, segment) in module.data.enumerated() {
            guard case .active(let memoryIndex, let offsetExpression) = segment.mode else { continue }
            let offset = evaluate(offsetExpression, functions: functionAddresses, globals: globalAddresses)
            if let reason = initializeMemory(memoryCells[memoryAddresses[Int(memoryIndex)]], from: segment.bytes,
                                             destination: UInt32(truncatingIfNeeded: offset), source: 0,
                                             count: UInt32(segment.bytes.count)) {
                throw Trap(reason: reason)
            }
            instance.dataSegments[index] = []
        }

        if let start = module.start {
            _ = try invoke(FunctionAddress(index: functionAddresses[Int(start)]), [])
        }
        return instance
    }

    /// Import matching of limits: the actual size must be at least the expected minimum,
    /// and if a maximum is expected the actual one must exist and be no larger.
    static func limits(current: UInt64, max: UInt64?, match expected: Limits) -> Bool {
        guard current >= expected.min else { return false }
        guard let expectedMax = expected.max else { return true }
        guard let max else { return false }
        return max <= expectedMax
    }

    /// Evaluates a constant expression to slot bits. The validator admits only constant
    /// instructions; the integer `add`/`sub`/`mul` of extended constant expressions are
    /// accepted too.
    func evaluate(_ expression: ConstantExpression, functions: [Int], globals: [Int]) -> UInt64 {
        var stack: [UInt64] = []
        for instruction in expression.instructions {
            switch instruction {
            case .i32Const(let v): stack.append(UInt64(UInt32(bitPattern: v)))
            case .i64Const(let v): stack.append(UInt64(bitPattern: v))
            case .f32Const(let bits): stack.append(UInt64(bits))
            case .f64Const(let bits): stack.append(bits)
            case .refNull: stack.append(0)
            case .refFunc(let index): stack.append(UInt64(functions[Int(index)]) &+ 1)
            case .globalGet(let index): stack.append(globalCells[globals[Int(index)]].pointee)
            case .numeric(let op) where stack.count >= 2:
                let rhs = stack.removeLast(), lhs = stack.removeLast()
                switch op {
                case .i32Add: stack.append(UInt64(UInt32(truncatingIfNeeded: lhs &+ rhs)))
                case .i32Sub: stack.append(UInt64(UInt32(truncatingIfNeeded: lhs &- rhs)))
                case .i32Mul: stack.append(UInt64(UInt32(truncatingIfNeeded: lhs &* rhs)))
                case .i64Add: stack.append(lhs &+ rhs)
                case .i64Sub: stack.append(lhs &- rhs)
                case .i64Mul: stack.append(lhs &* rhs)
                default: stack.append(lhs)
                }
            default:
                break
            }
        }
        return stack.last ?? 0
    }
}
