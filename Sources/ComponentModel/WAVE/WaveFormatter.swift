/// Writes component values in WAVE (the WebAssembly Value Encoding), the syntax
/// `theater component run` prints results in and `WaveParser` reads back.
///
/// The output round-trips: parsing `format(v)` with v's type gives v again (floats keep
/// their value, NaN prints as `nan`; labels that collide with keywords get `%`).
enum WaveFormatter {
    /// The WAVE text of `value`.
    static func format(_ value: ComponentValue) -> String {
        switch value {
        case .bool(let v): return v ? "true" : "false"
        case .s8(let v): return String(v)
        case .u8(let v): return String(v)
        case .s16(let v): return String(v)
        case .u16(let v): return String(v)
        case .s32(let v): return String(v)
        case .u32(let v): return String(v)
        case .s64(let v): return String(v)
        case .u64(let v): return String(v)
        case .f32(let v): return format(float: Double(v), shortest: v.description)
        case .f64(let v): return format(float: v, shortest: v.description)
        case .char(let v): return "'" + escape(v, quote: "'") + "'"
        case .string(let v): return "\"" + v.unicodeScalars.map { escape($0, quote: "\"") }.joined() + "\""
        case .list(let items): return "[" + items.map(format).joined(separator: ", ") + "]"
        case .bytes(let bytes): return "[" + bytes.map { String($0) }.joined(separator: ", ") + "]"
        case .tuple(let items): return "(" + items.map(format).joined(separator: ", ") + ")"
        case .record(let fields):
            return "{" + fields.map { label($0.label) + ": " + format($0.value) }.joined(separator: ", ") + "}"
        case .variant(let name, let payload): return label(name) + (payload.map { "(" + format($0) + ")" } ?? "")
        case .enum(let name): return label(name)
        case .option(let payload): return payload.map { "some(" + format($0) + ")" } ?? "none"
        case .result(.ok(let payload)): return "ok" + (payload.map { "(" + format($0) + ")" } ?? "")
        case .result(.error(let payload)): return "err" + (payload.map { "(" + format($0) + ")" } ?? "")
        case .flags(let set): return "{" + set.sorted().map(label).joined(separator: ", ") + "}"
        default:
            // Resource handles have no WAVE syntax; show what they are without pretending.
            return "<\(value.kindName) \(value)>"
        }
    }

    /// A float in WAVE: `nan`, `inf`, `-inf`, or Swift's shortest round-tripping text.
    private static func format(float: Double, shortest: String) -> String {
        if float.isNaN { return "nan" }
        if float.isInfinite { return float < 0 ? "-inf" : "inf" }
        return shortest
    }

    private static func label(_ name: String) -> String {
        WaveParser.keywords.contains(name) ? "%" + name : name
    }

    private static func escape(_ scalar: Unicode.Scalar, quote: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        case "\\": return "\\\\"
        case quote: return "\\" + String(quote)
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                return "\\u{" + String(scalar.value, radix: 16) + "}"
            }
            return String(scalar)
        }
    }
}
