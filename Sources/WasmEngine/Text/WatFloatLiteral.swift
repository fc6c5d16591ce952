/// The shape of an IEEE 754 binary format: `f32` or `f64`.
@_spi(Text) public struct WatFloatFormat {
    /// Stored fraction bits (23 or 52).
    let fractionBits: Int
    /// Exponent field bits (8 or 11).
    let exponentBits: Int

    @_spi(Text) public static let f32 = WatFloatFormat(fractionBits: 23, exponentBits: 8)
    @_spi(Text) public static let f64 = WatFloatFormat(fractionBits: 52, exponentBits: 11)

    var bias: Int { (1 << (exponentBits - 1)) - 1 }
    var maxBiasedExponent: UInt64 { (1 << UInt64(exponentBits)) - 1 }
    var signBit: UInt64 { 1 << UInt64(fractionBits + exponentBits) }
    var infinity: UInt64 { maxBiasedExponent << UInt64(fractionBits) }
    /// The quiet bit: the payload of the canonical NaN.
    var canonicalPayload: UInt64 { 1 << UInt64(fractionBits - 1) }
}

/// Float literals of the text format, converted to exact bit patterns.
///
/// Supports `inf`, `nan`, `nan:0x...`, decimal (`1.5e-3`, `1_000.`) and hexadecimal
/// (`0x1.8p+3`) forms with an optional sign. Conversion rounds to nearest, ties to even,
/// directly into the target width (never through `Double` first, which would round twice
/// for `f32`), using exact big-integer arithmetic for decimal literals.
@_spi(Text) public enum WatFloatLiteral {
    @_spi(Text) public static func parse(_ text: String, format: WatFloatFormat) -> WatLiteralResult<UInt64> {
        var bytes = Array(text.utf8)[...]
        var sign: UInt64 = 0
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            if first == UInt8(ascii: "-") { sign = format.signBit }
            bytes = bytes.dropFirst()
        }
        if bytes.elementsEqual("inf".utf8) { return .value(sign | format.infinity) }
        if bytes.elementsEqual("nan".utf8) { return .value(sign | format.infinity | format.canonicalPayload) }
        if bytes.starts(with: "nan:0x".utf8) {
            guard let (payload, overflow) = WatIntegerLiteral.accumulate(bytes.dropFirst(6), radix: 16) else { return .invalid }
            guard !overflow, payload >= 1, payload < 1 << UInt64(format.fractionBits) else { return .outOfRange }
            return .value(sign | format.infinity | payload)
        }
        guard let first = bytes.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return .invalid }
        let magnitude: WatLiteralResult<UInt64>
        if bytes.starts(with: "0x".utf8) {
            magnitude = parseHexadecimal(bytes.dropFirst(2), format: format)
        } else {
            magnitude = parseDecimal(bytes, format: format)
        }
        if case .value(let bits) = magnitude { return .value(sign | bits) }
        return magnitude
    }

    /// Splits `digits ('.' digits?)? (marker sign? decimal-digits)?` into its parts with
    /// underscores validated and removed. Nil when malformed.
    private static func split(_ bytes: ArraySlice<UInt8>, radix: UInt64, exponentMarkers: [UInt8])
        -> (integer: [UInt8], fraction: [UInt8], exponent: Int)? {
        var rest = bytes
        func takeDigits(_ radix: UInt64) -> ArraySlice<UInt8>? {
            let end = rest.firstIndex { c in
                !(c == UInt8(ascii: "_") || (WatLexer.hexValue(c).map { UInt64($0) < radix } ?? false))
            } ?? rest.endIndex
            let run = rest[rest.startIndex..<end]
            rest = rest[end...]
            return run.isEmpty ? nil : run
        }
        func clean(_ run: ArraySlice<UInt8>) -> [UInt8]? {
            guard WatIntegerLiteral.accumulate(run, radix: radix) != nil else { return nil }
            return run.filter { $0 != UInt8(ascii: "_") }
        }
        guard let integerRun = takeDigits(radix), let integer = clean(integerRun) else { return nil }
        var fraction: [UInt8] = []
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            if let first = rest.first, !exponentMarkers.contains(first) {
                guard let run = takeDigits(radix), let cleaned = clean(run) else { return nil }
                fraction = cleaned
            }
        }
        var exponent = 0
        if let first = rest.first, exponentMarkers.contains(first) {
            rest = rest.dropFirst()
            var negative = false
            if let s = rest.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
                negative = s == UInt8(ascii: "-")
                rest = rest.dropFirst()
            }
            guard let run = takeDigits(10), let (value, overflow) = WatIntegerLiteral.accumulate(run, radix: 10) else { return nil }
            // Saturate: any exponent this large already makes the value 0 or infinite.
            let clamped = overflow || value > 100_000_000 ? 100_000_000 : Int(value)
            exponent = negative ? -clamped : clamped
        }
        return rest.isEmpty ? (integer, fraction, exponent) : nil
    }

    private static func parseHexadecimal(_ bytes: ArraySlice<UInt8>, format: WatFloatFormat) -> WatLiteralResult<UInt64> {
        guard let (integer, fraction, exponent) = split(bytes, radix: 16, exponentMarkers: [UInt8(ascii: "p"), UInt8(ascii: "P")]) else {
            return .invalid
        }
        var mantissa = BigNatural()
        for c in integer + fraction { mantissa.multiplyAdd(16, UInt32(WatLexer.hexValue(c)!)) }
        if mantissa.isZero { return .value(0) }
        return round(mantissa, binaryExponent: exponent - 4 * fraction.count, format: format)
    }

    private static func parseDecimal(_ bytes: ArraySlice<UInt8>, format: WatFloatFormat) -> WatLiteralResult<UInt64> {
        guard let (integer, fraction, exponent) = split(bytes, radix: 10, exponentMarkers: [UInt8(ascii: "e"), UInt8(ascii: "E")]) else {
            return .invalid
        }
        var digits = (integer + fraction)[...]
        while digits.first == UInt8(ascii: "0") { digits = digits.dropFirst() }
        if digits.isEmpty { return .value(0) }
        let decimalExponent = exponent - fraction.count
        // value = digits * 10^decimalExponent; its leading digit has weight 10^leading.
        let leading = digits.count - 1 + decimalExponent
        if leading > 400 { return .outOfRange }
        if leading < -400 { return .value(0) }
        var numerator = BigNatural()
        for c in digits { numerator.multiplyAdd(10, UInt32(c - UInt8(ascii: "0"))) }
        if decimalExponent >= 0 {
            numerator.multiplyByPowerOfTen(decimalExponent)
            return round(numerator, binaryExponent: 0, format: format)
        }
        var denominator = BigNatural(1)
        denominator.multiplyByPowerOfTen(-decimalExponent)
        // Scale so the quotient has 62 or 63 bits: far more than the 53 needed, and the
        // remainder becomes the sticky bit, so the rounding below is exact.
        let scale = denominator.bitWidth - numerator.bitWidth + 62
        if scale >= 0 {
            numerator = numerator << scale
        } else {
            denominator = denominator << -scale
        }
        let (quotient, inexact) = BigNatural.divide(numerator, by: denominator)
        return round(quotient, binaryExponent: -scale, sticky: inexact, format: format)
    }

    /// Rounds `value * 2^binaryExponent` (value non-zero) to the format.
    private static func round(_ value: BigNatural, binaryExponent: Int, format: WatFloatFormat) -> WatLiteralResult<UInt64> {
        let excess = value.bitWidth - 64
        if excess > 0 {
            return round((value >> excess).low64, binaryExponent: binaryExponent + excess,
                         sticky: value.hasBitsBelow(excess), format: format)
        }
        return round(value.low64, binaryExponent: binaryExponent, sticky: false, format: format)
    }

    /// Rounds `(mantissa + ε) * 2^exponent` to nearest-even in the format, where ε is a
    /// positive amount below one unit when `sticky` is set (bits lost before this step).
    /// Out of range when the result would be infinite.
    static func round(_ mantissa: UInt64, binaryExponent exponent: Int, sticky: Bool, format: WatFloatFormat) -> WatLiteralResult<UInt64> {
        precondition(mantissa != 0)
        let precision = format.fractionBits + 1
        let minimumExponent = 1 - format.bias
        let width = 64 - mantissa.leadingZeroBitCount
        // Drop bits below the result's last place: for normal numbers that keeps
        // `precision` bits; for subnormals the last place is fixed at 2^(emin - fractionBits).
        let shift = max(width - precision, (minimumExponent - format.fractionBits) - exponent)
        var significand: UInt64
        var lastPlaceExponent = exponent + shift
        if shift <= 0 {
            significand = mantissa << UInt64(-shift)
        } else if shift > 64 {
            significand = 0  // below half the smallest subnormal
        } else {
            significand = shift == 64 ? 0 : mantissa >> UInt64(shift)
            let remainder = shift == 64 ? mantissa : mantissa & ((1 << UInt64(shift)) - 1)
            let half: UInt64 = 1 << UInt64(shift - 1)
            if remainder > half || (remainder == half && (sticky || significand & 1 == 1)) {
                significand += 1
            }
        }
        if significand == 1 << UInt64(precision) {
            significand >>= 1
            lastPlaceExponent += 1
        }
        let fractionMask: UInt64 = (1 << UInt64(format.fractionBits)) - 1
        if significand > fractionMask {
            let biased = lastPlaceExponent + format.fractionBits + format.bias
            guard UInt64(biased) < format.maxBiasedExponent else { return .outOfRange }
            return .value(UInt64(biased) << UInt64(format.fractionBits) | (significand & fractionMask))
        }
        return .value(significand)  // subnormal or zero
    }
}
