import WasmEngine

/// Decides whether values returned by the engine satisfy a script's expectations, and
/// turns script values into engine values.
enum ExpectationMatcher {
    /// Converts an argument written in a script to an engine value.
    static func value(from scriptValue: WastValue) throws -> Value {
        switch scriptValue {
        case .i32(let bits): return .i32(bits)
        case .i64(let bits): return .i64(bits)
        case .f32(let bits): return .f32(bits)
        case .f64(let bits): return .f64(bits)
        case .refNull(let type): return type == .externref ? .externref(nil) : .funcref(nil)
        case .refExtern(let payload): return .externref(payload)
        case .refFunc: throw HarnessError.unsupported("ref.func cannot be passed as an argument")
        }
    }

    /// Whether `actual` satisfies `expected`.
    static func matches(_ actual: Value, _ expected: WastExpectation) -> Bool {
        switch expected {
        case .value(let scriptValue):
            switch (scriptValue, actual) {
            case (.i32(let e), .i32(let a)): return e == a
            case (.i64(let e), .i64(let a)): return e == a
            case (.f32(let e), .f32(let a)): return e == a
            case (.f64(let e), .f64(let a)): return e == a
            case (.refNull(let type), .funcref(nil)): return type == .funcref
            case (.refNull(let type), .externref(nil)): return type == .externref
            case (.refExtern(let e), .externref(let a)): return a == e
            case (.refFunc, .funcref(let a)): return a != nil
            default: return false
            }
        case .f32NaN(let pattern):
            guard case .f32(let bits) = actual else { return false }
            return isNaN(bits: UInt64(bits), exponentMask: 0x7F80_0000, quietBit: 0x0040_0000,
                         payloadMask: 0x007F_FFFF, pattern: pattern)
        case .f64NaN(let pattern):
            guard case .f64(let bits) = actual else { return false }
            return isNaN(bits: bits, exponentMask: 0x7FF0_0000_0000_0000, quietBit: 0x0008_0000_0000_0000,
                         payloadMask: 0x000F_FFFF_FFFF_FFFF, pattern: pattern)
        case .refNull(let type):
            switch actual {
            case .funcref(nil): return type == nil || type == .funcref
            case .externref(nil): return type == nil || type == .externref
            default: return false
            }
        case .refExtern(let payload):
            guard case .externref(let a?) = actual else { return false }
            return payload == nil || payload == a
        case .refFunc:
            guard case .funcref(let a) = actual else { return false }
            return a != nil
        case .either(let alternatives):
            return alternatives.contains { matches(actual, $0) }
        }
    }

    /// `nan:canonical` means only the quiet bit is set in the payload;
    /// `nan:arithmetic` means the quiet bit is set, whatever else is.
    private static func isNaN(bits: UInt64, exponentMask: UInt64, quietBit: UInt64, payloadMask: UInt64,
                              pattern: NaNPattern) -> Bool {
        guard bits & exponentMask == exponentMask else { return false }
        let payload = bits & payloadMask
        switch pattern {
        case .canonical: return payload == quietBit
        case .arithmetic: return payload & quietBit != 0
        }
    }

    /// A readable form of a value for failure messages.
    static func describe(_ value: Value) -> String {
        switch value {
        case .i32(let bits): return "i32:\(bits)"
        case .i64(let bits): return "i64:\(bits)"
        case .f32(let bits): return "f32:\(Float(bitPattern: bits)) (0x\(String(bits, radix: 16)))"
        case .f64(let bits): return "f64:\(Double(bitPattern: bits)) (0x\(String(bits, radix: 16)))"
        case .funcref(let address): return address.map { "funcref:\($0.index)" } ?? "funcref:null"
        case .externref(let payload): return payload.map { "externref:\($0)" } ?? "externref:null"
        }
    }
}
