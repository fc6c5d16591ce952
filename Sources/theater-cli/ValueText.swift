import WasmEngine

/// Reads and writes Wasm values as command-line text.
enum ValueText {
    /// Parses `text` as a value of `type`; nil when it is not one.
    static func parse(_ text: String, as type: ValueType) -> Value? {
        switch type {
        case .i32:
            guard let value = parseInteger(text, bits: 32) else { return nil }
            return .i32(UInt32(truncatingIfNeeded: value))
        case .i64:
            guard let value = parseInteger(text, bits: 64) else { return nil }
            return .i64(value)
        case .f32:
            guard let value = Float(text) else { return nil }
            return .f32(value.bitPattern)
        case .f64:
            guard let value = Double(text) else { return nil }
            return .f64(value.bitPattern)
        case .funcref:
            return text == "null" || text == "ref.null" ? .funcref(nil) : nil
        case .externref:
            if text == "null" || text == "ref.null" { return .externref(nil) }
            return UInt32(text).map { .externref($0) }
        case .v128:
            return nil
        }
    }

    /// Accepts signed or unsigned decimal and 0x hex, within the type's range; the result
    /// is the two's-complement bit pattern.
    private static func parseInteger(_ text: String, bits: Int) -> UInt64? {
        var digits = Substring(text.replacingOccurrences(of: "_", with: ""))
        var negative = false
        if digits.hasPrefix("-") { negative = true; digits = digits.dropFirst() } else if digits.hasPrefix("+") { digits = digits.dropFirst() }
        var radix = 10
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") { radix = 16; digits = digits.dropFirst(2) }
        guard !digits.isEmpty, let magnitude = UInt64(digits, radix: radix) else { return nil }
        let unsignedLimit: UInt64 = bits == 64 ? .max : (1 << UInt64(bits)) - 1
        if negative {
            let signedLimit: UInt64 = 1 << UInt64(bits - 1)
            guard magnitude <= signedLimit else { return nil }
            return (0 &- magnitude) & unsignedLimit
        }
        guard magnitude <= unsignedLimit else { return nil }
        return magnitude
    }

    /// Formats a result for printing.
    static func format(_ value: Value) -> String {
        switch value {
        case .i32(let bits): return String(Int32(bitPattern: bits))
        case .i64(let bits): return String(Int64(bitPattern: bits))
        case .f32(let bits): return formatFloat(Float(bitPattern: bits))
        case .f64(let bits): return formatFloat(Double(bitPattern: bits))
        case .funcref(let address): return address.map { "ref.func \($0.index)" } ?? "ref.null func"
        case .externref(let payload): return payload.map { "ref.extern \($0)" } ?? "ref.null extern"
        }
    }

    private static func formatFloat<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) -> String {
        if value.isNaN { return value.sign == .minus ? "-nan" : "nan" }
        if value.isInfinite { return value.sign == .minus ? "-inf" : "inf" }
        return value.description
    }
}
