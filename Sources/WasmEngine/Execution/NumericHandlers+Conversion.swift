/// Conversion handlers: truncation (trapping and saturating), int-to-float conversion,
/// demotion/promotion and reinterpretation.
///
/// Truncation range checks are done in `Double`, where every f32 and every bound used is
/// exact, so the checks are exact; int-to-float conversions round to nearest-even in one step.
extension NumericHandlers {
    @inline(__always) static func i32TruncF32S(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = Double(fp.f32(i.b))
        if x.isNaN { return .invalidConversionToInteger }
        guard x > Int32Range.lower && x < Int32Range.upper else { return .integerOverflow }
        fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(x)))
        return nil
    }

    @inline(__always) static func i32TruncSatF32S(_ i: CodeUnit, _ fp: Slots) {
        let x = Double(fp.f32(i.b))
        if x.isNaN { fp[Int(i.a)] = 0 }
        else if x <= Int32Range.lower { let m = Int32.min; fp[Int(i.a)] = UInt64(UInt32(bitPattern: m)) }
        else if x >= Int32Range.upper { let m = Int32.max; fp[Int(i.a)] = UInt64(UInt32(bitPattern: m)) }
        else { fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(x))) }
    }

    @inline(__always) static func i32TruncF64S(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = fp.f64(i.b)
        if x.isNaN { return .invalidConversionToInteger }
        guard x > Int32Range.lower && x < Int32Range.upper else { return .integerOverflow }
        fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(x)))
        return nil
    }

    @inline(__always) static func i32TruncSatF64S(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.f64(i.b)
        if x.isNaN { fp[Int(i.a)] = 0 }
        else if x <= Int32Range.lower { let m = Int32.min; fp[Int(i.a)] = UInt64(UInt32(bitPattern: m)) }
        else if x >= Int32Range.upper { let m = Int32.max; fp[Int(i.a)] = UInt64(UInt32(bitPattern: m)) }
        else { fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(x))) }
    }

    @inline(__always) static func i32TruncF32U(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = Double(fp.f32(i.b))
        if x.isNaN { return .invalidConversionToInteger }
        guard x > UInt32Range.lower && x < UInt32Range.upper else { return .integerOverflow }
        fp[Int(i.a)] = UInt64(UInt32(x))
        return nil
    }

    @inline(__always) static func i32TruncSatF32U(_ i: CodeUnit, _ fp: Slots) {
        let x = Double(fp.f32(i.b))
        if x.isNaN { fp[Int(i.a)] = 0 }
        else if x <= UInt32Range.lower { let m = UInt32.min; fp[Int(i.a)] = UInt64(m) }
        else if x >= UInt32Range.upper { let m = UInt32.max; fp[Int(i.a)] = UInt64(m) }
        else { fp[Int(i.a)] = UInt64(UInt32(x)) }
    }

    @inline(__always) static func i32TruncF64U(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = fp.f64(i.b)
        if x.isNaN { return .invalidConversionToInteger }
        guard x > UInt32Range.lower && x < UInt32Range.upper else { return .integerOverflow }
        fp[Int(i.a)] = UInt64(UInt32(x))
        return nil
    }

    @inline(__always) static func i32TruncSatF64U(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.f64(i.b)
        if x.isNaN { fp[Int(i.a)] = 0 }
        else if x <= UInt32Range.lower { let m = UInt32.min; fp[Int(i.a)] = UInt64(m) }
        else if x >= UInt32Range.upper { let m = UInt32.max; fp[Int(i.a)] = UInt64(m) }
        else { fp[Int(i.a)] = UInt64(UInt32(x)) }
    }

    @inline(__always) static func i64TruncF32S(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = Double(fp.f32(i.b))
        if x.isNaN { return .invalidConversionToInteger }
        guard x > Int64Range.lower && x < Int64Range.upper else { return .integerOverflow }
        fp[Int(i.a)] = UInt64(bitPattern: Int64(x))
        return nil
    }

    @inline(__always) static func i64TruncSatF32S(_ i: CodeUnit, _ fp: Slots) {
        let x = Double(fp.f32(i.b))
        if x.isNaN { fp[Int(i.a)] = 0 }
        else if x <= Int64Range.lower { let m = Int64.min; fp[Int(i.a)] = UInt64(bitPattern: m) }
        else if x >= Int64Range.upper { let m = Int64.max; fp[Int(i.a)] = UInt64(bitPattern: m) }
        else { fp[Int(i.a)] = UInt64(bitPattern: Int64(x)) }
    }

    @inline(__always) static func i64TruncF64S(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = fp.f64(i.b)
        if x.isNaN { return .invalidConversionToInteger }
        guard x > Int64Range.lower && x < Int64Range.upper else { return .integerOverflow }
        fp[Int(i.a)] = UInt64(bitPattern: Int64(x))
        return nil
    }

    @inline(__always) static func i64TruncSatF64S(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.f64(i.b)
        if x.isNaN { fp[Int(i.a)] = 0 }
        else if x <= Int64Range.lower { let m = Int64.min; fp[Int(i.a)] = UInt64(bitPattern: m) }
        else if x >= Int64Range.upper { let m = Int64.max; fp[Int(i.a)] = UInt64(bitPattern: m) }
        else { fp[Int(i.a)] = UInt64(bitPattern: Int64(x)) }
    }

    @inline(__always) static func i64TruncF32U(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = Double(fp.f32(i.b))
        if x.isNaN { return .invalidConversionToInteger }
        guard x > UInt64Range.lower && x < UInt64Range.upper else { return .integerOverflow }
        fp[Int(i.a)] = UInt64(UInt64(x))
        return nil
    }

    @inline(__always) static func i64TruncSatF32U(_ i: CodeUnit, _ fp: Slots) {
        let x = Double(fp.f32(i.b))
        if x.isNaN { fp[Int(i.a)] = 0 }
        else if x <= UInt64Range.lower { let m = UInt64.min; fp[Int(i.a)] = UInt64(m) }
        else if x >= UInt64Range.upper { let m = UInt64.max; fp[Int(i.a)] = UInt64(m) }
        else { fp[Int(i.a)] = UInt64(UInt64(x)) }
    }

    @inline(__always) static func i64TruncF64U(_ i: CodeUnit, _ fp: Slots) -> TrapReason? {
        let x = fp.f64(i.b)
        if x.isNaN { return .invalidConversionToInteger }
        guard x > UInt64Range.lower && x < UInt64Range.upper else { return .integerOverflow }
        fp[Int(i.a)] = UInt64(UInt64(x))
        return nil
    }

    @inline(__always) static func i64TruncSatF64U(_ i: CodeUnit, _ fp: Slots) {
        let x = fp.f64(i.b)
        if x.isNaN { fp[Int(i.a)] = 0 }
        else if x <= UInt64Range.lower { let m = UInt64.min; fp[Int(i.a)] = UInt64(m) }
        else if x >= UInt64Range.upper { let m = UInt64.max; fp[Int(i.a)] = UInt64(m) }
        else { fp[Int(i.a)] = UInt64(UInt64(x)) }
    }

    @inline(__always) static func f32ConvertI32S(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical32(Float(Int32(bitPattern: fp.i32(i.b))))
    }

    @inline(__always) static func f32ConvertI32U(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical32(Float(fp.i32(i.b)))
    }

    @inline(__always) static func f32ConvertI64S(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical32(Float(Int64(bitPattern: fp[Int(i.b)])))
    }

    @inline(__always) static func f32ConvertI64U(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical32(Float(fp[Int(i.b)]))
    }

    @inline(__always) static func f64ConvertI32S(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical64(Double(Int32(bitPattern: fp.i32(i.b))))
    }

    @inline(__always) static func f64ConvertI32U(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical64(Double(fp.i32(i.b)))
    }

    @inline(__always) static func f64ConvertI64S(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical64(Double(Int64(bitPattern: fp[Int(i.b)])))
    }

    @inline(__always) static func f64ConvertI64U(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical64(Double(fp[Int(i.b)]))
    }

    @inline(__always) static func f32DemoteF64(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical32(Float(fp.f64(i.b)))
    }

    @inline(__always) static func f64PromoteF32(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical64(Double(fp.f32(i.b)))
    }

    @inline(__always) static func i32ReinterpretF32(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(fp.i32(i.b))
    }

    @inline(__always) static func f32ReinterpretI32(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(fp.i32(i.b))
    }

    @inline(__always) static func i64ReinterpretF64(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp[Int(i.b)]
    }

    @inline(__always) static func f64ReinterpretI64(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp[Int(i.b)]
    }

}
