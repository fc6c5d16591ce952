import ComponentModel
import Foundation

/// Component values as JSON objects for `--json` output, lossless and typed:
/// `{"type": "u32", "value": 5}`, byte lists as `{"type": "bytes", "size": n, "hex": ...,
/// "text": ...}` (text only when the bytes are UTF-8), records as ordered
/// `[{"name": ..., "value": ...}]`, non-finite floats as the strings "nan", "inf", "-inf".
/// Every object is `JSONSerialization`-compatible.
enum ChainValueJSON {
    /// The JSON object of one value.
    static func object(_ value: ComponentValue) -> [String: Any] {
        if let bytes = value.chainByteListContents { return object(bytes: bytes) }
        switch value {
        case .bool(let v): return typed("bool", v)
        case .s8(let v): return typed("s8", NSNumber(value: v))
        case .u8(let v): return typed("u8", NSNumber(value: v))
        case .s16(let v): return typed("s16", NSNumber(value: v))
        case .u16(let v): return typed("u16", NSNumber(value: v))
        case .s32(let v): return typed("s32", NSNumber(value: v))
        case .u32(let v): return typed("u32", NSNumber(value: v))
        case .s64(let v): return typed("s64", NSNumber(value: v))
        case .u64(let v): return typed("u64", NSNumber(value: v))
        case .f32(let v): return typed("f32", number(Double(v)))
        case .f64(let v): return typed("f64", number(v))
        case .char(let v): return typed("char", String(v))
        case .string(let v): return typed("string", v)
        case .list(let items): return typed("list", items.map(object))
        case .bytes(let items): return typed("list", items.map { object(.u8($0)) })
        case .tuple(let items): return typed("tuple", items.map(object))
        case .record(let fields):
            return typed("record", fields.map { ["name": $0.label, "value": object($0.value)] as [String: Any] })
        case .variant(let name, let payload):
            return ["type": "variant", "case": name, "value": payload.map(object) ?? NSNull()]
        case .enum(let name): return typed("enum", name)
        case .option(let payload): return typed("option", payload.map(object) ?? NSNull())
        case .result(.ok(let payload)): return ["type": "result", "case": "ok", "value": payload.map(object) ?? NSNull()]
        case .result(.error(let payload)): return ["type": "result", "case": "err", "value": payload.map(object) ?? NSNull()]
        case .flags(let names): return typed("flags", names.sorted())
        case .own(let rep): return typed("own", NSNumber(value: rep))
        case .borrow(let rep): return typed("borrow", NSNumber(value: rep))
        }
    }

    /// Raw bytes: size, hex, and the text when they are valid UTF-8.
    static func object(bytes: [UInt8]) -> [String: Any] {
        var object: [String: Any] = ["type": "bytes", "size": bytes.count, "hex": ChainHash.hex(bytes)]
        if let text = String(validating: bytes, as: UTF8.self) { object["text"] = text }
        return object
    }

    private static func typed(_ type: String, _ value: Any) -> [String: Any] {
        ["type": type, "value": value]
    }

    /// A finite float as a number; NaN and the infinities as strings, which JSON lacks.
    private static func number(_ value: Double) -> Any {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return NSNumber(value: value)
    }
}
