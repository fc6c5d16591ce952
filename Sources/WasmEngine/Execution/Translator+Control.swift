/// Translation of structured control flow and calls.
///
/// Branch targets are absolute instruction indices. Forward branches (to a block's end)
/// are recorded in the block's `patches` and filled in when the end is reached; loops
/// branch backwards to their already known header. A branch that carries values first
/// copies them into the slots where the target expects them (the label's stack height).
extension Translator {
    mutating func translateBlock(_ type: BlockType, kind: ControlKind) {
        let signature = module.blockSignature(type)
        materializeAll()
        var control = Control(kind: kind, height: stack.count - signature.parameters.count,
                              parameterCount: signature.parameters.count, resultCount: signature.results.count)
        if kind == .loop {
            control.loopStart = code.count
            labelPosition = code.count
            startFuelSegment()
        }
        controls.append(control)
    }

    mutating func translateIf(_ type: BlockType) {
        let signature = module.blockSignature(type)
        let condition = popSlot()
        let comparison = takeComparison(producing: condition)
        materializeAll()
        let branch = emitConditionalBranch(on: condition, comparison, whenTrue: false)
        controls.append(Control(kind: .ifThen, height: stack.count - signature.parameters.count,
                                parameterCount: signature.parameters.count, resultCount: signature.results.count,
                                elsePatch: branch))
        startFuelSegment()
    }

    mutating func translateElse() {
        var control = controls.removeLast()
        if reachable {
            materializeAll()
            control.patches.append(emit(CodeUnit(.br)))
        }
        if let branch = control.elsePatch { setTarget(of: branch, to: code.count) }
        control.elsePatch = nil
        control.kind = .ifElse
        controls.append(control)
        resetStack(height: control.height, count: control.parameterCount)
        reachable = true
        startFuelSegment()
    }

    mutating func translateEnd() {
        let control = controls.removeLast()
        if reachable { materializeAll() }
        let hasLabel = !control.patches.isEmpty || control.elsePatch != nil
        for branch in control.patches { setTarget(of: branch, to: code.count) }
        if let branch = control.elsePatch { setTarget(of: branch, to: code.count) }
        resetStack(height: control.height, count: control.resultCount)
        reachable = true
        if controls.isEmpty {
            // The function's own block: its results are at the bottom of the operand stack.
            emit(CodeUnit(.ret, a: slotIndex(0), b: UInt32(resultCount)))
        } else if hasLabel {
            startFuelSegment()
        }
    }

    /// Points the branch at `index` to `target` (the field depends on the branch kind).
    mutating func setTarget(of index: Int, to target: Int) {
        labelPosition = max(labelPosition, target)
        switch code[index].op {
        case .br: code[index].a = UInt32(target)
        case .brIf, .brUnless: code[index].b = UInt32(target)
        default: code[index].c = UInt32(target)   // fused compare-and-branch
        }
    }

    /// Rewrites every branch target from an absolute index into an offset from the unit
    /// after the branch, so the interpreter needs only its instruction pointer. Offsets
    /// are stored plus 2^31 (unsigned), which keeps all fields zero-extended loads.
    mutating func makeBranchTargetsRelative() {
        func relative(_ target: UInt32, from index: Int) -> UInt32 {
            UInt32(Int(target) - (index + 1) + 0x8000_0000)
        }
        for index in code.indices {
            switch code[index].op {
            case .br: code[index].a = relative(code[index].a, from: index)
            case .brIf, .brUnless: code[index].b = relative(code[index].b, from: index)
            default:
                if code[index].op.isFusedBranch { code[index].c = relative(code[index].c, from: index) }
            }
        }
    }

    /// Emits the copies that move a branch's values into the target label's slots.
    /// Targets are never above their sources, so copying upwards is overlap-safe.
    mutating func emitBranchCopies(to control: Control) {
        let arity = control.branchArity
        for i in 0..<arity {
            let k = stack.count - arity + i
            let dst = slotIndex(control.height + i)
            switch stack[k] {
            case .slot: if slotIndex(k) != dst { emitCopy(to: dst, from: slotIndex(k)) }
            case .local(let x): emitCopy(to: dst, from: x)
            case .constant(let bits): emit(CodeUnit(.const, a: dst, imm: bits))
            }
        }
    }

    /// Whether a branch to `control` needs copies (its values are not already in place).
    func branchNeedsCopies(to control: Control) -> Bool {
        let arity = control.branchArity
        for i in 0..<arity {
            let k = stack.count - arity + i
            if stack[k] != .slot || k != control.height + i { return true }
        }
        return false
    }

    /// Emits an unconditional branch to label `depth` (without copies).
    mutating func emitJump(toLabel depth: Int) {
        let index = controls.count - 1 - depth
        if controls[index].kind == .loop {
            emit(CodeUnit(.br, a: UInt32(controls[index].loopStart)))
        } else {
            controls[index].patches.append(emit(CodeUnit(.br)))
        }
    }

    mutating func translateBr(_ depth: Int) {
        emitBranchCopies(to: controls[controls.count - 1 - depth])
        emitJump(toLabel: depth)
        reachable = false
    }

    mutating func translateBrIf(_ depth: Int) {
        let condition = popSlot()
        let comparison = takeComparison(producing: condition)
        let index = controls.count - 1 - depth
        let target = controls[index]
        if !branchNeedsCopies(to: target) {
            let branch = emitConditionalBranch(on: condition, comparison, whenTrue: true)
            if target.kind == .loop {
                setTarget(of: branch, to: target.loopStart)
            } else {
                controls[index].patches.append(branch)
            }
        } else {
            let skip = emitConditionalBranch(on: condition, comparison, whenTrue: false)
            emitBranchCopies(to: target)
            emitJump(toLabel: depth)
            setTarget(of: skip, to: code.count)
        }
        startFuelSegment()
    }

    mutating func translateBrTable(_ depths: [Int]) {
        let selector = popSlot()
        emit(CodeUnit(.brTable, a: selector, b: UInt32(depths.count)))
        // One `br` per entry right after the table; entries whose label needs copies
        // jump to a trampoline (copies + br) emitted after the table.
        let first = code.count
        for _ in depths { code.append(CodeUnit(.br)) }
        for (offset, depth) in depths.enumerated() {
            let index = controls.count - 1 - depth
            let target = controls[index]
            if branchNeedsCopies(to: target) {
                code[first + offset].a = UInt32(code.count)
                labelPosition = code.count
                emitBranchCopies(to: target)
                emitJump(toLabel: depth)
            } else if target.kind == .loop {
                code[first + offset].a = UInt32(target.loopStart)
            } else {
                controls[index].patches.append(first + offset)
            }
        }
        lastWrite = nil
        reachable = false
    }

    mutating func translateReturn() {
        materializeTop(resultCount)
        emit(CodeUnit(.ret, a: slotIndex(stack.count - resultCount), b: UInt32(resultCount)))
        reachable = false
    }

    mutating func translateCall(_ function: Int) {
        let type = instance.functionType(at: function)
        let base = popOperands(type.parameters.count)
        emit(CodeUnit(.call, a: base, imm: UInt64(instance.functionAddresses[function])))
        for _ in type.results { push(.slot) }
    }

    mutating func translateCallIndirect(_ typeIndex: Int, table: Int) {
        let type = module.types[typeIndex]
        let selector = popSlot()
        let base = popOperands(type.parameters.count)
        emit(CodeUnit(.callIndirect, a: base, b: selector, c: UInt32(instance.typeIDs[typeIndex]),
                      imm: tableCell(UInt32(table))))
        for _ in type.results { push(.slot) }
    }

    /// If the condition just popped from `slot` was computed by the last emitted
    /// instruction and that is a comparison (or `i32.eqz`), removes it so the branch can
    /// test the comparison itself. The slot is a stack temporary nothing else reads.
    mutating func takeComparison(producing slot: UInt32) -> CodeUnit? {
        guard let producer = lastWrite, producer == code.count - 1, code[producer].a == slot,
              slot == slotIndex(stack.count) else { return nil }
        let op = code[producer].op
        guard op == .i32Eqz || Translator.fusedBranch(op, negated: false) != nil else { return nil }
        lastWrite = nil
        return code.removeLast()
    }

    /// If the `select` condition just popped from `slot` was computed by the last emitted
    /// instruction as an integer comparison (or `eqz`), removes it and returns the fused
    /// select that tests it: the opcode, its two comparison fields (see `OpCode`), and
    /// whether the select must swap its two values (for the negated comparisons).
    mutating func takeSelectComparison(producing slot: UInt32) -> (OpCode, UInt32, UInt32, Bool)? {
        guard let producer = lastWrite, producer == code.count - 1, code[producer].a == slot,
              slot == slotIndex(stack.count) else { return nil }
        let unit = code[producer]
        let x = unit.b, y = unit.c
        // A 32-bit constant of an immediate comparison; for i64 only when it sign-extends.
        let k32 = UInt32(truncatingIfNeeded: unit.imm)
        let k64Fits = Int64(bitPattern: unit.imm) == Int64(Int32(bitPattern: k32))
        let fused: (OpCode, UInt32, UInt32, Bool)?
        switch unit.op {
        case .i32Eq: fused = (.selectI32Eq, x, y, false)
        case .i32Ne: fused = (.selectI32Eq, x, y, true)
        case .i32LtS: fused = (.selectI32LtS, x, y, false)
        case .i32LtU: fused = (.selectI32LtU, x, y, false)
        case .i32GtS: fused = (.selectI32LtS, y, x, false)
        case .i32GtU: fused = (.selectI32LtU, y, x, false)
        case .i32LeS: fused = (.selectI32LeS, x, y, false)
        case .i32LeU: fused = (.selectI32LeU, x, y, false)
        case .i32GeS: fused = (.selectI32LeS, y, x, false)
        case .i32GeU: fused = (.selectI32LeU, y, x, false)
        case .i64Eq: fused = (.selectI64Eq, x, y, false)
        case .i64Ne: fused = (.selectI64Eq, x, y, true)
        case .i64LtS: fused = (.selectI64LtS, x, y, false)
        case .i64LtU: fused = (.selectI64LtU, x, y, false)
        case .i64GtS: fused = (.selectI64LtS, y, x, false)
        case .i64GtU: fused = (.selectI64LtU, y, x, false)
        case .i64LeS: fused = (.selectI64LeS, x, y, false)
        case .i64LeU: fused = (.selectI64LeU, x, y, false)
        case .i64GeS: fused = (.selectI64LeS, y, x, false)
        case .i64GeU: fused = (.selectI64LeU, y, x, false)
        case .i32EqImm: fused = (.selectI32EqImm, x, k32, false)
        case .i32NeImm: fused = (.selectI32EqImm, x, k32, true)
        case .i32LtSImm: fused = (.selectI32LtSImm, x, k32, false)
        case .i32LtUImm: fused = (.selectI32LtUImm, x, k32, false)
        case .i32GtSImm: fused = (.selectI32GtSImm, x, k32, false)
        case .i32GtUImm: fused = (.selectI32GtUImm, x, k32, false)
        case .i32LeSImm: fused = (.selectI32GtSImm, x, k32, true)
        case .i32LeUImm: fused = (.selectI32GtUImm, x, k32, true)
        case .i32GeSImm: fused = (.selectI32LtSImm, x, k32, true)
        case .i32GeUImm: fused = (.selectI32LtUImm, x, k32, true)
        case .i32Eqz: fused = (.selectI32EqImm, x, 0, false)
        case .i64Eqz: fused = (.selectI64EqImm, x, 0, false)
        case .i64EqImm where k64Fits: fused = (.selectI64EqImm, x, k32, false)
        case .i64NeImm where k64Fits: fused = (.selectI64EqImm, x, k32, true)
        case .i64LtSImm where k64Fits: fused = (.selectI64LtSImm, x, k32, false)
        case .i64LtUImm where k64Fits: fused = (.selectI64LtUImm, x, k32, false)
        case .i64GtSImm where k64Fits: fused = (.selectI64GtSImm, x, k32, false)
        case .i64GtUImm where k64Fits: fused = (.selectI64GtUImm, x, k32, false)
        default: fused = nil
        }
        guard fused != nil else { return nil }
        code.removeLast()
        lastWrite = nil
        return fused
    }

    /// Emits a branch (target to be set) taken when the condition is true (`whenTrue`)
    /// or false, fused with `comparison` when there is one.
    mutating func emitConditionalBranch(on condition: UInt32, _ comparison: CodeUnit?, whenTrue: Bool) -> Int {
        guard let comparison else {
            return emit(CodeUnit(whenTrue ? .brIf : .brUnless, a: condition))
        }
        if comparison.op == .i32Eqz {
            // Branch on `x == 0` is branch-unless on x.
            return emit(CodeUnit(whenTrue ? .brUnless : .brIf, a: comparison.b))
        }
        let fused = Translator.fusedBranch(comparison.op, negated: !whenTrue)!
        return emit(CodeUnit(fused, a: comparison.b, b: comparison.c, imm: comparison.imm))
    }

    /// The fused branch for a comparison, or for its negation (used by `brUnless`).
    static func fusedBranch(_ op: OpCode, negated: Bool) -> OpCode? {
        let pairs: [(OpCode, OpCode, OpCode, OpCode)] = [
            // comparison, its negation, fused branch, fused branch of the negation
            (.i32Eq, .i32Ne, .brI32Eq, .brI32Ne), (.i32Ne, .i32Eq, .brI32Ne, .brI32Eq),
            (.i32LtS, .i32GeS, .brI32LtS, .brI32GeS), (.i32GeS, .i32LtS, .brI32GeS, .brI32LtS),
            (.i32LtU, .i32GeU, .brI32LtU, .brI32GeU), (.i32GeU, .i32LtU, .brI32GeU, .brI32LtU),
            (.i32GtS, .i32LeS, .brI32GtS, .brI32LeS), (.i32LeS, .i32GtS, .brI32LeS, .brI32GtS),
            (.i32GtU, .i32LeU, .brI32GtU, .brI32LeU), (.i32LeU, .i32GtU, .brI32LeU, .brI32GtU),
            (.i32EqImm, .i32NeImm, .brI32EqImm, .brI32NeImm), (.i32NeImm, .i32EqImm, .brI32NeImm, .brI32EqImm),
            (.i32LtSImm, .i32GeSImm, .brI32LtSImm, .brI32GeSImm), (.i32GeSImm, .i32LtSImm, .brI32GeSImm, .brI32LtSImm),
            (.i32LtUImm, .i32GeUImm, .brI32LtUImm, .brI32GeUImm), (.i32GeUImm, .i32LtUImm, .brI32GeUImm, .brI32LtUImm),
            (.i32GtSImm, .i32LeSImm, .brI32GtSImm, .brI32LeSImm), (.i32LeSImm, .i32GtSImm, .brI32LeSImm, .brI32GtSImm),
            (.i32GtUImm, .i32LeUImm, .brI32GtUImm, .brI32LeUImm), (.i32LeUImm, .i32GtUImm, .brI32LeUImm, .brI32GtUImm),
        ]
        for (comparison, _, branch, negatedBranch) in pairs where comparison == op {
            return negated ? negatedBranch : branch
        }
        return nil
    }

    /// The operator that takes its right operand as an immediate, for operators where
    /// folding a constant is common in compiled code.
    static func immediateVariant(_ op: NumericOperator) -> OpCode? {
        switch op {
        case .i32Add: return .i32AddImm
        case .i32Sub: return .i32SubImm
        case .i32Mul: return .i32MulImm
        case .i32And: return .i32AndImm
        case .i32Or: return .i32OrImm
        case .i32Xor: return .i32XorImm
        case .i32Shl: return .i32ShlImm
        case .i32ShrS: return .i32ShrSImm
        case .i32ShrU: return .i32ShrUImm
        case .i32Eq: return .i32EqImm
        case .i32Ne: return .i32NeImm
        case .i32LtS: return .i32LtSImm
        case .i32LtU: return .i32LtUImm
        case .i32GtS: return .i32GtSImm
        case .i32GtU: return .i32GtUImm
        case .i32LeS: return .i32LeSImm
        case .i32LeU: return .i32LeUImm
        case .i32GeS: return .i32GeSImm
        case .i32GeU: return .i32GeUImm
        case .i64Add: return .i64AddImm
        case .i64Sub: return .i64SubImm
        case .i64Mul: return .i64MulImm
        case .i64And: return .i64AndImm
        case .i64Or: return .i64OrImm
        case .i64Xor: return .i64XorImm
        case .i64Shl: return .i64ShlImm
        case .i64ShrS: return .i64ShrSImm
        case .i64ShrU: return .i64ShrUImm
        case .i64Eq: return .i64EqImm
        case .i64Ne: return .i64NeImm
        case .i64LtS: return .i64LtSImm
        case .i64LtU: return .i64LtUImm
        case .i64GtS: return .i64GtSImm
        case .i64GtU: return .i64GtUImm
        case .i32Rotl: return .i32RotlImm
        case .i32Rotr: return .i32RotrImm
        case .i64Rotl: return .i64RotlImm
        case .i64Rotr: return .i64RotrImm
        default: return nil
        }
    }
}

extension OpCode {
    /// A fused compare-and-branch (target in `c`).
    var isFusedBranch: Bool {
        rawValue >= OpCode.brI32Eq.rawValue && rawValue <= OpCode.brI32GeUImm.rawValue
    }

    init(_ op: LoadOperator) {
        switch op {
        case .i32Load: self = .i32Load
        case .i64Load: self = .i64Load
        case .f32Load: self = .f32Load
        case .f64Load: self = .f64Load
        case .i32Load8S: self = .i32Load8S
        case .i32Load8U: self = .i32Load8U
        case .i32Load16S: self = .i32Load16S
        case .i32Load16U: self = .i32Load16U
        case .i64Load8S: self = .i64Load8S
        case .i64Load8U: self = .i64Load8U
        case .i64Load16S: self = .i64Load16S
        case .i64Load16U: self = .i64Load16U
        case .i64Load32S: self = .i64Load32S
        case .i64Load32U: self = .i64Load32U
        }
    }

    /// The form of a load whose address is a sum of two slots, when it has one.
    static func addressSumVariant(_ op: LoadOperator) -> OpCode? {
        switch op {
        case .i32Load, .f32Load, .i64Load32U: return .i32LoadAdd
        case .i64Load, .f64Load: return .i64LoadAdd
        case .i32Load8U, .i64Load8U: return .i32Load8UAdd
        default: return nil
        }
    }

    /// The scaled-index form of a load whose slot-sum form is `sumVariant`, and its shift.
    static func scaledVariant(_ sumVariant: OpCode) -> (OpCode, UInt64)? {
        switch sumVariant {
        case .i32LoadAdd: return (.i32LoadScaled, 2)
        case .i64LoadAdd: return (.i64LoadScaled, 3)
        default: return nil
        }
    }

    /// The form of a store whose address is a sum of two slots, when it has one.
    static func addressSumVariant(_ op: StoreOperator) -> OpCode? {
        switch op {
        case .i32Store, .f32Store, .i64Store32: return .i32StoreAdd
        case .i64Store, .f64Store: return .i64StoreAdd
        case .i32Store8, .i64Store8: return .i32Store8Add
        default: return nil
        }
    }

    /// The form of a store of the constant `bits` that holds the value in the unit, when
    /// the store has one and the value fits (`i64` stores: sign-extended 32 bits).
    static func constantValueVariant(_ op: StoreOperator, _ bits: UInt64) -> OpCode? {
        switch op {
        case .i32Store, .f32Store, .i64Store32: return .i32StoreImm
        case .i32Store8, .i64Store8: return .i32Store8Imm
        case .i32Store16, .i64Store16: return .i32Store16Imm
        case .i64Store, .f64Store:
            let fits = Int64(bitPattern: bits) == Int64(Int32(truncatingIfNeeded: bits))
            return fits ? .i64StoreImm : nil
        }
    }

    /// The form of a load from a memory other than memory 0 (see `i32LoadOther`).
    static func otherMemoryVariant(_ op: LoadOperator) -> OpCode {
        switch op {
        case .i32Load, .f32Load, .i64Load32U: return .i32LoadOther
        case .i64Load, .f64Load: return .i64LoadOther
        case .i32Load8S: return .i32Load8SOther
        case .i32Load8U, .i64Load8U: return .i32Load8UOther
        case .i32Load16S: return .i32Load16SOther
        case .i32Load16U, .i64Load16U: return .i32Load16UOther
        case .i64Load8S: return .i64Load8SOther
        case .i64Load16S: return .i64Load16SOther
        case .i64Load32S: return .i64Load32SOther
        }
    }

    /// The form of a store to a memory other than memory 0 (see `i32LoadOther`).
    static func otherMemoryVariant(_ op: StoreOperator) -> OpCode {
        switch op {
        case .i32Store, .f32Store, .i64Store32: return .i32StoreOther
        case .i64Store, .f64Store: return .i64StoreOther
        case .i32Store8, .i64Store8: return .i32Store8Other
        case .i32Store16, .i64Store16: return .i32Store16Other
        }
    }

    init(_ op: StoreOperator) {
        switch op {
        case .i32Store: self = .i32Store
        case .i64Store: self = .i64Store
        case .f32Store: self = .f32Store
        case .f64Store: self = .f64Store
        case .i32Store8: self = .i32Store8
        case .i32Store16: self = .i32Store16
        case .i64Store8: self = .i64Store8
        case .i64Store16: self = .i64Store16
        case .i64Store32: self = .i64Store32
        }
    }
}
