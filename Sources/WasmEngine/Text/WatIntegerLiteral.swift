/// The outcome of reading a numeric literal: a value, a well-formed literal that does not
/// fit the target type, or text that is no literal of the expected kind at all.
@_spi(Text) public enum WatLiteralResult<Value> {
    case value(Value)
    case outOfRange
    case invalid
}

/// Integer literals of the text format: `123`, `1_000`, `0xFF`, `-0x8000_0000`, `+7`.
@_spi(Text) public enum WatIntegerLiteral {
    /// Reads `num` or `0x hexnum` digits (underscores only between digits) without a sign.
    /// Returns nil when the text is malformed or the value does not fit 64 bits.
    static func parseUnsigned(_ text: String, hexadecimalOnly: Bool = false) -> UInt64? {
        if case .value(let v) = readUnsigned(Array(text.utf8)[...], hexadecimalOnly: hexadecimalOnly) { return v }
        return nil
    }

    /// Reads an unsigned literal that must fit `bitWidth` bits (indices, limits, offsets).
    @_spi(Text) public static func parseUnsigned(_ text: String, bitWidth: Int) -> WatLiteralResult<UInt64> {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return .invalid }
        switch readUnsigned(bytes[...], hexadecimalOnly: false) {
        case .value(let v):
            return bitWidth < 64 && v >> UInt64(bitWidth) != 0 ? .outOfRange : .value(v)
        case .outOfRange: return .outOfRange
        case .invalid: return .invalid
        }
    }

    /// Reads an `iN` constant: an optionally signed literal in `-2^(N-1) ... 2^N - 1`,
    /// returned as its N-bit two's complement pattern (zero-extended to 64 bits).
    @_spi(Text) public static func parseInteger(_ text: String, bitWidth: Int) -> WatLiteralResult<UInt64> {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard let first = bytes.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return .invalid }
        let magnitude: UInt64
        switch readUnsigned(bytes, hexadecimalOnly: false) {
        case .value(let v): magnitude = v
        case .outOfRange: return .outOfRange
        case .invalid: return .invalid
        }
        let mask: UInt64 = bitWidth == 64 ? .max : (1 << UInt64(bitWidth)) - 1
        if negative {
            guard magnitude <= 1 << UInt64(bitWidth - 1) else { return .outOfRange }
            return .value((0 &- magnitude) & mask)
        }
        guard magnitude <= mask else { return .outOfRange }
        return .value(magnitude)
    }

    /// Reads decimal digits, or hexadecimal digits after `0x`, with single underscores
    /// allowed between digits.
    private static func readUnsigned(_ bytes: ArraySlice<UInt8>, hexadecimalOnly: Bool) -> WatLiteralResult<UInt64> {
        var digits = bytes
        var radix: UInt64 = 10
        if hexadecimalOnly {
            radix = 16
        } else if digits.starts(with: "0x".utf8) {
            radix = 16
            digits = digits.dropFirst(2)
        }
        guard let (value, overflow) = accumulate(digits, radix: radix) else { return .invalid }
        return overflow ? .outOfRange : .value(value)
    }

    /// Folds digit characters into a value; nil if any character is no digit of `radix`
    /// or the underscores are misplaced. `overflow` tells that the value exceeded 64 bits.
    static func accumulate(_ digits: ArraySlice<UInt8>, radix: UInt64) -> (value: UInt64, overflow: Bool)? {
        guard !digits.isEmpty, digits.first != UInt8(ascii: "_"), digits.last != UInt8(ascii: "_") else { return nil }
        var value: UInt64 = 0
        var overflow = false
        var previousWasUnderscore = false
        for c in digits {
            if c == UInt8(ascii: "_") {
                if previousWasUnderscore { return nil }
                previousWasUnderscore = true
                continue
            }
            previousWasUnderscore = false
            guard let d = WatLexer.hexValue(c), UInt64(d) < radix else { return nil }
            let (product, o1) = value.multipliedReportingOverflow(by: radix)
            let (sum, o2) = product.addingReportingOverflow(UInt64(d))
            if o1 || o2 { overflow = true }
            value = sum
        }
        return (value, overflow)
    }
}
