/// A JSON value as the management protocol carries it.
///
/// Numbers keep their literal text so that a `u64` message id or a metric survives a
/// round trip exactly (no detour through `Double`). Arrays of small non-negative
/// integers, the protocol's byte fields, are held packed as `.bytes` so that a 1 MiB
/// payload costs 1 MiB, not a million boxed numbers; `.bytes(b)` and the equivalent
/// `.array` of numbers are the same JSON value and compare equal.
public enum ManagementJSON: Sendable {
    case null
    case bool(Bool)
    /// A number, as its validated JSON literal text (e.g. `-12`, `3.5e2`).
    case number(String)
    case string(String)
    case array([ManagementJSON])
    /// An array whose elements are all integers 0...255, packed.
    case bytes([UInt8])
    /// An object; key order is kept so that encoding is deterministic.
    case object([(key: String, value: ManagementJSON)])

    /// A number from an integer.
    public static func integer<T: BinaryInteger>(_ value: T) -> ManagementJSON {
        .number(String(value))
    }

    /// A one-key object, the shape of an externally tagged variant.
    static func tagged(_ tag: String, _ payload: ManagementJSON) -> ManagementJSON {
        .object([(key: tag, value: payload)])
    }

    /// The value's kind, for error messages ("expected a string, found an array").
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array, .bytes: return "an array"
        case .object: return "an object"
        }
    }

    /// The elements when the value is an array (packed or not).
    var arrayElements: [ManagementJSON]? {
        switch self {
        case .array(let elements): return elements
        case .bytes(let bytes): return bytes.map { .number(String($0)) }
        default: return nil
        }
    }
}

extension ManagementJSON: Equatable {
    public static func == (lhs: ManagementJSON, rhs: ManagementJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.array, .array), (.array, .bytes), (.bytes, .array):
            return lhs.arrayElements! == rhs.arrayElements!
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}
