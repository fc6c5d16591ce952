/// Integer arithmetic, comparison, bit and sign-extension handlers (i32 and i64).
///
/// Wasm integers are two's complement bit patterns; signedness belongs to the operator, so
/// values stay unsigned and are reinterpreted with `bitPattern:` where an operator is signed.
/// Shift and rotate counts are taken modulo the width (the `&<<`/`&>>` operators mask them).
extension NumericHandlers {
    @inline(__always) static func i32Add(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = UInt64(x &+ y)
    }

    @inline(__always) static func i32AddImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = UInt64(x &+ y)
    }

    @inline(__always) static func i64Add(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = x &+ y
    }

    @inline(__always) static func i64AddImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = x &+ y
    }

    @inline(__always) static func i32Sub(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = UInt64(x &- y)
    }

    @inline(__always) static func i32SubImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = UInt64(x &- y)
    }

    @inline(__always) static func i64Sub(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = x &- y
    }

    @inline(__always) static func i64SubImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = x &- y
    }

    @inline(__always) static func i32Mul(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = UInt64(x &* y)
    }

    @inline(__always) static func i32MulImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = UInt64(x &* y)
    }

    @inline(__always) static func i64Mul(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = x &* y
    }

    @inline(__always) static func i64MulImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = x &* y
    }

    @inline(__always) static func i32And(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = UInt64(x & y)
    }

    @inline(__always) static func i32AndImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = UInt64(x & y)
    }

    @inline(__always) static func i64And(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = x & y
    }

    @inline(__always) static func i64AndImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = x & y
    }

    @inline(__always) static func i32Or(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = UInt64(x | y)
    }

    @inline(__always) static func i32OrImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = UInt64(x | y)
    }

    @inline(__always) static func i64Or(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = x | y
    }

    @inline(__always) static func i64OrImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = x | y
    }

    @inline(__always) static func i32Xor(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = UInt64(x ^ y)
    }

    @inline(__always) static func i32XorImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = UInt64(x ^ y)
    }

    @inline(__always) static func i64Xor(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = x ^ y
    }

    @inline(__always) static func i64XorImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = x ^ y
    }

    @inline(__always) static func i32Shl(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = UInt64(x &<< y)
    }

    @inline(__always) static func i32ShlImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = UInt64(x &<< y)
    }

    @inline(__always) static func i64Shl(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = x &<< y
    }

    @inline(__always) static func i64ShlImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = x &<< y
    }

    @inline(__always) static func i32ShrU(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = UInt64(x &>> y)
    }

    @inline(__always) static func i32ShrUImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = UInt64(x &>> y)
    }

    @inline(__always) static func i64ShrU(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = x &>> y
    }

    @inline(__always) static func i64ShrUImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = x &>> y
    }

    @inline(__always) static func i32ShrS(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(bitPattern: x) &>> Int32(bitPattern: y)))
    }

    @inline(__always) static func i32ShrSImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(bitPattern: x) &>> Int32(bitPattern: y)))
    }

    @inline(__always) static func i64ShrS(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = UInt64(bitPattern: Int64(bitPattern: x) &>> Int64(bitPattern: y))
    }

    @inline(__always) static func i64ShrSImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = UInt64(bitPattern: Int64(bitPattern: x) &>> Int64(bitPattern: y))
    }

    // Rotates by a constant count (`imm`): SHA-style code rotates by literals.
    @inline(__always) static func i32RotlImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = UInt64((x &<< y) | (x &>> (32 &- (y & 31))))
    }

    @inline(__always) static func i32RotrImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = UInt64((x &>> y) | (x &<< (32 &- (y & 31))))
    }

    @inline(__always) static func i64RotlImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = (x &<< y) | (x &>> (64 &- (y & 63)))
    }

    @inline(__always) static func i64RotrImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = (x &>> y) | (x &<< (64 &- (y & 63)))
    }

    @inline(__always) static func i32Rotl(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = UInt64((x &<< y) | (x &>> (32 &- (y & 31))))
    }

    @inline(__always) static func i32Rotr(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = UInt64((x &>> y) | (x &<< (32 &- (y & 31))))
    }

    @inline(__always) static func i64Rotl(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = (x &<< y) | (x &>> (64 &- (y & 63)))
    }

    @inline(__always) static func i64Rotr(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = (x &>> y) | (x &<< (64 &- (y & 63)))
    }

    @inline(__always) static func i32Eq(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = (x == y) ? 1 : 0
    }

    @inline(__always) static func i64Eq(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = (x == y) ? 1 : 0
    }

    @inline(__always) static func i32EqImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = (x == y) ? 1 : 0
    }

    @inline(__always) static func i64EqImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = (x == y) ? 1 : 0
    }

    @inline(__always) static func i32Ne(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = (x != y) ? 1 : 0
    }

    @inline(__always) static func i64Ne(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = (x != y) ? 1 : 0
    }

    @inline(__always) static func i32NeImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = (x != y) ? 1 : 0
    }

    @inline(__always) static func i64NeImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = (x != y) ? 1 : 0
    }

    @inline(__always) static func i32LtU(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = (x < y) ? 1 : 0
    }

    @inline(__always) static func i64LtU(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = (x < y) ? 1 : 0
    }

    @inline(__always) static func i32LtUImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = (x < y) ? 1 : 0
    }

    @inline(__always) static func i64LtUImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = (x < y) ? 1 : 0
    }

    @inline(__always) static func i32GtU(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = (x > y) ? 1 : 0
    }

    @inline(__always) static func i64GtU(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = (x > y) ? 1 : 0
    }

    @inline(__always) static func i32GtUImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = (x > y) ? 1 : 0
    }

    @inline(__always) static func i64GtUImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = (x > y) ? 1 : 0
    }

    @inline(__always) static func i32LeU(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = (x <= y) ? 1 : 0
    }

    @inline(__always) static func i64LeU(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = (x <= y) ? 1 : 0
    }

    @inline(__always) static func i32LeUImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = (x <= y) ? 1 : 0
    }

    @inline(__always) static func i32GeU(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = (x >= y) ? 1 : 0
    }

    @inline(__always) static func i64GeU(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = (x >= y) ? 1 : 0
    }

    @inline(__always) static func i32GeUImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = (x >= y) ? 1 : 0
    }

    @inline(__always) static func i32LtS(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = (Int32(bitPattern: x) < Int32(bitPattern: y)) ? 1 : 0
    }

    @inline(__always) static func i64LtS(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = (Int64(bitPattern: x) < Int64(bitPattern: y)) ? 1 : 0
    }

    @inline(__always) static func i32LtSImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = (Int32(bitPattern: x) < Int32(bitPattern: y)) ? 1 : 0
    }

    @inline(__always) static func i64LtSImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = (Int64(bitPattern: x) < Int64(bitPattern: y)) ? 1 : 0
    }

    @inline(__always) static func i32GtS(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = (Int32(bitPattern: x) > Int32(bitPattern: y)) ? 1 : 0
    }

    @inline(__always) static func i64GtS(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = (Int64(bitPattern: x) > Int64(bitPattern: y)) ? 1 : 0
    }

    @inline(__always) static func i32GtSImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = (Int32(bitPattern: x) > Int32(bitPattern: y)) ? 1 : 0
    }

    @inline(__always) static func i64GtSImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = i.imm
        fp[Int(i.a)] = (Int64(bitPattern: x) > Int64(bitPattern: y)) ? 1 : 0
    }

    @inline(__always) static func i32LeS(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = (Int32(bitPattern: x) <= Int32(bitPattern: y)) ? 1 : 0
    }

    @inline(__always) static func i64LeS(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = (Int64(bitPattern: x) <= Int64(bitPattern: y)) ? 1 : 0
    }

    @inline(__always) static func i32LeSImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = (Int32(bitPattern: x) <= Int32(bitPattern: y)) ? 1 : 0
    }

    @inline(__always) static func i32GeS(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        fp[Int(i.a)] = (Int32(bitPattern: x) >= Int32(bitPattern: y)) ? 1 : 0
    }

    @inline(__always) static func i64GeS(_ i: CodeUnit, _ fp: Slots) {
        let x = fp[Int(i.b)], y = fp[Int(i.c)]
        fp[Int(i.a)] = (Int64(bitPattern: x) >= Int64(bitPattern: y)) ? 1 : 0
    }

    @inline(__always) static func i32GeSImm(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.i32(i.b), y = UInt32(truncatingIfNeeded: i.imm)
        fp[Int(i.a)] = (Int32(bitPattern: x) >= Int32(bitPattern: y)) ? 1 : 0
    }

    @inline(__always) static func i32Eqz(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp.i32(i.b) == 0 ? 1 : 0
    }

    @inline(__always) static func i64Eqz(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp[Int(i.b)] == 0 ? 1 : 0
    }

    @inline(__always) static func i32Clz(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(fp.i32(i.b).leadingZeroBitCount)
    }

    @inline(__always) static func i32Ctz(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(fp.i32(i.b).trailingZeroBitCount)
    }

    @inline(__always) static func i32Popcnt(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(fp.i32(i.b).nonzeroBitCount)
    }

    @inline(__always) static func i64Clz(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(fp[Int(i.b)].leadingZeroBitCount)
    }

    @inline(__always) static func i64Ctz(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(fp[Int(i.b)].trailingZeroBitCount)
    }

    @inline(__always) static func i64Popcnt(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(fp[Int(i.b)].nonzeroBitCount)
    }

    @inline(__always) static func i32DivU(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        if y == 0 { return .integerDivideByZero }
        fp[Int(i.a)] = UInt64(x / y)
        return nil
    }

    @inline(__always) static func i32RemU(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        if y == 0 { return .integerDivideByZero }
        fp[Int(i.a)] = UInt64(x % y)
        return nil
    }

    @inline(__always) static func i32DivS(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        let sx = Int32(bitPattern: x), sy = Int32(bitPattern: y)
        if sy == 0 { return .integerDivideByZero }
        if sx == Int32.min && sy == -1 { return .integerOverflow }
        fp[Int(i.a)] = UInt64(UInt32(bitPattern: sx / sy))
        return nil
    }

    @inline(__always) static func i32RemS(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = fp.i32(i.b), y = fp.i32(i.c)
        let sx = Int32(bitPattern: x), sy = Int32(bitPattern: y)
        if sy == 0 { return .integerDivideByZero }
        fp[Int(i.a)] = sy == -1 ? 0 : UInt64(UInt32(bitPattern: sx % sy))
        return nil
    }

    @inline(__always) static func i64DivU(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = fp.i64(i.b), y = fp.i64(i.c)
        if y == 0 { return .integerDivideByZero }
        fp[Int(i.a)] = UInt64(x / y)
        return nil
    }

    @inline(__always) static func i64RemU(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = fp.i64(i.b), y = fp.i64(i.c)
        if y == 0 { return .integerDivideByZero }
        fp[Int(i.a)] = UInt64(x % y)
        return nil
    }

    @inline(__always) static func i64DivS(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = fp.i64(i.b), y = fp.i64(i.c)
        let sx = Int64(bitPattern: x), sy = Int64(bitPattern: y)
        if sy == 0 { return .integerDivideByZero }
        if sx == Int64.min && sy == -1 { return .integerOverflow }
        fp[Int(i.a)] = UInt64(UInt64(bitPattern: sx / sy))
        return nil
    }

    @inline(__always) static func i64RemS(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = fp.i64(i.b), y = fp.i64(i.c)
        let sx = Int64(bitPattern: x), sy = Int64(bitPattern: y)
        if sy == 0 { return .integerDivideByZero }
        fp[Int(i.a)] = sy == -1 ? 0 : UInt64(UInt64(bitPattern: sx % sy))
        return nil
    }

    @inline(__always) static func i32Extend8S(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(Int8(truncatingIfNeeded: fp[Int(i.b)]))))
    }

    @inline(__always) static func i32Extend16S(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: fp[Int(i.b)]))))
    }

    @inline(__always) static func i64Extend8S(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: fp[Int(i.b)])))
    }

    @inline(__always) static func i64Extend16S(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: fp[Int(i.b)])))
    }

    @inline(__always) static func i64Extend32S(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: fp[Int(i.b)])))
    }

    @inline(__always) static func i64ExtendI32S(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: fp[Int(i.b)])))
    }

    @inline(__always) static func i64ExtendI32U(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(fp.i32(i.b))
    }

    @inline(__always) static func i32WrapI64(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(fp.i32(i.b))
    }

}
