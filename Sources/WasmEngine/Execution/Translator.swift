/// Translates one validated function body into internal code (`CodeUnit`s).
///
/// The Wasm operand stack is mapped onto frame slots at translation time: the value at
/// stack height `h` lives in slot `localCount + h`. The translator keeps a *virtual*
/// stack that remembers, for each entry, where its value currently is:
///
/// - `.slot`: already in its own stack slot;
/// - `.local(x)`: still in local `x` (a `local.get` not yet copied);
/// - `.constant(bits)`: a `*.const`, `ref.null` or `ref.func` not yet written anywhere.
///
/// Instructions read `.local` entries straight from the local's slot, and common binary
/// operators take a `.constant` right operand as an immediate, so `local.get` and
/// `*.const` usually cost nothing at run time. Entries are *materialized* (copied into
/// their own slot) whenever a later instruction needs them there: at control-flow
/// boundaries, for call arguments, and before the local they mirror is overwritten.
/// A `local.set` right after the instruction that computed its value retargets that
/// instruction's destination instead of emitting a copy.
///
/// The input is assumed valid (`ValidatedModule`); the translator does not re-check types.
struct Translator {
    enum Operand: Equatable {
        case slot
        case local(UInt32)
        case constant(UInt64)
    }

    enum ControlKind { case block, loop, ifThen, ifElse }

    struct Control {
        var kind: ControlKind
        /// Operand height below the block's parameters.
        var height: Int
        var parameterCount: Int
        var resultCount: Int
        /// For loops, the index of the loop header (the branch target).
        var loopStart: Int = 0
        /// Branches to this block's end, patched when the end is reached.
        var patches: [Int] = []
        /// For `if`, the conditional branch to the `else` (or the end when there is none).
        var elsePatch: Int?
        /// Opened inside dead code: nothing is emitted for it.
        var isDead = false

        /// How many values a branch to this label carries.
        var branchArity: Int { kind == .loop ? parameterCount : resultCount }
    }

    let module: Module
    let instance: Instance
    let store: Store
    let localCount: Int
    let resultCount: Int
    let metered: Bool

    var code: [CodeUnit] = []
    var stack: [Operand] = []
    var controls: [Control] = []
    var maxHeight = 0
    var reachable = true
    /// The last emitted instruction, if its destination (`a`) is the top stack slot and
    /// it may be retargeted to a local by a following `local.set`/`local.tee`.
    var lastWrite: Int?
    /// The position of the latest label (branch target) placed at the end of the code:
    /// a unit emitted there must not be fused into the unit before it.
    var labelPosition = -1
    /// The `fuel` unit of the current straight-line segment and its instruction count.
    var fuelUnit: Int?
    var fuelCount: UInt64 = 0
    /// The `fuelSkip` unit of the empty segment right before the current one, which also
    /// charges the current segment's count.
    var fuelSkipUnit: Int?

    /// Prepares to translate defined function `definedIndex` of `instance`.
    init(store: Store, instance: Instance, definedIndex: Int) {
        self.store = store
        self.instance = instance
        self.module = instance.module
        let type = module.types[Int(module.functions[definedIndex])]
        self.localCount = type.parameters.count + module.code[definedIndex].locals.count
        self.resultCount = type.results.count
        self.metered = store.isMetered
    }

    /// The translated code and the number of slots a frame of this function needs.
    mutating func translate(_ body: FunctionBody) -> (code: [CodeUnit], frameSize: Int) {
        code.reserveCapacity(body.instructions.count + 4)
        controls.append(Control(kind: .block, height: 0, parameterCount: 0, resultCount: resultCount))
        startFuelSegment()
        for instruction in body.instructions {
            if !reachable {
                translateDead(instruction)
                continue
            }
            fuelCount &+= 1
            translate(instruction)
            if controls.isEmpty { break }
        }
        closeFuelSegment()
        makeBranchTargetsRelative()
        for k in code.indices { code[k].handler = CodeUnit.handler(for: code[k]) }
        return (code, localCount + maxHeight + 1)
    }

    /// Dead code (after an unconditional branch) emits nothing; only the block structure
    /// is followed so the matching `else`/`end` is found.
    private mutating func translateDead(_ instruction: Instruction) {
        switch instruction {
        case .block, .loop, .if:
            controls.append(Control(kind: .block, height: stack.count, parameterCount: 0, resultCount: 0, isDead: true))
        case .else:
            if !controls[controls.count - 1].isDead { translateElse() }
        case .end:
            if controls[controls.count - 1].isDead {
                controls.removeLast()
            } else {
                translateEnd()
            }
        default:
            break
        }
    }

    // MARK: - Virtual stack

    @inline(__always) func slotIndex(_ height: Int) -> UInt32 { UInt32(localCount + height) }

    /// Copies entry `k` into its own slot if it is not there yet.
    mutating func materialize(_ k: Int) {
        switch stack[k] {
        case .slot: return
        case .local(let x): emitCopy(to: slotIndex(k), from: x)
        case .constant(let bits): emit(CodeUnit(.const, a: slotIndex(k), imm: bits))
        }
        stack[k] = .slot
    }

    /// Materializes the top `count` entries (call arguments and the like).
    mutating func materializeTop(_ count: Int) {
        for k in (stack.count - count)..<stack.count { materialize(k) }
    }

    mutating func materializeAll() { materializeTop(stack.count) }

    /// Materializes every entry that still mirrors local `x` (before `x` changes).
    mutating func materializeLocal(_ x: UInt32) {
        for k in 0..<stack.count where stack[k] == .local(x) { materialize(k) }
    }

    /// Pops the top entry and returns the slot that holds its value.
    mutating func popSlot() -> UInt32 {
        let k = stack.count - 1
        let slot: UInt32
        switch stack[k] {
        case .slot: slot = slotIndex(k)
        case .local(let x): slot = x
        case .constant: materialize(k); slot = slotIndex(k)
        }
        stack.removeLast()
        return slot
    }

    /// Pushes a value that an instruction will write into its own slot; returns that slot.
    mutating func pushSlot() -> UInt32 {
        push(.slot)
        return slotIndex(stack.count - 1)
    }

    mutating func push(_ operand: Operand) {
        stack.append(operand)
        if stack.count > maxHeight { maxHeight = stack.count }
    }

    /// Replaces the stack above `height` by `count` values in their own slots.
    mutating func resetStack(height: Int, count: Int) {
        stack.removeSubrange(min(height, stack.count)...)
        lastWrite = nil
        for _ in 0..<count { push(.slot) }
    }

    // MARK: - Emission

    @discardableResult
    mutating func emit(_ unit: CodeUnit) -> Int {
        code.append(unit)
        lastWrite = nil
        return code.count - 1
    }

    /// Emits `dst` <- slot `src`, fused with an immediately preceding copy when no label
    /// lies between them (pairs of copies are common around branches and loop-carried
    /// variables; one dispatch instead of two).
    mutating func emitCopy(to dst: UInt32, from src: UInt32) {
        if let last = code.indices.last, code[last].op == .copy, labelPosition != code.count {
            code[last] = CodeUnit(.copy2, a: code[last].a, b: code[last].b, c: dst, imm: UInt64(src))
            lastWrite = nil
            return
        }
        emit(CodeUnit(.copy, a: dst, b: src))
    }

    /// Emits an instruction whose destination `a` is the new top stack slot.
    mutating func emitProducing(_ unit: CodeUnit) {
        code.append(unit)
        lastWrite = code.count - 1
    }

    /// Starts a new fuel segment at the current position (a branch target or the code
    /// after a conditional branch), closing the previous one.
    mutating func startFuelSegment() {
        lastWrite = nil
        labelPosition = code.count
        guard metered else { return }
        let previous = fuelUnit
        closeFuelSegment()
        if let previous, previous == code.count - 1 {
            // The previous segment emitted no code: entered by falling through, it charges
            // this segment too and skips this segment's unit (entered by a branch).
            code[previous].op = .fuelSkip
            fuelSkipUnit = previous
        }
        fuelUnit = emit(CodeUnit(.fuel))
    }

    mutating func closeFuelSegment() {
        guard let unit = fuelUnit else { return }
        code[unit].imm = fuelCount
        if let skip = fuelSkipUnit { code[skip].imm &+= fuelCount }
        fuelSkipUnit = nil
        fuelUnit = nil
        fuelCount = 0
    }

    // MARK: - Instructions

    private mutating func translate(_ instruction: Instruction) {
        switch instruction {
        case .unreachable:
            emit(CodeUnit(.unreachable))
            reachable = false
        case .nop:
            break
        case .block(let type): translateBlock(type, kind: .block)
        case .loop(let type): translateBlock(type, kind: .loop)
        case .if(let type): translateIf(type)
        case .else: translateElse()
        case .end: translateEnd()
        case .br(let label): translateBr(Int(label))
        case .brIf(let label): translateBrIf(Int(label))
        case .brTable(let labels, let defaultLabel): translateBrTable(labels.map(Int.init) + [Int(defaultLabel)])
        case .return: translateReturn()
        case .call(let function): translateCall(Int(function))
        case .callIndirect(let typeIndex, let table): translateCallIndirect(Int(typeIndex), table: Int(table))

        case .refNull: push(.constant(0))
        case .refIsNull: unary(.refIsNull)
        case .refFunc(let function):
            push(.constant(UInt64(instance.functionAddresses[Int(function)]) &+ 1))

        case .drop:
            stack.removeLast()
            lastWrite = nil
        case .select, .typedSelect:
            let condition = popSlot()
            let fused = takeSelectComparison(producing: condition)
            let second = popSlot()
            let first = popSlot()
            let dst = pushSlot()
            if let (op, x, y, swapped) = fused {
                emitProducing(CodeUnit(op, a: dst, b: swapped ? second : first, c: swapped ? first : second,
                                       imm: UInt64(x) | UInt64(y) << 32))
            } else {
                emitProducing(CodeUnit(.select, a: dst, b: first, c: second, imm: UInt64(condition)))
            }

        case .localGet(let x): push(.local(x))
        case .localSet(let x): translateLocalSet(x, keep: false)
        case .localTee(let x): translateLocalSet(x, keep: true)
        case .globalGet(let g):
            let dst = pushSlot()
            emitProducing(CodeUnit(.globalGet, a: dst, imm: globalCell(g)))
        case .globalSet(let g):
            let src = popSlot()
            emit(CodeUnit(.globalSet, a: src, imm: globalCell(g)))

        case .tableGet(let t):
            let index = popSlot()
            let dst = pushSlot()
            emitProducing(CodeUnit(.tableGet, a: dst, b: index, imm: tableCell(t)))
        case .tableSet(let t):
            let value = popSlot()
            let index = popSlot()
            emit(CodeUnit(.tableSet, a: index, b: value, imm: tableCell(t)))
        case .tableSize(let t):
            let dst = pushSlot()
            emitProducing(CodeUnit(.tableSize, a: dst, imm: tableCell(t)))
        case .tableGrow(let t):
            let base = popOperands(2)
            push(.slot)
            emit(CodeUnit(.tableGrow, a: base, b: base + 1, imm: tableCell(t)))
        case .tableFill(let t):
            emit(CodeUnit(.tableFill, a: popOperands(3), imm: tableCell(t)))
        case .tableCopy(let dstTable, let srcTable):
            emit(CodeUnit(.tableCopy, a: popOperands(3), b: UInt32(instance.tableAddresses[Int(dstTable)]),
                          c: UInt32(instance.tableAddresses[Int(srcTable)])))
        case .tableInit(let segment, let t):
            emit(CodeUnit(.tableInit, a: popOperands(3), b: segment, c: UInt32(instance.tableAddresses[Int(t)])))
        case .elemDrop(let segment):
            emit(CodeUnit(.elemDrop, a: segment))

        case .load(let op, let memarg) where memarg.memoryIndex != 0:
            let address = popSlot()
            let dst = pushSlot()
            emitProducing(CodeUnit(OpCode.otherMemoryVariant(op), a: dst, b: address, c: UInt32(truncatingIfNeeded: memarg.offset),
                                   imm: memoryCell(memarg.memoryIndex)))
        case .store(let op, let memarg) where memarg.memoryIndex != 0:
            let value = popSlot()
            let address = popSlot()
            emit(CodeUnit(OpCode.otherMemoryVariant(op), a: address, b: value, c: UInt32(truncatingIfNeeded: memarg.offset),
                          imm: memoryCell(memarg.memoryIndex)))
        case .load(let op, let memarg):
            var (address, addend, isSlot) = popAddress(slotSumFoldable: OpCode.addressSumVariant(op) != nil)
            var opcode = isSlot ? OpCode.addressSumVariant(op)! : OpCode(op)
            if isSlot, let (scaled, shift) = OpCode.scaledVariant(opcode),
               let (base, index) = takeShift(by: shift, of: address, addend) {
                (opcode, address, addend) = (scaled, base, index)
            }
            let dst = pushSlot()
            emitProducing(CodeUnit(opcode, a: dst, b: address, c: addend, imm: Translator.clampOffset(memarg.offset)))
        case .store(let op, let memarg):
            if case .constant(let bits)? = stack.last, let immediateOp = OpCode.constantValueVariant(op, bits) {
                stack.removeLast()
                let (address, addend, _) = popAddress(slotSumFoldable: false)
                emit(CodeUnit(immediateOp, a: address, b: UInt32(truncatingIfNeeded: bits), c: addend,
                              imm: Translator.clampOffset(memarg.offset)))
                return
            }
            let value = popSlot()
            let (address, addend, isSlot) = popAddress(slotSumFoldable: OpCode.addressSumVariant(op) != nil)
            let opcode = isSlot ? OpCode.addressSumVariant(op)! : OpCode(op)
            emit(CodeUnit(opcode, a: address, b: value, c: addend, imm: Translator.clampOffset(memarg.offset)))
        case .memorySize(let m):
            let dst = pushSlot()
            if m == 0 {
                emitProducing(CodeUnit(.memorySize, a: dst))
            } else {
                emitProducing(CodeUnit(.memorySizeOther, a: dst, imm: memoryCell(m)))
            }
        case .memoryGrow(let m):
            let base = popOperands(1)
            push(.slot)
            if m == 0 {
                emit(CodeUnit(.memoryGrow, a: base))
            } else {
                emit(CodeUnit(.memoryGrowOther, a: base, imm: memoryCell(m)))
            }
        case .memoryInit(let segment, let m):
            emit(CodeUnit(.memoryInit, a: popOperands(3), b: segment, c: UInt32(instance.memoryAddresses[Int(m)])))
        case .dataDrop(let segment):
            emit(CodeUnit(.dataDrop, a: segment))
        case .memoryCopy(let dstMemory, let srcMemory):
            if dstMemory == 0 && srcMemory == 0 {
                emit(CodeUnit(.memoryCopy, a: popOperands(3)))
            } else {
                emit(CodeUnit(.memoryCopyBetween, a: popOperands(3), b: UInt32(instance.memoryAddresses[Int(dstMemory)]),
                              c: UInt32(instance.memoryAddresses[Int(srcMemory)])))
            }
        case .memoryFill(let m):
            if m == 0 {
                emit(CodeUnit(.memoryFill, a: popOperands(3)))
            } else {
                emit(CodeUnit(.memoryFillOther, a: popOperands(3), imm: memoryCell(m)))
            }

        case .i32Const(let v): push(.constant(UInt64(UInt32(bitPattern: v))))
        case .i64Const(let v): push(.constant(UInt64(bitPattern: v)))
        case .f32Const(let bits): push(.constant(UInt64(bits)))
        case .f64Const(let bits): push(.constant(bits))
        case .numeric(let op):
            if op.signature.parameters.count == 1 {
                unary(OpCode(op))
            } else {
                binary(op)
            }
        }
    }

    /// Static offsets past any possible memory size always trap; clamping them keeps
    /// `address + offset + width` from overflowing 64 bits in the interpreter.
    static func clampOffset(_ offset: UInt64) -> UInt64 { min(offset, 1 << 34) }

    /// Pops a memory access's address operand. When it was computed by the last emitted
    /// instruction as `i32.add` into its stack temporary, that instruction is removed and
    /// its operands are returned instead, for the access to add with 32-bit wrap (see
    /// `MemoryHandlers`): one dispatch less per access. `addend` is the constant of an
    /// `i32.add` with a constant, or (`isSlot`) the second slot of an `i32.add` of two
    /// slots, which is folded only when the access has a slot-sum form.
    mutating func popAddress(slotSumFoldable: Bool) -> (slot: UInt32, addend: UInt32, isSlot: Bool) {
        let slot = popSlot()
        if let producer = lastWrite, producer == code.count - 1, code[producer].a == slot,
           slot == slotIndex(stack.count) {
            let op = code[producer].op
            if op == .i32AddImm {
                let add = code.removeLast()
                lastWrite = nil
                return (add.b, UInt32(truncatingIfNeeded: add.imm), false)
            }
            if op == .i32Add && slotSumFoldable {
                let add = code.removeLast()
                lastWrite = nil
                return (add.b, add.c, true)
            }
        }
        return (slot, 0, false)
    }

    /// For a slot-sum address `x + y` just folded out of an `i32.add`: when the last emitted
    /// instruction computed `x` or `y` into its stack temporary as `i32.shl` by `shift`
    /// (and no label lies between), removes it and returns the other operand (the base)
    /// and the slot it shifted (the index).
    mutating func takeShift(by shift: UInt64, of x: UInt32, _ y: UInt32) -> (base: UInt32, index: UInt32)? {
        guard x != y, let last = code.indices.last, labelPosition <= last,
              code[last].op == .i32ShlImm, code[last].imm & 31 == shift,
              code[last].a == x || code[last].a == y, code[last].a >= UInt32(localCount) else { return nil }
        let shl = code.removeLast()
        return (shl.a == x ? y : x, shl.b)
    }

    /// Materializes the top `count` entries, pops them, and returns the first one's slot
    /// (for instructions that take their operands as a consecutive run of slots).
    mutating func popOperands(_ count: Int) -> UInt32 {
        materializeTop(count)
        let base = slotIndex(stack.count - count)
        stack.removeLast(count)
        return base
    }

    mutating func unary(_ op: OpCode) {
        let src = popSlot()
        let dst = pushSlot()
        emitProducing(CodeUnit(op, a: dst, b: src))
    }

    mutating func binary(_ op: NumericOperator) {
        if case .constant(let bits)? = stack.last, let immediateOp = Translator.immediateVariant(op) {
            stack.removeLast()
            let lhs = popSlot()
            let dst = pushSlot()
            emitProducing(CodeUnit(immediateOp, a: dst, b: lhs, imm: bits))
            return
        }
        let rhs = popSlot()
        let lhs = popSlot()
        let dst = pushSlot()
        if let (fused, product) = takeProduct(for: op, lhs, rhs) {
            let addend = product.a == lhs ? rhs : lhs
            emitProducing(CodeUnit(fused, a: dst, b: product.b, c: product.c, imm: UInt64(addend)))
            return
        }
        emitProducing(CodeUnit(OpCode(op), a: dst, b: lhs, c: rhs))
    }

    /// For a float addition of `lhs` and `rhs`: when the last emitted instruction is a
    /// multiplication of the same type into the stack temporary of one of them, removes it
    /// and returns it with the multiply-add opcode (addition commutes exactly, and NaN
    /// results are canonical either way).
    mutating func takeProduct(for op: NumericOperator, _ lhs: UInt32, _ rhs: UInt32) -> (OpCode, CodeUnit)? {
        let (multiply, fused): (OpCode, OpCode)
        switch op {
        case .f32Add: (multiply, fused) = (.f32Mul, .f32MulAdd)
        case .f64Add: (multiply, fused) = (.f64Mul, .f64MulAdd)
        default: return nil
        }
        guard lhs != rhs, let producer = lastWrite, producer == code.count - 1, code[producer].op == multiply,
              code[producer].a == lhs || code[producer].a == rhs, code[producer].a >= UInt32(localCount) else {
            return nil
        }
        lastWrite = nil
        return (fused, code.removeLast())
    }

    mutating func translateLocalSet(_ x: UInt32, keep: Bool) {
        let k = stack.count - 1
        let top = stack[k]
        stack.removeLast()
        let mirrorsTarget = stack.contains(.local(x))
        if top == .slot, let producer = lastWrite, code[producer].a == slotIndex(k), !mirrorsTarget {
            // The value was just computed into the stack slot: compute it into the local.
            code[producer].a = x
        } else {
            materializeLocal(x)
            switch top {
            case .slot: emitCopy(to: x, from: slotIndex(k))
            case .local(let y): if y != x { emitCopy(to: x, from: y) }
            case .constant(let bits): emit(CodeUnit(.const, a: x, imm: bits))
            }
        }
        lastWrite = nil
        if keep { push(.local(x)) }
    }

    func globalCell(_ index: UInt32) -> UInt64 {
        UInt64(UInt(bitPattern: store.globalCells[instance.globalAddresses[Int(index)]]))
    }

    /// The cell of memory `index` (multi-memory accesses of memories other than 0).
    func memoryCell(_ index: UInt32) -> UInt64 {
        UInt64(UInt(bitPattern: store.memoryCells[instance.memoryAddresses[Int(index)]]))
    }

    func tableCell(_ index: UInt32) -> UInt64 {
        UInt64(UInt(bitPattern: store.tableCells[instance.tableAddresses[Int(index)]]))
    }
}
