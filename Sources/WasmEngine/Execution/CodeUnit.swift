/// One instruction of the internal code the translator produces and the interpreter runs.
///
/// Register style: operands are frame-relative slot indices fixed at translation time,
/// so nothing is pushed or popped at run time. A frame's slots are laid out as
/// `[parameters][locals][operand stack]`; the Wasm operand stack at height `h` lives in
/// slot `localCount + h`. Field use by family (`a`, `b`, `c` are slots unless noted):
///
/// - numeric unary: `a` = destination, `b` = operand
/// - numeric binary: `a` = destination, `b` = left, `c` = right;
///   `*Imm` variants take the right operand from `imm`
/// - loads: `a` = destination, `b` = address, `c` = folded i32 addend, `imm` = static offset;
///   stores: `a` = address, `b` = value, `c` = folded i32 addend, `imm` = static offset
/// - branches: targets are absolute instruction indices in the function's code
/// - calls: `a` = first argument slot, which becomes the callee's frame base
/// - global, table and memory cells are raw pointers carried in `imm`
///   (see `RuntimeStorage.swift`)
///
/// `handler` is the function that executes the unit (direct threading, see
/// `Interpreter.swift`); the translator fills it in last (`CodeUnit.handler(for:)`), from
/// `op` and, for a few specialized handlers, the fields. A unit is 32 bytes.
struct CodeUnit {
    var op: OpCode
    var a: UInt32 = 0
    var b: UInt32 = 0
    var c: UInt32 = 0
    var imm: UInt64 = 0
    var handler: Handler?

    init(_ op: OpCode, a: UInt32 = 0, b: UInt32 = 0, c: UInt32 = 0, imm: UInt64 = 0) {
        self.op = op
        self.a = a
        self.b = b
        self.c = c
        self.imm = imm
    }
}

/// The internal instruction set. The first cases mirror `NumericOperator` one to one, in
/// the same order and with the same names (the translator maps them by position).
enum OpCode: UInt16 {
    case i32Eqz
    case i32Eq
    case i32Ne
    case i32LtS
    case i32LtU
    case i32GtS
    case i32GtU
    case i32LeS
    case i32LeU
    case i32GeS
    case i32GeU
    case i64Eqz
    case i64Eq
    case i64Ne
    case i64LtS
    case i64LtU
    case i64GtS
    case i64GtU
    case i64LeS
    case i64LeU
    case i64GeS
    case i64GeU
    case f32Eq
    case f32Ne
    case f32Lt
    case f32Gt
    case f32Le
    case f32Ge
    case f64Eq
    case f64Ne
    case f64Lt
    case f64Gt
    case f64Le
    case f64Ge
    case i32Clz
    case i32Ctz
    case i32Popcnt
    case i32Add
    case i32Sub
    case i32Mul
    case i32DivS
    case i32DivU
    case i32RemS
    case i32RemU
    case i32And
    case i32Or
    case i32Xor
    case i32Shl
    case i32ShrS
    case i32ShrU
    case i32Rotl
    case i32Rotr
    case i64Clz
    case i64Ctz
    case i64Popcnt
    case i64Add
    case i64Sub
    case i64Mul
    case i64DivS
    case i64DivU
    case i64RemS
    case i64RemU
    case i64And
    case i64Or
    case i64Xor
    case i64Shl
    case i64ShrS
    case i64ShrU
    case i64Rotl
    case i64Rotr
    case f32Abs
    case f32Neg
    case f32Ceil
    case f32Floor
    case f32Trunc
    case f32Nearest
    case f32Sqrt
    case f32Add
    case f32Sub
    case f32Mul
    case f32Div
    case f32Min
    case f32Max
    case f32Copysign
    case f64Abs
    case f64Neg
    case f64Ceil
    case f64Floor
    case f64Trunc
    case f64Nearest
    case f64Sqrt
    case f64Add
    case f64Sub
    case f64Mul
    case f64Div
    case f64Min
    case f64Max
    case f64Copysign
    case i32WrapI64
    case i32TruncF32S
    case i32TruncF32U
    case i32TruncF64S
    case i32TruncF64U
    case i64ExtendI32S
    case i64ExtendI32U
    case i64TruncF32S
    case i64TruncF32U
    case i64TruncF64S
    case i64TruncF64U
    case f32ConvertI32S
    case f32ConvertI32U
    case f32ConvertI64S
    case f32ConvertI64U
    case f32DemoteF64
    case f64ConvertI32S
    case f64ConvertI32U
    case f64ConvertI64S
    case f64ConvertI64U
    case f64PromoteF32
    case i32ReinterpretF32
    case i64ReinterpretF64
    case f32ReinterpretI32
    case f64ReinterpretI64
    case i32Extend8S
    case i32Extend16S
    case i64Extend8S
    case i64Extend16S
    case i64Extend32S
    case i32TruncSatF32S
    case i32TruncSatF32U
    case i32TruncSatF64S
    case i32TruncSatF64U
    case i64TruncSatF32S
    case i64TruncSatF32U
    case i64TruncSatF64S
    case i64TruncSatF64U

    /// `a` = `b * c + slot imm`, rounded after the multiplication and after the addition
    /// (not a fused multiply-add): a multiplication whose only use is an addition.
    case f32MulAdd, f64MulAdd

    // Numeric with a constant right operand in `imm` (folded `*.const`).
    case i32AddImm, i32SubImm, i32MulImm, i32AndImm, i32OrImm, i32XorImm
    case i32ShlImm, i32ShrSImm, i32ShrUImm
    case i32EqImm, i32NeImm, i32LtSImm, i32LtUImm, i32GtSImm, i32GtUImm
    case i32LeSImm, i32LeUImm, i32GeSImm, i32GeUImm
    case i64AddImm, i64SubImm, i64MulImm, i64AndImm, i64OrImm, i64XorImm
    case i64ShlImm, i64ShrSImm, i64ShrUImm
    case i64EqImm, i64NeImm, i64LtSImm, i64LtUImm, i64GtSImm, i64GtUImm
    case i32RotlImm, i32RotrImm, i64RotlImm, i64RotrImm

    // Data movement: copy `a` <- slot `b`; const `a` <- `imm`.
    case copy, const
    /// Two copies in one unit (the translator fuses adjacent copies): `a` <- slot `b`,
    /// then `c` <- slot `imm`.
    case copy2
    /// `a` = destination, `b` = first value, `c` = second value, `imm` = condition slot.
    case select

    /// `select` fused with the comparison that computes its condition: `a` = `b` if
    /// `x <op> y` else `c`, where `x` is the slot in the low half of `imm` and `y` the slot
    /// (or, for the `Imm` forms, the constant; sign-extended for `i64`) in the high half.
    /// Other comparisons map onto these by swapping operands or the two values.
    case selectI32Eq, selectI32LtS, selectI32LtU, selectI32LeS, selectI32LeU
    case selectI64Eq, selectI64LtS, selectI64LtU, selectI64LeS, selectI64LeU
    case selectI32EqImm, selectI32LtSImm, selectI32LtUImm, selectI32GtSImm, selectI32GtUImm
    case selectI64EqImm, selectI64LtSImm, selectI64LtUImm, selectI64GtSImm, selectI64GtUImm

    // Control. `br`: `a` = target. `brIf`/`brUnless`: `a` = condition, `b` = target.
    // `brTable`: `a` = index slot, `b` = entry count; the entries are the `br` units
    // that follow it, the last one the default.
    case unreachable, br, brIf, brUnless, brTable
    /// Fused compare-and-branch (a comparison whose only use is a `br_if`/`if`): branch to
    /// `c` when `a <op> b` (or `a <op> imm` for the `Imm` forms) holds.
    case brI32Eq, brI32Ne, brI32LtS, brI32LtU, brI32GtS, brI32GtU, brI32LeS, brI32LeU, brI32GeS, brI32GeU
    case brI32EqImm, brI32NeImm, brI32LtSImm, brI32LtUImm, brI32GtSImm, brI32GtUImm
    case brI32LeSImm, brI32LeUImm, brI32GeSImm, brI32GeUImm
    /// Return: copy `b` results from slot `a` to the frame base and pop the frame.
    case ret
    /// `imm` = callee function address.
    case call
    /// `b` = index slot, `c` = expected type ID, `imm` = TableState pointer.
    case callIndirect
    /// Charge `imm` fuel units (emitted only in metered stores).
    case fuel
    /// Charge `imm` fuel units and skip the next unit: an empty segment directly followed
    /// by another one charges both at once (`imm` = both counts), one dispatch instead of two.
    case fuelSkip

    // References. refFunc: `imm` = encoded reference. refIsNull: `a` = dst, `b` = operand.
    case refFunc, refIsNull

    // Globals: `imm` = pointer to the value cell. get: `a` = dst; set: `a` = source.
    case globalGet, globalSet

    // Tables (`imm` = TableState pointer). get: `a` = dst, `b` = index.
    // set: `a` = index, `b` = value. size: `a` = dst. grow: `a` = init value & dst,
    // `b` = delta. fill: `a` = first of (index, value, count).
    case tableGet, tableSet, tableSize, tableGrow, tableFill
    /// `a` = first of (dst, src, count), `b`/`c` = destination/source table address.
    case tableCopy
    /// `a` = first of (dst, src, count), `b` = element segment index, `c` = table address.
    case tableInit
    /// `a` = element segment index.
    case elemDrop

    // Memory access.
    case i32Load, i64Load, f32Load, f64Load
    case i32Load8S, i32Load8U, i32Load16S, i32Load16U
    case i64Load8S, i64Load8U, i64Load16S, i64Load16U, i64Load32S, i64Load32U
    case i32Store, i64Store, f32Store, f64Store, i32Store8, i32Store16
    case i64Store8, i64Store16, i64Store32
    /// Accesses whose address is an `i32.add` of two slots (folded by the translator): the
    /// address is `u32(slot + slot c)`; otherwise as the plain forms. `f32`/`f64` accesses
    /// use the `i32`/`i64` forms (same bits).
    case i32LoadAdd, i64LoadAdd, i32Load8UAdd
    /// Loads whose address is `u32(slot b + (slot c << k))`, `k` the log2 of the access
    /// width (2 for `i32`, 3 for `i64`): an array element, `i32.shl` and `i32.add` folded
    /// in by the translator; otherwise as the plain forms.
    case i32LoadScaled, i64LoadScaled
    case i32StoreAdd, i64StoreAdd, i32Store8Add
    /// Stores of a constant value, held in `b` instead of a slot (the `i64` form
    /// sign-extends it); address and addend as the plain forms.
    case i32StoreImm, i64StoreImm, i32Store8Imm, i32Store16Imm
    /// size: `a` = dst. grow: `a` = delta & dst.
    case memorySize, memoryGrow
    /// `a` = first of (dst, value/src, count).
    case memoryFill, memoryCopy
    /// `a` = first of (dst, src, count), `b` = data segment index, `c` = memory address.
    case memoryInit
    /// `a` = data segment index.
    case dataDrop

    // Multi-memory: accesses of a memory other than the instance's memory 0, whose base and
    // size are not in the handlers' registers. The memory's cell is in `imm` and a load's
    // or store's static offset in `c` (no addend is folded); `f32`/`f64` and narrower
    // `i64` accesses use the forms with the same bits. Otherwise as the memory-0 forms.
    case i32LoadOther, i64LoadOther, i32Load8SOther, i32Load8UOther, i32Load16SOther, i32Load16UOther
    case i64Load8SOther, i64Load16SOther, i64Load32SOther
    case i32StoreOther, i64StoreOther, i32Store8Other, i32Store16Other
    /// As `memorySize`, `memoryGrow` and `memoryFill`, on the memory whose cell is in `imm`.
    case memorySizeOther, memoryGrowOther, memoryFillOther
    /// A copy not within memory 0: `a` = first of (dst, src, count), `b`/`c` =
    /// destination/source memory address (left to the driver).
    case memoryCopyBetween
}

extension OpCode {
    /// The internal opcode of a numeric operator (same position in the declarations).
    init(_ numeric: NumericOperator) {
        self = OpCode.numericTable[numeric]!
    }

    private static let numericTable: [NumericOperator: OpCode] = {
        var table: [NumericOperator: OpCode] = [:]
        for (position, op) in NumericOperator.allCases.enumerated() {
            table[op] = OpCode(rawValue: UInt16(position))!
        }
        return table
    }()
}
