/// A frame's value slots: `fp[k]` is slot `k` of the current frame.
typealias Slots = UnsafeMutablePointer<UInt64>

/// The handlers of numeric instructions, one static function per internal opcode,
/// grouped by family in `NumericHandlers+*.swift`. Each reads its operands from the
/// frame's slots and writes its result there; the threaded handlers (`Dispatch+*.swift`)
/// call them and they are always inlined there. Operations that can trap return the
/// `TrapReason` (nil when they completed) instead of throwing: a throw site calls into
/// the runtime, and a real call on a handler's path costs it a stack frame.
enum NumericHandlers {}

extension UnsafeMutablePointer where Pointee == UInt64 {
    /// Slot `k` as an i32.
    @inline(__always) func i32(_ k: UInt32) -> UInt32 { UInt32(truncatingIfNeeded: self[Int(k)]) }
    /// Slot `k` as an i64.
    @inline(__always) func i64(_ k: UInt32) -> UInt64 { self[Int(k)] }
    /// Slot `k` as an f32.
    @inline(__always) func f32(_ k: UInt32) -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: self[Int(k)])) }
    /// Slot `k` as an f64.
    @inline(__always) func f64(_ k: UInt32) -> Double { Double(bitPattern: self[Int(k)]) }
}

/// The canonical f32 NaN (positive, only the quiet bit set), as slot bits.
let canonicalNaN32: UInt64 = 0x7FC0_0000
/// The canonical f64 NaN (positive, only the quiet bit set).
let canonicalNaN64: UInt64 = 0x7FF8_0000_0000_0000

/// An arithmetic f32 result as slot bits, NaNs canonicalized for determinism.
@inline(__always) func canonical32(_ x: Float) -> UInt64 {
    x.isNaN ? canonicalNaN32 : UInt64(x.bitPattern)
}

/// An arithmetic f64 result as slot bits, NaNs canonicalized for determinism.
@inline(__always) func canonical64(_ x: Double) -> UInt64 {
    // `x == x` is false only for NaN; unlike `isNaN`, it compiles to one `ucomisd` and a
    // conditional move instead of integer tests on the bits.
    x == x ? x.bitPattern : canonicalNaN64
}

/// Wasm `min`: NaN if either operand is NaN, and -0 is smaller than +0.
@inline(__always) func wasmMin32(_ x: Float, _ y: Float) -> UInt64 {
    if x.isNaN || y.isNaN { return canonicalNaN32 }
    // Equal operands are identical or +0/-0; OR-ing the bits picks -0.
    if x == y { return UInt64(x.bitPattern | y.bitPattern) }
    return UInt64((x < y ? x : y).bitPattern)
}

/// Wasm `max`: NaN if either operand is NaN, and +0 is larger than -0.
@inline(__always) func wasmMax32(_ x: Float, _ y: Float) -> UInt64 {
    if x.isNaN || y.isNaN { return canonicalNaN32 }
    if x == y { return UInt64(x.bitPattern & y.bitPattern) }
    return UInt64((x > y ? x : y).bitPattern)
}

@inline(__always) func wasmMin64(_ x: Double, _ y: Double) -> UInt64 {
    if x.isNaN || y.isNaN { return canonicalNaN64 }
    if x == y { return x.bitPattern | y.bitPattern }
    return (x < y ? x : y).bitPattern
}

@inline(__always) func wasmMax64(_ x: Double, _ y: Double) -> UInt64 {
    if x.isNaN || y.isNaN { return canonicalNaN64 }
    if x == y { return x.bitPattern & y.bitPattern }
    return (x > y ? x : y).bitPattern
}

/// Exclusive bounds (as doubles) of the floats whose truncation fits each integer type:
/// a float `x` truncates into the type exactly when `lower < x < upper`.
enum Int32Range {
    static let lower: Double = -2_147_483_649.0
    static let upper: Double = 2_147_483_648.0
}

enum UInt32Range {
    static let lower: Double = -1.0
    static let upper: Double = 4_294_967_296.0
}

enum Int64Range {
    /// The double just below -2^63 (doubles are 2048 apart there), so `x > lower` means `x >= -2^63`.
    static let lower: Double = -9_223_372_036_854_777_856.0
    static let upper: Double = 9_223_372_036_854_775_808.0
}

enum UInt64Range {
    static let lower: Double = -1.0
    static let upper: Double = 18_446_744_073_709_551_616.0
}
