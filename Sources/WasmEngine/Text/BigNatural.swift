/// A small arbitrary-precision natural number, just enough for correctly rounded float
/// literal conversion (decimal literals need exact products and quotients of powers of ten).
struct BigNatural: Comparable {
    /// Little-endian 32-bit limbs without leading zero limbs (zero is the empty array).
    private(set) var limbs: [UInt32] = []

    init() {}

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        normalize()
    }

    var isZero: Bool { limbs.isEmpty }

    /// Number of significant bits (0 for zero).
    var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 32 - top.leadingZeroBitCount
    }

    private mutating func normalize() {
        while limbs.last == 0 { limbs.removeLast() }
    }

    /// self = self * factor + addend.
    mutating func multiplyAdd(_ factor: UInt32, _ addend: UInt32) {
        var carry = UInt64(addend)
        for i in limbs.indices {
            let t = UInt64(limbs[i]) * UInt64(factor) + carry
            limbs[i] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
        normalize()
    }

    /// Multiplies by 10^exponent.
    mutating func multiplyByPowerOfTen(_ exponent: Int) {
        var remaining = exponent
        while remaining >= 9 { multiplyAdd(1_000_000_000, 0); remaining -= 9 }
        var factor: UInt32 = 1
        for _ in 0..<remaining { factor *= 10 }
        multiplyAdd(factor, 0)
    }

    static func << (value: BigNatural, shift: Int) -> BigNatural {
        guard !value.isZero, shift > 0 else { return value }
        let limbShift = shift / 32, bitShift = shift % 32
        var result = [UInt32](repeating: 0, count: limbShift)
        var carry: UInt32 = 0
        for limb in value.limbs {
            result.append(bitShift == 0 ? limb : (limb << UInt32(bitShift)) | carry)
            carry = bitShift == 0 ? 0 : limb >> UInt32(32 - bitShift)
        }
        if carry != 0 { result.append(carry) }
        var r = BigNatural()
        r.limbs = result
        r.normalize()
        return r
    }

    static func >> (value: BigNatural, shift: Int) -> BigNatural {
        guard shift > 0 else { return value }
        let limbShift = shift / 32, bitShift = shift % 32
        guard limbShift < value.limbs.count else { return BigNatural() }
        var result: [UInt32] = []
        for i in limbShift..<value.limbs.count {
            let low = value.limbs[i] >> UInt32(bitShift)
            let high: UInt32 = (bitShift != 0 && i + 1 < value.limbs.count) ? value.limbs[i + 1] << UInt32(32 - bitShift) : 0
            result.append(low | high)
        }
        var r = BigNatural()
        r.limbs = result
        r.normalize()
        return r
    }

    /// Whether any of the lowest `count` bits is set.
    func hasBitsBelow(_ count: Int) -> Bool {
        var remaining = count
        for limb in limbs {
            if remaining <= 0 { return false }
            let mask: UInt32 = remaining >= 32 ? .max : (1 << UInt32(remaining)) - 1
            if limb & mask != 0 { return true }
            remaining -= 32
        }
        return false
    }

    /// The value if it fits 64 bits (callers shift first).
    var low64: UInt64 {
        var v: UInt64 = 0
        for (i, limb) in limbs.prefix(2).enumerated() { v |= UInt64(limb) << UInt64(32 * i) }
        return v
    }

    static func < (a: BigNatural, b: BigNatural) -> Bool {
        if a.limbs.count != b.limbs.count { return a.limbs.count < b.limbs.count }
        for i in stride(from: a.limbs.count - 1, through: 0, by: -1) where a.limbs[i] != b.limbs[i] {
            return a.limbs[i] < b.limbs[i]
        }
        return false
    }

    /// a - b for a >= b.
    static func - (a: BigNatural, b: BigNatural) -> BigNatural {
        var result = a.limbs
        var borrow: Int64 = 0
        for i in result.indices {
            var t = Int64(result[i]) - borrow - (i < b.limbs.count ? Int64(b.limbs[i]) : 0)
            borrow = 0
            if t < 0 { t += 1 << 32; borrow = 1 }
            result[i] = UInt32(t)
        }
        var r = BigNatural()
        r.limbs = result
        r.normalize()
        return r
    }

    /// floor(dividend / divisor) and whether the remainder is non-zero, for quotients
    /// below 2^64 (the float converter scales its operands to guarantee that).
    static func divide(_ dividend: BigNatural, by divisor: BigNatural) -> (quotient: UInt64, inexact: Bool) {
        var remainder = dividend
        let shift = dividend.bitWidth - divisor.bitWidth
        guard shift >= 0 else { return (0, !dividend.isZero) }
        precondition(shift < 64, "quotient must fit 64 bits")
        var quotient: UInt64 = 0
        var d = divisor << shift
        for bit in stride(from: shift, through: 0, by: -1) {
            if !(remainder < d) {
                remainder = remainder - d
                quotient |= 1 << UInt64(bit)
            }
            d = d >> 1
        }
        return (quotient, !remainder.isZero)
    }
}
