/// Floating-point arithmetic and comparison handlers (f32 and f64).
///
/// Arithmetic results that are NaN are replaced by the canonical NaN so that runs are
/// deterministic across hosts; `abs`, `neg` and `copysign` are pure bit operations and
/// keep NaN payloads, as the spec requires.
extension NumericHandlers {
    @inline(__always) static func f32Add(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical32(fp.f32(i.b) + fp.f32(i.c))
    }

    @inline(__always) static func f32Sub(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical32(fp.f32(i.b) - fp.f32(i.c))
    }

    @inline(__always) static func f32Mul(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical32(fp.f32(i.b) * fp.f32(i.c))
    }

    @inline(__always) static func f32Div(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical32(fp.f32(i.b) / fp.f32(i.c))
    }

    @inline(__always) static func f32Min(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = wasmMin32(fp.f32(i.b), fp.f32(i.c))
    }

    @inline(__always) static func f32Max(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = wasmMax32(fp.f32(i.b), fp.f32(i.c))
    }

    @inline(__always) static func f32Copysign(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64((fp.i32(i.b) & 0x7FFF_FFFF) | (fp.i32(i.c) & 0x8000_0000))
    }

    @inline(__always) static func f32Abs(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(fp.i32(i.b) & 0x7FFF_FFFF)
    }

    @inline(__always) static func f32Neg(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(fp.i32(i.b) ^ 0x8000_0000)
    }

    @inline(__always) static func f32Ceil(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical32(fp.f32(i.b).rounded(.up))
    }

    @inline(__always) static func f32Floor(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical32(fp.f32(i.b).rounded(.down))
    }

    @inline(__always) static func f32Trunc(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical32(fp.f32(i.b).rounded(.towardZero))
    }

    @inline(__always) static func f32Nearest(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical32(fp.f32(i.b).rounded(.toNearestOrEven))
    }

    @inline(__always) static func f32Sqrt(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical32(fp.f32(i.b).squareRoot())
    }

    @inline(__always) static func f32Eq(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp.f32(i.b) == fp.f32(i.c) ? 1 : 0
    }

    @inline(__always) static func f32Ne(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp.f32(i.b) != fp.f32(i.c) ? 1 : 0
    }

    @inline(__always) static func f32Lt(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp.f32(i.b) < fp.f32(i.c) ? 1 : 0
    }

    @inline(__always) static func f32Gt(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp.f32(i.b) > fp.f32(i.c) ? 1 : 0
    }

    @inline(__always) static func f32Le(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp.f32(i.b) <= fp.f32(i.c) ? 1 : 0
    }

    @inline(__always) static func f32Ge(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp.f32(i.b) >= fp.f32(i.c) ? 1 : 0
    }

    @inline(__always) static func f64Add(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical64(fp.f64(i.b) + fp.f64(i.c))
    }

    @inline(__always) static func f64Sub(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical64(fp.f64(i.b) - fp.f64(i.c))
    }

    @inline(__always) static func f64Mul(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical64(fp.f64(i.b) * fp.f64(i.c))
    }

    @inline(__always) static func f64Div(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical64(fp.f64(i.b) / fp.f64(i.c))
    }

    @inline(__always) static func f64Min(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = wasmMin64(fp.f64(i.b), fp.f64(i.c))
    }

    @inline(__always) static func f64Max(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = wasmMax64(fp.f64(i.b), fp.f64(i.c))
    }

    @inline(__always) static func f64Copysign(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64((fp.i64(i.b) & 0x7FFF_FFFF_FFFF_FFFF) | (fp.i64(i.c) & 0x8000_0000_0000_0000))
    }

    @inline(__always) static func f64Abs(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(fp.i64(i.b) & 0x7FFF_FFFF_FFFF_FFFF)
    }

    @inline(__always) static func f64Neg(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = UInt64(fp.i64(i.b) ^ 0x8000_0000_0000_0000)
    }

    @inline(__always) static func f64Ceil(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical64(fp.f64(i.b).rounded(.up))
    }

    @inline(__always) static func f64Floor(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical64(fp.f64(i.b).rounded(.down))
    }

    @inline(__always) static func f64Trunc(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical64(fp.f64(i.b).rounded(.towardZero))
    }

    @inline(__always) static func f64Nearest(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical64(fp.f64(i.b).rounded(.toNearestOrEven))
    }

    @inline(__always) static func f64Sqrt(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = canonical64(fp.f64(i.b).squareRoot())
    }

    @inline(__always) static func f64Eq(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp.f64(i.b) == fp.f64(i.c) ? 1 : 0
    }

    @inline(__always) static func f64Ne(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp.f64(i.b) != fp.f64(i.c) ? 1 : 0
    }

    @inline(__always) static func f64Lt(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp.f64(i.b) < fp.f64(i.c) ? 1 : 0
    }

    @inline(__always) static func f64Gt(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp.f64(i.b) > fp.f64(i.c) ? 1 : 0
    }

    @inline(__always) static func f64Le(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp.f64(i.b) <= fp.f64(i.c) ? 1 : 0
    }

    @inline(__always) static func f64Ge(_ i: CodeUnit, _ fp: Slots) {
        fp[Int(i.a)] = fp.f64(i.b) >= fp.f64(i.c) ? 1 : 0
    }

}
