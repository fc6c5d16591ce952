/// The interpreter: one dispatch loop over a function's internal code.
///
/// State lives in a few locals that the compiler keeps in registers: the current code
/// pointer and `pc`, the frame pointer `fp` (slot 0 of the running function), the running
/// function's address, and the base and size of its memory. Calls do not recurse in
/// Swift: a call pushes a `CallFrame` (the caller's code, pc, fp, function) on the store's
/// frame stack and switches the locals to the callee; `ret` pops it. The callee's frame
/// starts at the caller's first argument slot, so arguments are never copied, and results
/// are left at the frame's base, which is exactly where the caller expects them.
///
/// ```
/// slots: ... | caller: params locals operands[args...] |
///                                          ^ callee fp: params locals operands |
/// ```
///
/// Handlers are grouped by family (`NumericHandlers+*`, `MemoryHandlers`,
/// `TableHandlers`); traps are thrown as `TrapReason` (typed throws, no allocation) and
/// turned into a `Trap` with a backtrace when they leave the loop.
/// The signed offset a branch field holds (stored biased by 2^31, see
/// `Translator.makeBranchTargetsRelative`, so that fetching it needs no sign extension).
@inline(__always) func branchOffset(_ field: UInt32) -> Int { Int(field) &- 0x8000_0000 }

extension Store {
    /// How a run of the loop ended.
    enum RunOutcome {
        /// The entry function returned; its results are at its frame base.
        case finished
        /// A host function suspended; the resume record is on the frame stack and the
        /// host's results go to `resultsAt` when resumed.
        case suspended(host: Int, resultsAt: Slots)
        case trapped(Trap)
    }

    /// Runs from `pc` in `function` until the frame stack returns to `baseDepth` (the
    /// exit record of this run is at index `baseDepth`).
    func run(code startCode: UnsafeMutablePointer<CodeUnit>, pc startPC: Int, fp startFP: Slots,
             function startFunction: Int, baseDepth: Int, allowSuspend: Bool) -> RunOutcome {
        // The next instruction. Branch targets are relative to the unit after the branch.
        var ip = startCode + startPC
        var fp = startFP
        var function = startFunction
        // Register-held copies of store state the loop touches on every call, return and
        // fuel charge; written back (`syncOut`) before anything outside the loop can look
        // at them (host calls, traps, leaving the loop) and reloaded after host calls.
        var depth = frameCount
        var fuel = self.fuel
        var functions = self.functions
        let frames = self.frames
        let maxCallDepth = self.maxCallDepth
        let slotLimit = self.slotLimit
        var memory = functions[function].memory
        var memoryBase = memory.pointee.base
        var memorySize = UInt64(truncatingIfNeeded: memory.pointee.byteCount)
        do throws(TrapReason) {
            while true {
                let i = ip.pointee
                ip += 1
                switch i.op {
                case .i32Add: NumericHandlers.i32Add(i, fp)
                case .i32AddImm: NumericHandlers.i32AddImm(i, fp)
                case .i64Add: NumericHandlers.i64Add(i, fp)
                case .i64AddImm: NumericHandlers.i64AddImm(i, fp)
                case .i32Sub: NumericHandlers.i32Sub(i, fp)
                case .i32SubImm: NumericHandlers.i32SubImm(i, fp)
                case .i64Sub: NumericHandlers.i64Sub(i, fp)
                case .i64SubImm: NumericHandlers.i64SubImm(i, fp)
                case .i32Mul: NumericHandlers.i32Mul(i, fp)
                case .i32MulImm: NumericHandlers.i32MulImm(i, fp)
                case .i64Mul: NumericHandlers.i64Mul(i, fp)
                case .i64MulImm: NumericHandlers.i64MulImm(i, fp)
                case .i32And: NumericHandlers.i32And(i, fp)
                case .i32AndImm: NumericHandlers.i32AndImm(i, fp)
                case .i64And: NumericHandlers.i64And(i, fp)
                case .i64AndImm: NumericHandlers.i64AndImm(i, fp)
                case .i32Or: NumericHandlers.i32Or(i, fp)
                case .i32OrImm: NumericHandlers.i32OrImm(i, fp)
                case .i64Or: NumericHandlers.i64Or(i, fp)
                case .i64OrImm: NumericHandlers.i64OrImm(i, fp)
                case .i32Xor: NumericHandlers.i32Xor(i, fp)
                case .i32XorImm: NumericHandlers.i32XorImm(i, fp)
                case .i64Xor: NumericHandlers.i64Xor(i, fp)
                case .i64XorImm: NumericHandlers.i64XorImm(i, fp)
                case .i32Shl: NumericHandlers.i32Shl(i, fp)
                case .i32ShlImm: NumericHandlers.i32ShlImm(i, fp)
                case .i64Shl: NumericHandlers.i64Shl(i, fp)
                case .i64ShlImm: NumericHandlers.i64ShlImm(i, fp)
                case .i32ShrU: NumericHandlers.i32ShrU(i, fp)
                case .i32ShrUImm: NumericHandlers.i32ShrUImm(i, fp)
                case .i64ShrU: NumericHandlers.i64ShrU(i, fp)
                case .i64ShrUImm: NumericHandlers.i64ShrUImm(i, fp)
                case .i32ShrS: NumericHandlers.i32ShrS(i, fp)
                case .i32ShrSImm: NumericHandlers.i32ShrSImm(i, fp)
                case .i64ShrS: NumericHandlers.i64ShrS(i, fp)
                case .i64ShrSImm: NumericHandlers.i64ShrSImm(i, fp)
                case .i32Rotl: NumericHandlers.i32Rotl(i, fp)
                case .i32RotlImm: NumericHandlers.i32RotlImm(i, fp)
                case .i32RotrImm: NumericHandlers.i32RotrImm(i, fp)
                case .i64RotlImm: NumericHandlers.i64RotlImm(i, fp)
                case .i64RotrImm: NumericHandlers.i64RotrImm(i, fp)
                case .i32Rotr: NumericHandlers.i32Rotr(i, fp)
                case .i64Rotl: NumericHandlers.i64Rotl(i, fp)
                case .i64Rotr: NumericHandlers.i64Rotr(i, fp)
                case .i32Eq: NumericHandlers.i32Eq(i, fp)
                case .i64Eq: NumericHandlers.i64Eq(i, fp)
                case .i32EqImm: NumericHandlers.i32EqImm(i, fp)
                case .i64EqImm: NumericHandlers.i64EqImm(i, fp)
                case .i32Ne: NumericHandlers.i32Ne(i, fp)
                case .i64Ne: NumericHandlers.i64Ne(i, fp)
                case .i32NeImm: NumericHandlers.i32NeImm(i, fp)
                case .i64NeImm: NumericHandlers.i64NeImm(i, fp)
                case .i32LtU: NumericHandlers.i32LtU(i, fp)
                case .i64LtU: NumericHandlers.i64LtU(i, fp)
                case .i32LtUImm: NumericHandlers.i32LtUImm(i, fp)
                case .i64LtUImm: NumericHandlers.i64LtUImm(i, fp)
                case .i32GtU: NumericHandlers.i32GtU(i, fp)
                case .i64GtU: NumericHandlers.i64GtU(i, fp)
                case .i32GtUImm: NumericHandlers.i32GtUImm(i, fp)
                case .i64GtUImm: NumericHandlers.i64GtUImm(i, fp)
                case .i32LeU: NumericHandlers.i32LeU(i, fp)
                case .i64LeU: NumericHandlers.i64LeU(i, fp)
                case .i32LeUImm: NumericHandlers.i32LeUImm(i, fp)
                case .i32GeU: NumericHandlers.i32GeU(i, fp)
                case .i64GeU: NumericHandlers.i64GeU(i, fp)
                case .i32GeUImm: NumericHandlers.i32GeUImm(i, fp)
                case .i32LtS: NumericHandlers.i32LtS(i, fp)
                case .i64LtS: NumericHandlers.i64LtS(i, fp)
                case .i32LtSImm: NumericHandlers.i32LtSImm(i, fp)
                case .i64LtSImm: NumericHandlers.i64LtSImm(i, fp)
                case .i32GtS: NumericHandlers.i32GtS(i, fp)
                case .i64GtS: NumericHandlers.i64GtS(i, fp)
                case .i32GtSImm: NumericHandlers.i32GtSImm(i, fp)
                case .i64GtSImm: NumericHandlers.i64GtSImm(i, fp)
                case .i32LeS: NumericHandlers.i32LeS(i, fp)
                case .i64LeS: NumericHandlers.i64LeS(i, fp)
                case .i32LeSImm: NumericHandlers.i32LeSImm(i, fp)
                case .i32GeS: NumericHandlers.i32GeS(i, fp)
                case .i64GeS: NumericHandlers.i64GeS(i, fp)
                case .i32GeSImm: NumericHandlers.i32GeSImm(i, fp)
                case .i32Eqz: NumericHandlers.i32Eqz(i, fp)
                case .i64Eqz: NumericHandlers.i64Eqz(i, fp)
                case .i32Clz: NumericHandlers.i32Clz(i, fp)
                case .i32Ctz: NumericHandlers.i32Ctz(i, fp)
                case .i32Popcnt: NumericHandlers.i32Popcnt(i, fp)
                case .i64Clz: NumericHandlers.i64Clz(i, fp)
                case .i64Ctz: NumericHandlers.i64Ctz(i, fp)
                case .i64Popcnt: NumericHandlers.i64Popcnt(i, fp)
                case .i32DivU: try NumericHandlers.i32DivU(i, fp)
                case .i32RemU: try NumericHandlers.i32RemU(i, fp)
                case .i32DivS: try NumericHandlers.i32DivS(i, fp)
                case .i32RemS: try NumericHandlers.i32RemS(i, fp)
                case .i64DivU: try NumericHandlers.i64DivU(i, fp)
                case .i64RemU: try NumericHandlers.i64RemU(i, fp)
                case .i64DivS: try NumericHandlers.i64DivS(i, fp)
                case .i64RemS: try NumericHandlers.i64RemS(i, fp)
                case .i32Extend8S: NumericHandlers.i32Extend8S(i, fp)
                case .i32Extend16S: NumericHandlers.i32Extend16S(i, fp)
                case .i64Extend8S: NumericHandlers.i64Extend8S(i, fp)
                case .i64Extend16S: NumericHandlers.i64Extend16S(i, fp)
                case .i64Extend32S: NumericHandlers.i64Extend32S(i, fp)
                case .i64ExtendI32S: NumericHandlers.i64ExtendI32S(i, fp)
                case .i64ExtendI32U: NumericHandlers.i64ExtendI32U(i, fp)
                case .i32WrapI64: NumericHandlers.i32WrapI64(i, fp)
                case .f32Add: NumericHandlers.f32Add(i, fp)
                case .f32Sub: NumericHandlers.f32Sub(i, fp)
                case .f32Mul: NumericHandlers.f32Mul(i, fp)
                case .f32Div: NumericHandlers.f32Div(i, fp)
                case .f32Min: NumericHandlers.f32Min(i, fp)
                case .f32Max: NumericHandlers.f32Max(i, fp)
                case .f32Copysign: NumericHandlers.f32Copysign(i, fp)
                case .f32Abs: NumericHandlers.f32Abs(i, fp)
                case .f32Neg: NumericHandlers.f32Neg(i, fp)
                case .f32Ceil: NumericHandlers.f32Ceil(i, fp)
                case .f32Floor: NumericHandlers.f32Floor(i, fp)
                case .f32Trunc: NumericHandlers.f32Trunc(i, fp)
                case .f32Nearest: NumericHandlers.f32Nearest(i, fp)
                case .f32Sqrt: NumericHandlers.f32Sqrt(i, fp)
                case .f32Eq: NumericHandlers.f32Eq(i, fp)
                case .f32Ne: NumericHandlers.f32Ne(i, fp)
                case .f32Lt: NumericHandlers.f32Lt(i, fp)
                case .f32Gt: NumericHandlers.f32Gt(i, fp)
                case .f32Le: NumericHandlers.f32Le(i, fp)
                case .f32Ge: NumericHandlers.f32Ge(i, fp)
                case .f64Add: NumericHandlers.f64Add(i, fp)
                case .f64Sub: NumericHandlers.f64Sub(i, fp)
                case .f64Mul: NumericHandlers.f64Mul(i, fp)
                case .f64Div: NumericHandlers.f64Div(i, fp)
                case .f64Min: NumericHandlers.f64Min(i, fp)
                case .f64Max: NumericHandlers.f64Max(i, fp)
                case .f64Copysign: NumericHandlers.f64Copysign(i, fp)
                case .f64Abs: NumericHandlers.f64Abs(i, fp)
                case .f64Neg: NumericHandlers.f64Neg(i, fp)
                case .f64Ceil: NumericHandlers.f64Ceil(i, fp)
                case .f64Floor: NumericHandlers.f64Floor(i, fp)
                case .f64Trunc: NumericHandlers.f64Trunc(i, fp)
                case .f64Nearest: NumericHandlers.f64Nearest(i, fp)
                case .f64Sqrt: NumericHandlers.f64Sqrt(i, fp)
                case .f64Eq: NumericHandlers.f64Eq(i, fp)
                case .f64Ne: NumericHandlers.f64Ne(i, fp)
                case .f64Lt: NumericHandlers.f64Lt(i, fp)
                case .f64Gt: NumericHandlers.f64Gt(i, fp)
                case .f64Le: NumericHandlers.f64Le(i, fp)
                case .f64Ge: NumericHandlers.f64Ge(i, fp)
                case .i32TruncF32S: try NumericHandlers.i32TruncF32S(i, fp)
                case .i32TruncSatF32S: NumericHandlers.i32TruncSatF32S(i, fp)
                case .i32TruncF64S: try NumericHandlers.i32TruncF64S(i, fp)
                case .i32TruncSatF64S: NumericHandlers.i32TruncSatF64S(i, fp)
                case .i32TruncF32U: try NumericHandlers.i32TruncF32U(i, fp)
                case .i32TruncSatF32U: NumericHandlers.i32TruncSatF32U(i, fp)
                case .i32TruncF64U: try NumericHandlers.i32TruncF64U(i, fp)
                case .i32TruncSatF64U: NumericHandlers.i32TruncSatF64U(i, fp)
                case .i64TruncF32S: try NumericHandlers.i64TruncF32S(i, fp)
                case .i64TruncSatF32S: NumericHandlers.i64TruncSatF32S(i, fp)
                case .i64TruncF64S: try NumericHandlers.i64TruncF64S(i, fp)
                case .i64TruncSatF64S: NumericHandlers.i64TruncSatF64S(i, fp)
                case .i64TruncF32U: try NumericHandlers.i64TruncF32U(i, fp)
                case .i64TruncSatF32U: NumericHandlers.i64TruncSatF32U(i, fp)
                case .i64TruncF64U: try NumericHandlers.i64TruncF64U(i, fp)
                case .i64TruncSatF64U: NumericHandlers.i64TruncSatF64U(i, fp)
                case .f32ConvertI32S: NumericHandlers.f32ConvertI32S(i, fp)
                case .f32ConvertI32U: NumericHandlers.f32ConvertI32U(i, fp)
                case .f32ConvertI64S: NumericHandlers.f32ConvertI64S(i, fp)
                case .f32ConvertI64U: NumericHandlers.f32ConvertI64U(i, fp)
                case .f64ConvertI32S: NumericHandlers.f64ConvertI32S(i, fp)
                case .f64ConvertI32U: NumericHandlers.f64ConvertI32U(i, fp)
                case .f64ConvertI64S: NumericHandlers.f64ConvertI64S(i, fp)
                case .f64ConvertI64U: NumericHandlers.f64ConvertI64U(i, fp)
                case .f32DemoteF64: NumericHandlers.f32DemoteF64(i, fp)
                case .f64PromoteF32: NumericHandlers.f64PromoteF32(i, fp)
                case .i32ReinterpretF32: NumericHandlers.i32ReinterpretF32(i, fp)
                case .f32ReinterpretI32: NumericHandlers.f32ReinterpretI32(i, fp)
                case .i64ReinterpretF64: NumericHandlers.i64ReinterpretF64(i, fp)
                case .f64ReinterpretI64: NumericHandlers.f64ReinterpretI64(i, fp)

                case .copy: fp[Int(i.a)] = fp[Int(i.b)]
                case .const: fp[Int(i.a)] = i.imm
                case .select:
                    fp[Int(i.a)] = fp.i32(UInt32(truncatingIfNeeded: i.imm)) != 0 ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI32Eq:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = fp.i32(x) == fp.i32(y) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI32LtS:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = Int32(bitPattern: fp.i32(x)) < Int32(bitPattern: fp.i32(y)) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI32LtU:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = fp.i32(x) < fp.i32(y) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI32LeS:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = Int32(bitPattern: fp.i32(x)) <= Int32(bitPattern: fp.i32(y)) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI32LeU:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = fp.i32(x) <= fp.i32(y) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI64Eq:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = fp.i64(x) == fp.i64(y) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI64LtS:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = Int64(bitPattern: fp.i64(x)) < Int64(bitPattern: fp.i64(y)) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI64LtU:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = fp.i64(x) < fp.i64(y) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI64LeS:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = Int64(bitPattern: fp.i64(x)) <= Int64(bitPattern: fp.i64(y)) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI64LeU:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = fp.i64(x) <= fp.i64(y) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI32EqImm:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = fp.i32(x) == y ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI32LtSImm:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = Int32(bitPattern: fp.i32(x)) < Int32(bitPattern: y) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI32LtUImm:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = fp.i32(x) < y ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI32GtSImm:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = Int32(bitPattern: fp.i32(x)) > Int32(bitPattern: y) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI32GtUImm:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = fp.i32(x) > y ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI64EqImm:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = fp.i64(x) == UInt64(bitPattern: Int64(Int32(bitPattern: y))) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI64LtSImm:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = Int64(bitPattern: fp.i64(x)) < Int64(Int32(bitPattern: y)) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI64LtUImm:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = fp.i64(x) < UInt64(bitPattern: Int64(Int32(bitPattern: y))) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI64GtSImm:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = Int64(bitPattern: fp.i64(x)) > Int64(Int32(bitPattern: y)) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .selectI64GtUImm:
                    let x = UInt32(truncatingIfNeeded: i.imm), y = UInt32(truncatingIfNeeded: i.imm &>> 32)
                    fp[Int(i.a)] = fp.i64(x) > UInt64(bitPattern: Int64(Int32(bitPattern: y))) ? fp[Int(i.b)] : fp[Int(i.c)]
                case .unreachable: throw .unreachable
                case .br: ip += branchOffset(i.a)
                case .brIf: if fp.i32(i.a) != 0 { ip += branchOffset(i.b) }
                case .brUnless: if fp.i32(i.a) == 0 { ip += branchOffset(i.b) }
                case .brI32Eq: if fp.i32(i.a) == fp.i32(i.b) { ip += branchOffset(i.c) }
                case .brI32EqImm: if fp.i32(i.a) == UInt32(truncatingIfNeeded: i.imm) { ip += branchOffset(i.c) }
                case .brI32Ne: if fp.i32(i.a) != fp.i32(i.b) { ip += branchOffset(i.c) }
                case .brI32NeImm: if fp.i32(i.a) != UInt32(truncatingIfNeeded: i.imm) { ip += branchOffset(i.c) }
                case .brI32LtS: if Int32(bitPattern: fp.i32(i.a)) < Int32(bitPattern: fp.i32(i.b)) { ip += branchOffset(i.c) }
                case .brI32LtSImm: if Int32(bitPattern: fp.i32(i.a)) < Int32(bitPattern: UInt32(truncatingIfNeeded: i.imm)) { ip += branchOffset(i.c) }
                case .brI32LtU: if fp.i32(i.a) < fp.i32(i.b) { ip += branchOffset(i.c) }
                case .brI32LtUImm: if fp.i32(i.a) < UInt32(truncatingIfNeeded: i.imm) { ip += branchOffset(i.c) }
                case .brI32GtS: if Int32(bitPattern: fp.i32(i.a)) > Int32(bitPattern: fp.i32(i.b)) { ip += branchOffset(i.c) }
                case .brI32GtSImm: if Int32(bitPattern: fp.i32(i.a)) > Int32(bitPattern: UInt32(truncatingIfNeeded: i.imm)) { ip += branchOffset(i.c) }
                case .brI32GtU: if fp.i32(i.a) > fp.i32(i.b) { ip += branchOffset(i.c) }
                case .brI32GtUImm: if fp.i32(i.a) > UInt32(truncatingIfNeeded: i.imm) { ip += branchOffset(i.c) }
                case .brI32LeS: if Int32(bitPattern: fp.i32(i.a)) <= Int32(bitPattern: fp.i32(i.b)) { ip += branchOffset(i.c) }
                case .brI32LeSImm: if Int32(bitPattern: fp.i32(i.a)) <= Int32(bitPattern: UInt32(truncatingIfNeeded: i.imm)) { ip += branchOffset(i.c) }
                case .brI32LeU: if fp.i32(i.a) <= fp.i32(i.b) { ip += branchOffset(i.c) }
                case .brI32LeUImm: if fp.i32(i.a) <= UInt32(truncatingIfNeeded: i.imm) { ip += branchOffset(i.c) }
                case .brI32GeS: if Int32(bitPattern: fp.i32(i.a)) >= Int32(bitPattern: fp.i32(i.b)) { ip += branchOffset(i.c) }
                case .brI32GeSImm: if Int32(bitPattern: fp.i32(i.a)) >= Int32(bitPattern: UInt32(truncatingIfNeeded: i.imm)) { ip += branchOffset(i.c) }
                case .brI32GeU: if fp.i32(i.a) >= fp.i32(i.b) { ip += branchOffset(i.c) }
                case .brI32GeUImm: if fp.i32(i.a) >= UInt32(truncatingIfNeeded: i.imm) { ip += branchOffset(i.c) }
                case .brTable:
                    // Jump straight to the chosen entry's target (the entry is a `br`; its
                    // offset is relative to the unit after it): one dispatch, not two.
                    let entry = ip + Int(min(fp.i32(i.a), i.b &- 1))
                    ip = entry + 1 + branchOffset(entry.pointee.a)
                case .fuel:
                    guard fuel >= i.imm else { throw .outOfFuel }
                    fuel &-= i.imm
                case .fuelSkip:
                    guard fuel >= i.imm else { throw .outOfFuel }
                    fuel &-= i.imm
                    ip += 1
                case .ret:
                    let count = Int(i.b)
                    if count > 0 {
                        let source = Int(i.a)
                        for k in 0..<count { fp[k] = fp[source &+ k] }
                    }
                    depth &-= 1
                    let frame = frames[depth]
                    guard let callerCode = frame.code else {
                        frameCount = depth
                        self.fuel = fuel
                        return .finished
                    }
                    ip = callerCode
                    fp = frame.fp
                    function = frame.function
                    // Reloaded even for the same memory: the callee may have grown it.
                    memory = functions[function].memory
                    memoryBase = memory.pointee.base
                    memorySize = UInt64(truncatingIfNeeded: memory.pointee.byteCount)
                case .call, .callIndirect:
                    let callee: Int
                    if i.op == .call {
                        callee = Int(truncatingIfNeeded: i.imm)
                    } else {
                        callee = try resolveIndirect(i, fp)
                    }
                    let argumentsAt = fp + Int(i.a)
                    let entry = functions + callee
                    if _slowPath(entry.pointee.instance < 0) {
                        let frameEnd = fp + (functions + function).pointee.frameSize
                        frameCount = depth
                        self.fuel = fuel
                        let suspends = try callHost(callee, argumentsAt: argumentsAt, caller: function, callerFrameEnd: frameEnd)
                        // The host may have run Wasm code, refueled, or added functions.
                        fuel = self.fuel
                        functions = self.functions
                        if suspends {
                            guard allowSuspend else {
                                throw .host("a host function suspended inside invoke or a nested call; use Store.start at the outermost level")
                            }
                            frames[depth] = CallFrame(code: ip, fp: fp, function: function)
                            depth &+= 1
                            frameCount = depth
                            return .suspended(host: callee, resultsAt: argumentsAt)
                        }
                        memoryBase = memory.pointee.base
                        memorySize = UInt64(truncatingIfNeeded: memory.pointee.byteCount)
                    } else {
                        // Frame entry (see `enter`), inlined with the store state in locals.
                        guard depth < maxCallDepth else { throw .callStackExhausted }
                        var calleeCode = entry.pointee.code
                        if _slowPath(calleeCode == nil) { calleeCode = translate(callee).code }
                        guard slotLimit - argumentsAt >= entry.pointee.frameSize else { throw .callStackExhausted }
                        var k = entry.pointee.parameterCount
                        let localCount = entry.pointee.localCount
                        while k < localCount { argumentsAt[k] = 0; k &+= 1 }
                        frames[depth] = CallFrame(code: ip, fp: fp, function: function)
                        depth &+= 1
                        ip = calleeCode.unsafelyUnwrapped
                        fp = argumentsAt
                        function = callee
                        // The callee's entry fuel charge, folded into the call (saves a dispatch).
                        let first = ip.pointee
                        if first.op == .fuel {
                            guard fuel >= first.imm else { throw .outOfFuel }
                            fuel &-= first.imm
                            ip += 1
                        }
                        let calleeMemory = entry.pointee.memory
                        if calleeMemory != memory {
                            memory = calleeMemory
                            memoryBase = memory.pointee.base
                            memorySize = UInt64(truncatingIfNeeded: memory.pointee.byteCount)
                        }
                    }
                case .refFunc: fp[Int(i.a)] = i.imm
                case .refIsNull: fp[Int(i.a)] = fp[Int(i.b)] == 0 ? 1 : 0
                case .globalGet:
                    fp[Int(i.a)] = UnsafeMutablePointer<UInt64>(bitPattern: UInt(truncatingIfNeeded: i.imm)).unsafelyUnwrapped.pointee
                case .globalSet:
                    UnsafeMutablePointer<UInt64>(bitPattern: UInt(truncatingIfNeeded: i.imm)).unsafelyUnwrapped.pointee = fp[Int(i.a)]
                case .tableGet: try TableHandlers.get(i, fp)
                case .tableSet: try TableHandlers.set(i, fp)
                case .tableSize: TableHandlers.size(i, fp)
                case .tableGrow: TableHandlers.grow(i, fp)
                case .tableFill: try TableHandlers.fill(i, fp)
                case .tableCopy: try tableCopy(i, fp)
                case .tableInit: try tableInit(i, fp, function: function)
                case .elemDrop: elemDrop(i.a, function: function)
                case .i32Load:
                    let v = try MemoryHandlers.load(i, fp, memoryBase, memorySize, as: UInt32.self)
                    fp[Int(i.a)] = UInt64(v)
                case .i64Load:
                    let v = try MemoryHandlers.load(i, fp, memoryBase, memorySize, as: UInt64.self)
                    fp[Int(i.a)] = v
                case .f32Load:
                    let v = try MemoryHandlers.load(i, fp, memoryBase, memorySize, as: UInt32.self)
                    fp[Int(i.a)] = UInt64(v)
                case .f64Load:
                    let v = try MemoryHandlers.load(i, fp, memoryBase, memorySize, as: UInt64.self)
                    fp[Int(i.a)] = v
                case .i32Load8S:
                    let v = try MemoryHandlers.load(i, fp, memoryBase, memorySize, as: Int8.self)
                    fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(v)))
                case .i32Load8U:
                    let v = try MemoryHandlers.load(i, fp, memoryBase, memorySize, as: UInt8.self)
                    fp[Int(i.a)] = UInt64(v)
                case .i32Load16S:
                    let v = try MemoryHandlers.load(i, fp, memoryBase, memorySize, as: Int16.self)
                    fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(v)))
                case .i32Load16U:
                    let v = try MemoryHandlers.load(i, fp, memoryBase, memorySize, as: UInt16.self)
                    fp[Int(i.a)] = UInt64(v)
                case .i64Load8S:
                    let v = try MemoryHandlers.load(i, fp, memoryBase, memorySize, as: Int8.self)
                    fp[Int(i.a)] = UInt64(bitPattern: Int64(v))
                case .i64Load8U:
                    let v = try MemoryHandlers.load(i, fp, memoryBase, memorySize, as: UInt8.self)
                    fp[Int(i.a)] = UInt64(v)
                case .i64Load16S:
                    let v = try MemoryHandlers.load(i, fp, memoryBase, memorySize, as: Int16.self)
                    fp[Int(i.a)] = UInt64(bitPattern: Int64(v))
                case .i64Load16U:
                    let v = try MemoryHandlers.load(i, fp, memoryBase, memorySize, as: UInt16.self)
                    fp[Int(i.a)] = UInt64(v)
                case .i64Load32S:
                    let v = try MemoryHandlers.load(i, fp, memoryBase, memorySize, as: Int32.self)
                    fp[Int(i.a)] = UInt64(bitPattern: Int64(v))
                case .i64Load32U:
                    let v = try MemoryHandlers.load(i, fp, memoryBase, memorySize, as: UInt32.self)
                    fp[Int(i.a)] = UInt64(v)
                case .i32Store: try MemoryHandlers.store(i, fp, memoryBase, memorySize, UInt32(truncatingIfNeeded: fp[Int(i.b)]))
                case .i64Store: try MemoryHandlers.store(i, fp, memoryBase, memorySize, UInt64(truncatingIfNeeded: fp[Int(i.b)]))
                case .f32Store: try MemoryHandlers.store(i, fp, memoryBase, memorySize, UInt32(truncatingIfNeeded: fp[Int(i.b)]))
                case .f64Store: try MemoryHandlers.store(i, fp, memoryBase, memorySize, UInt64(truncatingIfNeeded: fp[Int(i.b)]))
                case .i32Store8: try MemoryHandlers.store(i, fp, memoryBase, memorySize, UInt8(truncatingIfNeeded: fp[Int(i.b)]))
                case .i32Store16: try MemoryHandlers.store(i, fp, memoryBase, memorySize, UInt16(truncatingIfNeeded: fp[Int(i.b)]))
                case .i64Store8: try MemoryHandlers.store(i, fp, memoryBase, memorySize, UInt8(truncatingIfNeeded: fp[Int(i.b)]))
                case .i64Store16: try MemoryHandlers.store(i, fp, memoryBase, memorySize, UInt16(truncatingIfNeeded: fp[Int(i.b)]))
                case .i64Store32: try MemoryHandlers.store(i, fp, memoryBase, memorySize, UInt32(truncatingIfNeeded: fp[Int(i.b)]))
                case .i32LoadAdd:
                    let v = try MemoryHandlers.loadAdd(i, fp, memoryBase, memorySize, as: UInt32.self)
                    fp[Int(i.a)] = UInt64(v)
                case .i64LoadAdd:
                    let v = try MemoryHandlers.loadAdd(i, fp, memoryBase, memorySize, as: UInt64.self)
                    fp[Int(i.a)] = v
                case .i32Load8UAdd:
                    let v = try MemoryHandlers.loadAdd(i, fp, memoryBase, memorySize, as: UInt8.self)
                    fp[Int(i.a)] = UInt64(v)
                case .i32StoreAdd: try MemoryHandlers.storeAdd(i, fp, memoryBase, memorySize, UInt32(truncatingIfNeeded: fp[Int(i.b)]))
                case .i64StoreAdd: try MemoryHandlers.storeAdd(i, fp, memoryBase, memorySize, fp[Int(i.b)])
                case .i32Store8Add: try MemoryHandlers.storeAdd(i, fp, memoryBase, memorySize, UInt8(truncatingIfNeeded: fp[Int(i.b)]))
                case .i32StoreImm: try MemoryHandlers.store(i, fp, memoryBase, memorySize, i.b)
                case .i64StoreImm: try MemoryHandlers.store(i, fp, memoryBase, memorySize, Int64(Int32(bitPattern: i.b)))
                case .i32Store8Imm: try MemoryHandlers.store(i, fp, memoryBase, memorySize, UInt8(truncatingIfNeeded: i.b))
                case .i32Store16Imm: try MemoryHandlers.store(i, fp, memoryBase, memorySize, UInt16(truncatingIfNeeded: i.b))
                case .memorySize: fp[Int(i.a)] = memory.pointee.pageCount
                case .memoryGrow:
                    let old = memory.pointee.grow(by: UInt64(fp.i32(i.a)))
                    fp[Int(i.a)] = old ?? 0xFFFF_FFFF
                    memoryBase = memory.pointee.base
                    memorySize = UInt64(truncatingIfNeeded: memory.pointee.byteCount)
                case .memoryFill: try MemoryHandlers.fill(i, fp, memory)
                case .memoryCopy: try MemoryHandlers.copy(i, fp, memory)
                case .memoryInit: try memoryInit(i, fp, function: function)
                case .dataDrop: dataDrop(i.a, function: function)
                }
            }
        } catch {
            frameCount = depth
            self.fuel = fuel
            return .trapped(unwind(error, function: function, baseDepth: baseDepth))
        }
    }
}
