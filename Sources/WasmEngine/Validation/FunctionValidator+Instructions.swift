/// The typing rule of every instruction (Wasm 2.0 without SIMD). Immediates are checked
/// before operands, as the reference interpreter does, so that e.g. a load without a
/// memory reports "unknown memory" rather than a type mismatch.
extension FunctionValidator {
    /// Applies the typing rule of the instruction at `instruction` to the stacks.
    ///
    /// It takes a pointer into the body rather than a value: passing an `Instruction` by
    /// value makes the caller copy it (an outlined copy and destroy per instruction,
    /// because a few cases carry arrays), whereas switching on the pointee only copies
    /// the payload a case binds.
    @inline(__always)
    mutating func validate(_ instruction: UnsafePointer<Instruction>) throws {
        switch instruction.pointee {
        // Control
        case .unreachable:
            markUnreachable()
        case .nop:
            break
        case .block(let blockType):
            let (parameters, results) = try signature(of: blockType)
            try pop(parameters)
            pushControl(.block, start: parameters, end: results)
        case .loop(let blockType):
            let (parameters, results) = try signature(of: blockType)
            try pop(parameters)
            pushControl(.loop, start: parameters, end: results)
        case .if(let blockType):
            let (parameters, results) = try signature(of: blockType)
            try pop(.i32)
            try pop(parameters)
            pushControl(.if, start: parameters, end: results)
        case .else:
            guard controls.count > 0, controls[controls.count - 1].kind == .if else {
                throw error("`else` without a matching `if`")
            }
            let frame = try popControl()
            pushControl(.else, start: frame.startTypes, end: frame.endTypes)
        case .end:
            let frame = try popControl()
            // An `if` without `else` has an implicit empty else arm that passes its
            // parameters through as results.
            if frame.kind == .if && !frame.startTypes.elementsEqual(frame.endTypes) {
                throw error("type mismatch")
            }
            push(frame.endTypes)
        case .br(let depth):
            try pop(labelTypes(depth))
            markUnreachable()
        case .brIf(let depth):
            let types = try labelTypes(depth)
            try pop(.i32)
            try pop(types)
            push(types)
        case .brTable(let depths, let defaultDepth):
            try pop(.i32)
            let defaultTypes = try labelTypes(defaultDepth)
            for depth in depths {
                let types = try labelTypes(depth)
                if types.count != defaultTypes.count { throw error("type mismatch") }
                try checkTop(types)
            }
            try pop(defaultTypes)
            markUnreachable()
        case .return:
            try pop(returnTypes)
            markUnreachable()
        case .call(let functionIndex):
            guard let type = context.functionType(functionIndex) else {
                throw error("unknown function \(functionIndex)")
            }
            try pop(type.parameters)
            push(type.results)
        case .callIndirect(let typeIndex, let tableIndex):
            let table = try self.table(tableIndex)
            if table.elementType != .funcref { throw error("type mismatch") }
            guard Int(typeIndex) < context.types.count else { throw error("unknown type \(typeIndex)") }
            let type = context.types[Int(typeIndex)]
            try pop(.i32)
            try pop(type.parameters)
            push(type.results)

        // References
        case .refNull(let type):
            guard type.isReference else { throw error("malformed reference type") }
            push(type)
        case .refIsNull:
            if let type = try pop(), !type.isReference { throw error("type mismatch") }
            push(.i32)
        case .refFunc(let functionIndex):
            guard Int(functionIndex) < context.functionTypeIndices.count else {
                throw error("unknown function \(functionIndex)")
            }
            guard context.declaredFunctionReferences[Int(functionIndex)] else {
                throw error("undeclared function reference")
            }
            push(.funcref)

        // Parametric
        case .drop:
            _ = try pop()
        case .select:
            try pop(.i32)
            let first = try pop()
            let second = try pop()
            // Untyped `select` is for numeric operands only; references need `select t`.
            if let first, !first.isNumeric { throw error("type mismatch") }
            if let second, !second.isNumeric { throw error("type mismatch") }
            if let first, let second, first != second { throw error("type mismatch") }
            push(first ?? second)
        case .typedSelect(let types):
            guard types.count == 1 else { throw error("invalid result arity") }
            let type = types[0]
            try checkSupported(type)
            try pop(.i32)
            try pop(type)
            try pop(type)
            push(type)

        // Variables
        case .localGet(let index):
            push(try local(index))
        case .localSet(let index):
            try pop(try local(index))
        case .localTee(let index):
            let type = try local(index)
            try pop(type)
            push(type)
        case .globalGet(let index):
            push(try global(index).valueType)
        case .globalSet(let index):
            let global = try global(index)
            guard global.isMutable else { throw error("global is immutable") }
            try pop(global.valueType)

        // Tables
        case .tableGet(let index):
            let table = try table(index)
            try pop(.i32)
            push(table.elementType)
        case .tableSet(let index):
            let table = try table(index)
            try pop(table.elementType)
            try pop(.i32)
        case .tableInit(let elementIndex, let tableIndex):
            let table = try table(tableIndex)
            let elementType = try elementSegmentType(elementIndex)
            if table.elementType != elementType { throw error("type mismatch") }
            try pop(.i32)
            try pop(.i32)
            try pop(.i32)
        case .elemDrop(let index):
            _ = try elementSegmentType(index)
        case .tableCopy(let destinationIndex, let sourceIndex):
            let destination = try table(destinationIndex)
            let source = try table(sourceIndex)
            if destination.elementType != source.elementType { throw error("type mismatch") }
            try pop(.i32)
            try pop(.i32)
            try pop(.i32)
        case .tableGrow(let index):
            let table = try table(index)
            try pop(.i32)
            try pop(table.elementType)
            push(.i32)
        case .tableSize(let index):
            _ = try table(index)
            push(.i32)
        case .tableFill(let index):
            let table = try table(index)
            try pop(.i32)
            try pop(table.elementType)
            try pop(.i32)

        // Memory
        case .load(let op, let argument):
            try checkMemory(argument.memoryIndex)
            if argument.alignment > op.naturalAlignment {
                throw error("alignment must not be larger than natural")
            }
            try pop(.i32)
            push(op.resultType)
        case .store(let op, let argument):
            try checkMemory(argument.memoryIndex)
            if argument.alignment > op.naturalAlignment {
                throw error("alignment must not be larger than natural")
            }
            try pop(op.valueType)
            try pop(.i32)
        case .memorySize(let memoryIndex):
            try checkMemory(memoryIndex)
            push(.i32)
        case .memoryGrow(let memoryIndex):
            try checkMemory(memoryIndex)
            try pop(.i32)
            push(.i32)
        case .memoryInit(let dataIndex, let memoryIndex):
            try checkMemory(memoryIndex)
            try checkDataSegment(dataIndex)
            try pop(.i32)
            try pop(.i32)
            try pop(.i32)
        case .dataDrop(let dataIndex):
            try checkDataSegment(dataIndex)
        case .memoryCopy(let destinationMemory, let sourceMemory):
            try checkMemory(destinationMemory)
            try checkMemory(sourceMemory)
            try pop(.i32)
            try pop(.i32)
            try pop(.i32)
        case .memoryFill(let memoryIndex):
            try checkMemory(memoryIndex)
            try pop(.i32)
            try pop(.i32)
            try pop(.i32)

        // Numeric
        case .i32Const:
            push(.i32)
        case .i64Const:
            push(.i64)
        case .f32Const:
            push(.f32)
        case .f64Const:
            push(.f64)
        case .numeric(let op):
            let signature = numericSignature(op)
            if signature.operandCount == 2 { try pop(signature.second) }
            try pop(signature.first)
            push(signature.result)
        }
    }

    // MARK: Immediates

    /// The parameters and results of a block type; type indices must name a type.
    func signature(of blockType: BlockType) throws -> (TypeSequence, TypeSequence) {
        switch blockType {
        case .empty:
            return (.none, .none)
        case .value(let type):
            try checkSupported(type)
            return (.none, .one(type))
        case .typeIndex(let index):
            guard Int(index) < context.types.count else { throw error("unknown type \(index)") }
            let type = context.types[Int(index)]
            for valueType in type.parameters { try checkSupported(valueType) }
            for valueType in type.results { try checkSupported(valueType) }
            return (TypeSequence(type.parameters), TypeSequence(type.results))
        }
    }

    /// The type of local `index` (parameters first), or "unknown local".
    @inline(__always)
    func local(_ index: UInt32) throws -> ValueType {
        guard Int(index) < locals.count else { throw error("unknown local \(index)") }
        return locals[Int(index)]
    }

    /// The type of global `index`, or "unknown global".
    @inline(__always)
    func global(_ index: UInt32) throws -> GlobalType {
        guard Int(index) < context.globals.count else { throw error("unknown global \(index)") }
        return context.globals[Int(index)]
    }

    /// The type of table `index`, or "unknown table".
    @inline(__always)
    func table(_ index: UInt32) throws -> TableType {
        guard Int(index) < context.tables.count else { throw error("unknown table \(index)") }
        return context.tables[Int(index)]
    }

    /// The reference type of element segment `index`, or "unknown elem segment".
    func elementSegmentType(_ index: UInt32) throws -> ValueType {
        guard Int(index) < context.elementTypes.count else { throw error("unknown elem segment \(index)") }
        return context.elementTypes[Int(index)]
    }

    /// Requires memory `index` to exist ("unknown memory").
    @inline(__always)
    func checkMemory(_ index: UInt32) throws {
        guard Int(index) < context.memories.count else { throw error("unknown memory \(index)") }
    }

    /// Requires data segment `index` to exist; `memory.init` and `data.drop` also need the
    /// data count section, which announces the segments before the code section.
    func checkDataSegment(_ index: UInt32) throws {
        guard Int(index) < context.dataSegmentCount else { throw error("unknown data segment \(index)") }
        guard context.hasDataCountSection else { throw error("data count section required") }
    }
}
