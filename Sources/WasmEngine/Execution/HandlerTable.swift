/// The handler of each unit: the translator's last step stores it in the unit, so the
/// interpreter never looks anything up by opcode (direct threading).
///
/// Opcodes whose handlers would be identical machine code share one handler ("same
/// bits"): otherwise LLVM merges the duplicates into one body and turns the others into
/// thunks that jump to it, an extra jump per executed unit.
extension CodeUnit {
    /// The handler that executes `unit` (its opcode, specialized by fields for `ret`).
    static func handler(for unit: CodeUnit) -> Handler {
        switch unit.op {
        case .i32Eqz: return handleI32Eqz
        case .i32Eq: return handleI32Eq
        case .i32Ne: return handleI32Ne
        case .i32LtS: return handleI32LtS
        case .i32LtU: return handleI32LtU
        case .i32GtS: return handleI32GtS
        case .i32GtU: return handleI32GtU
        case .i32LeS: return handleI32LeS
        case .i32LeU: return handleI32LeU
        case .i32GeS: return handleI32GeS
        case .i32GeU: return handleI32GeU
        case .i64Eqz: return handleI64Eqz
        case .i64Eq: return handleI64Eq
        case .i64Ne: return handleI64Ne
        case .i64LtS: return handleI64LtS
        case .i64LtU: return handleI64LtU
        case .i64GtS: return handleI64GtS
        case .i64GtU: return handleI64GtU
        case .i64LeS: return handleI64LeS
        case .i64LeU: return handleI64LeU
        case .i64GeS: return handleI64GeS
        case .i64GeU: return handleI64GeU
        case .f32Eq: return handleF32Eq
        case .f32Ne: return handleF32Ne
        case .f32Lt: return handleF32Lt
        case .f32Gt: return handleF32Gt
        case .f32Le: return handleF32Le
        case .f32Ge: return handleF32Ge
        case .f64Eq: return handleF64Eq
        case .f64Ne: return handleF64Ne
        case .f64Lt: return handleF64Lt
        case .f64Gt: return handleF64Gt
        case .f64Le: return handleF64Le
        case .f64Ge: return handleF64Ge
        case .i32Clz: return handleI32Clz
        case .i32Ctz: return handleI32Ctz
        case .i32Popcnt: return handleI32Popcnt
        case .i32Add: return handleI32Add
        case .i32Sub: return handleI32Sub
        case .i32Mul: return handleI32Mul
        case .i32DivS: return handleI32DivS
        case .i32DivU: return handleI32DivU
        case .i32RemS: return handleI32RemS
        case .i32RemU: return handleI32RemU
        case .i32And: return handleI32And
        case .i32Or: return handleI32Or
        case .i32Xor: return handleI32Xor
        case .i32Shl: return handleI32Shl
        case .i32ShrS: return handleI32ShrS
        case .i32ShrU: return handleI32ShrU
        case .i32Rotl: return handleI32Rotl
        case .i32Rotr: return handleI32Rotr
        case .i64Clz: return handleI64Clz
        case .i64Ctz: return handleI64Ctz
        case .i64Popcnt: return handleI64Popcnt
        case .i64Add: return handleI64Add
        case .i64Sub: return handleI64Sub
        case .i64Mul: return handleI64Mul
        case .i64DivS: return handleI64DivS
        case .i64DivU: return handleI64DivU
        case .i64RemS: return handleI64RemS
        case .i64RemU: return handleI64RemU
        case .i64And: return handleI64And
        case .i64Or: return handleI64Or
        case .i64Xor: return handleI64Xor
        case .i64Shl: return handleI64Shl
        case .i64ShrS: return handleI64ShrS
        case .i64ShrU: return handleI64ShrU
        case .i64Rotl: return handleI64Rotl
        case .i64Rotr: return handleI64Rotr
        case .f32Abs: return handleF32Abs
        case .f32Neg: return handleF32Neg
        case .f32Ceil: return handleF32Ceil
        case .f32Floor: return handleF32Floor
        case .f32Trunc: return handleF32Trunc
        case .f32Nearest: return handleF32Nearest
        case .f32Sqrt: return handleF32Sqrt
        case .f32Add: return handleF32Add
        case .f32Sub: return handleF32Sub
        case .f32Mul: return handleF32Mul
        case .f32Div: return handleF32Div
        case .f32Min: return handleF32Min
        case .f32Max: return handleF32Max
        case .f32Copysign: return handleF32Copysign
        case .f64Abs: return handleF64Abs
        case .f64Neg: return handleF64Neg
        case .f64Ceil: return handleF64Ceil
        case .f64Floor: return handleF64Floor
        case .f64Trunc: return handleF64Trunc
        case .f64Nearest: return handleF64Nearest
        case .f64Sqrt: return handleF64Sqrt
        case .f64Add: return handleF64Add
        case .f64Sub: return handleF64Sub
        case .f64Mul: return handleF64Mul
        case .f64Div: return handleF64Div
        case .f64Min: return handleF64Min
        case .f64Max: return handleF64Max
        case .f64Copysign: return handleF64Copysign
        case .i32WrapI64: return handleI32WrapI64
        case .i32TruncF32S: return handleI32TruncF32S
        case .i32TruncF32U: return handleI32TruncF32U
        case .i32TruncF64S: return handleI32TruncF64S
        case .i32TruncF64U: return handleI32TruncF64U
        case .i64ExtendI32S: return handleI64ExtendI32S
        case .i64ExtendI32U: return handleI32WrapI64  // same bits
        case .i64TruncF32S: return handleI64TruncF32S
        case .i64TruncF32U: return handleI64TruncF32U
        case .i64TruncF64S: return handleI64TruncF64S
        case .i64TruncF64U: return handleI64TruncF64U
        case .f32ConvertI32S: return handleF32ConvertI32S
        case .f32ConvertI32U: return handleF32ConvertI32U
        case .f32ConvertI64S: return handleF32ConvertI64S
        case .f32ConvertI64U: return handleF32ConvertI64U
        case .f32DemoteF64: return handleF32DemoteF64
        case .f64ConvertI32S: return handleF64ConvertI32S
        case .f64ConvertI32U: return handleF64ConvertI32U
        case .f64ConvertI64S: return handleF64ConvertI64S
        case .f64ConvertI64U: return handleF64ConvertI64U
        case .f64PromoteF32: return handleF64PromoteF32
        case .i32ReinterpretF32: return handleI32WrapI64  // same bits
        case .i64ReinterpretF64: return handleI64ReinterpretF64
        case .f32ReinterpretI32: return handleF32ReinterpretI32
        case .f64ReinterpretI64: return handleF64ReinterpretI64
        case .i32Extend8S: return handleI32Extend8S
        case .i32Extend16S: return handleI32Extend16S
        case .i64Extend8S: return handleI64Extend8S
        case .i64Extend16S: return handleI64Extend16S
        case .i64Extend32S: return handleI64Extend32S
        case .i32TruncSatF32S: return handleI32TruncSatF32S
        case .i32TruncSatF32U: return handleI32TruncSatF32U
        case .i32TruncSatF64S: return handleI32TruncSatF64S
        case .i32TruncSatF64U: return handleI32TruncSatF64U
        case .i64TruncSatF32S: return handleI64TruncSatF32S
        case .i64TruncSatF32U: return handleI64TruncSatF32U
        case .i64TruncSatF64S: return handleI64TruncSatF64S
        case .i64TruncSatF64U: return handleI64TruncSatF64U
        case .f32MulAdd: return handleF32MulAdd
        case .f64MulAdd: return handleF64MulAdd
        case .i32AddImm: return handleI32AddImm
        case .i32SubImm: return handleI32SubImm
        case .i32MulImm: return handleI32MulImm
        case .i32AndImm: return handleI32AndImm
        case .i32OrImm: return handleI32OrImm
        case .i32XorImm: return handleI32XorImm
        case .i32ShlImm: return handleI32ShlImm
        case .i32ShrSImm: return handleI32ShrSImm
        case .i32ShrUImm: return handleI32ShrUImm
        case .i32EqImm: return handleI32EqImm
        case .i32NeImm: return handleI32NeImm
        case .i32LtSImm: return handleI32LtSImm
        case .i32LtUImm: return handleI32LtUImm
        case .i32GtSImm: return handleI32GtSImm
        case .i32GtUImm: return handleI32GtUImm
        case .i32LeSImm: return handleI32LeSImm
        case .i32LeUImm: return handleI32LeUImm
        case .i32GeSImm: return handleI32GeSImm
        case .i32GeUImm: return handleI32GeUImm
        case .i64AddImm: return handleI64AddImm
        case .i64SubImm: return handleI64SubImm
        case .i64MulImm: return handleI64MulImm
        case .i64AndImm: return handleI64AndImm
        case .i64OrImm: return handleI64OrImm
        case .i64XorImm: return handleI64XorImm
        case .i64ShlImm: return handleI64ShlImm
        case .i64ShrSImm: return handleI64ShrSImm
        case .i64ShrUImm: return handleI64ShrUImm
        case .i64EqImm: return handleI64EqImm
        case .i64NeImm: return handleI64NeImm
        case .i64LtSImm: return handleI64LtSImm
        case .i64LtUImm: return handleI64LtUImm
        case .i64GtSImm: return handleI64GtSImm
        case .i64GtUImm: return handleI64GtUImm
        case .i32RotlImm: return handleI32RotlImm
        case .i32RotrImm: return handleI32RotrImm
        case .i64RotlImm: return handleI64RotlImm
        case .i64RotrImm: return handleI64RotrImm
        case .copy: return handleCopy
        case .const: return handleConst
        case .copy2: return handleCopy2
        case .select: return handleSelect
        case .selectI32Eq: return handleSelectI32Eq
        case .selectI32LtS: return handleSelectI32LtS
        case .selectI32LtU: return handleSelectI32LtU
        case .selectI32LeS: return handleSelectI32LeS
        case .selectI32LeU: return handleSelectI32LeU
        case .selectI64Eq: return handleSelectI64Eq
        case .selectI64LtS: return handleSelectI64LtS
        case .selectI64LtU: return handleSelectI64LtU
        case .selectI64LeS: return handleSelectI64LeS
        case .selectI64LeU: return handleSelectI64LeU
        case .selectI32EqImm: return handleSelectI32EqImm
        case .selectI32LtSImm: return handleSelectI32LtSImm
        case .selectI32LtUImm: return handleSelectI32LtUImm
        case .selectI32GtSImm: return handleSelectI32GtSImm
        case .selectI32GtUImm: return handleSelectI32GtUImm
        case .selectI64EqImm: return handleSelectI64EqImm
        case .selectI64LtSImm: return handleSelectI64LtSImm
        case .selectI64LtUImm: return handleSelectI64LtUImm
        case .selectI64GtSImm: return handleSelectI64GtSImm
        case .selectI64GtUImm: return handleSelectI64GtUImm
        case .unreachable: return handleUnreachable
        case .br: return handleBr
        case .brIf: return handleBrIf
        case .brUnless: return handleBrUnless
        case .brTable: return handleBrTable
        case .brI32Eq: return handleBrI32Eq
        case .brI32Ne: return handleBrI32Ne
        case .brI32LtS: return handleBrI32LtS
        case .brI32LtU: return handleBrI32LtU
        case .brI32GtS: return handleBrI32GtS
        case .brI32GtU: return handleBrI32GtU
        case .brI32LeS: return handleBrI32LeS
        case .brI32LeU: return handleBrI32LeU
        case .brI32GeS: return handleBrI32GeS
        case .brI32GeU: return handleBrI32GeU
        case .brI32EqImm: return handleBrI32EqImm
        case .brI32NeImm: return handleBrI32NeImm
        case .brI32LtSImm: return handleBrI32LtSImm
        case .brI32LtUImm: return handleBrI32LtUImm
        case .brI32GtSImm: return handleBrI32GtSImm
        case .brI32GtUImm: return handleBrI32GtUImm
        case .brI32LeSImm: return handleBrI32LeSImm
        case .brI32LeUImm: return handleBrI32LeUImm
        case .brI32GeSImm: return handleBrI32GeSImm
        case .brI32GeUImm: return handleBrI32GeUImm
        case .ret:
            switch unit.b {
            case 0: return handleReturn0
            case 1: return handleReturn1
            default: return handleReturn
            }
        case .call: return handleCall
        case .callIndirect: return handleCallIndirect
        case .fuel: return handleFuel
        case .fuelSkip: return handleFuelSkip
        case .refFunc: return handleConst  // same bits
        case .refIsNull: return handleRefIsNull
        case .globalGet: return handleGlobalGet
        case .globalSet: return handleGlobalSet
        case .tableGet: return handleTableGet
        case .tableSet: return handleTableSet
        case .tableSize: return handleTableSize
        case .tableGrow: return handleTableGrow
        case .tableFill: return handleTableFill
        case .tableCopy: return handleInStore
        case .tableInit: return handleInStore
        case .elemDrop: return handleInStore
        case .i32Load: return handleI32Load
        case .i64Load: return handleI64Load
        case .f32Load: return handleI32Load  // same bits
        case .f64Load: return handleI64Load  // same bits
        case .i32Load8S: return handleI32Load8S
        case .i32Load8U: return handleI32Load8U
        case .i32Load16S: return handleI32Load16S
        case .i32Load16U: return handleI32Load16U
        case .i64Load8S: return handleI64Load8S
        case .i64Load8U: return handleI32Load8U  // same bits
        case .i64Load16S: return handleI64Load16S
        case .i64Load16U: return handleI32Load16U  // same bits
        case .i64Load32S: return handleI64Load32S
        case .i64Load32U: return handleI32Load  // same bits
        case .i32Store: return handleI32Store
        case .i64Store: return handleI64Store
        case .f32Store: return handleI32Store  // same bits
        case .f64Store: return handleI64Store  // same bits
        case .i32Store8: return handleI32Store8
        case .i32Store16: return handleI32Store16
        case .i64Store8: return handleI32Store8  // same bits
        case .i64Store16: return handleI32Store16  // same bits
        case .i64Store32: return handleI32Store  // same bits
        case .i32LoadAdd: return handleI32LoadAdd
        case .i64LoadAdd: return handleI64LoadAdd
        case .i32Load8UAdd: return handleI32Load8UAdd
        case .i32LoadScaled: return handleI32LoadScaled
        case .i64LoadScaled: return handleI64LoadScaled
        case .i32StoreAdd: return handleI32StoreAdd
        case .i64StoreAdd: return handleI64StoreAdd
        case .i32Store8Add: return handleI32Store8Add
        case .i32StoreImm: return handleI32StoreImm
        case .i64StoreImm: return handleI64StoreImm
        case .i32Store8Imm: return handleI32Store8Imm
        case .i32Store16Imm: return handleI32Store16Imm
        case .memorySize: return handleMemorySize
        case .memoryGrow: return handleMemoryGrow
        case .memoryFill: return handleMemoryFill
        case .memoryCopy: return handleMemoryCopy
        case .memoryInit: return handleInStore
        case .dataDrop: return handleInStore
        }
    }
}
