/// A component-level value as the host sees it: what the Canonical ABI lifts out of a
/// guest and lowers into one, type-directed by an `ABIType`.
///
/// Floats compare by bit pattern (so a canonical NaN equals itself and `0.0 != -0.0`),
/// which is what round-trip tests and replay need. Handles carry the resource
/// *representation* (the `i32` the implementation passed to `resource.new`), which is the
/// spec's abstract lifted value for `own` and `borrow`; the handle index is per-instance
/// and never leaves the guest's table.
///
/// A `list<u8>` has two forms: `.bytes` (one contiguous buffer, what lifting always yields)
/// and `.list` of `.u8` values (still accepted by lowering). The two forms of the same bytes
/// are equal and hash alike, and print the same.
public indirect enum ComponentValue: Hashable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case s8(Int8)
    case u8(UInt8)
    case s16(Int16)
    case u16(UInt16)
    case s32(Int32)
    case u32(UInt32)
    case s64(Int64)
    case u64(UInt64)
    case f32(Float)
    case f64(Double)
    case char(Unicode.Scalar)
    case string(String)
    case list([ComponentValue])
    /// A `list<u8>` as one buffer: lifted with a single copy out of guest memory and lowered
    /// with a single copy in, instead of one enum value per byte (actor state and messages
    /// are byte lists of up to megabytes).
    case bytes([UInt8])
    /// Named fields; lowering looks fields up by label, lifting yields them in type order.
    case record([ComponentField])
    case tuple([ComponentValue])
    case variant(caseName: String, payload: ComponentValue?)
    case `enum`(String)
    case option(ComponentValue?)
    case result(ComponentResult)
    /// The names of the flags that are set.
    case flags(Set<String>)
    /// An owned handle, carried as the resource representation.
    case own(UInt32)
    /// A borrowed handle, carried as the resource representation.
    case borrow(UInt32)

    public static func == (lhs: ComponentValue, rhs: ComponentValue) -> Bool {
        switch (lhs, rhs) {
        case (.bool(let a), .bool(let b)): return a == b
        case (.s8(let a), .s8(let b)): return a == b
        case (.u8(let a), .u8(let b)): return a == b
        case (.s16(let a), .s16(let b)): return a == b
        case (.u16(let a), .u16(let b)): return a == b
        case (.s32(let a), .s32(let b)): return a == b
        case (.u32(let a), .u32(let b)): return a == b
        case (.s64(let a), .s64(let b)): return a == b
        case (.u64(let a), .u64(let b)): return a == b
        case (.f32(let a), .f32(let b)): return a.bitPattern == b.bitPattern
        case (.f64(let a), .f64(let b)): return a.bitPattern == b.bitPattern
        case (.char(let a), .char(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.bytes(let bytes), .list(let elements)), (.list(let elements), .bytes(let bytes)):
            return Self.elements(elements, equal: bytes)
        case (.record(let a), .record(let b)): return a == b
        case (.tuple(let a), .tuple(let b)): return a == b
        case (.variant(let n1, let p1), .variant(let n2, let p2)): return n1 == n2 && p1 == p2
        case (.enum(let a), .enum(let b)): return a == b
        case (.option(let a), .option(let b)): return a == b
        case (.result(let a), .result(let b)): return a == b
        case (.flags(let a), .flags(let b)): return a == b
        case (.own(let a), .own(let b)): return a == b
        case (.borrow(let a), .borrow(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kindName)
        switch self {
        case .bool(let v): hasher.combine(v)
        case .s8(let v): hasher.combine(v)
        case .u8(let v): hasher.combine(v)
        case .s16(let v): hasher.combine(v)
        case .u16(let v): hasher.combine(v)
        case .s32(let v): hasher.combine(v)
        case .u32(let v): hasher.combine(v)
        case .s64(let v): hasher.combine(v)
        case .u64(let v): hasher.combine(v)
        case .f32(let v): hasher.combine(v.bitPattern)
        case .f64(let v): hasher.combine(v.bitPattern)
        case .char(let v): hasher.combine(v)
        case .string(let v): hasher.combine(v)
        case .list(let v):
            // A list of `u8`s hashes as its bytes, so that both forms of a byte list agree.
            if let bytes = asBytes {
                Self.hashBytes(bytes, into: &hasher)
            } else {
                hasher.combine(v.count)
                for element in v { hasher.combine(element) }
            }
        case .bytes(let v): Self.hashBytes(v, into: &hasher)
        case .tuple(let v): hasher.combine(v)
        case .record(let v): hasher.combine(v)
        case .variant(let n, let p): hasher.combine(n); hasher.combine(p)
        case .enum(let v): hasher.combine(v)
        case .option(let v): hasher.combine(v)
        case .result(let v): hasher.combine(v)
        case .flags(let v): hasher.combine(v)
        case .own(let v), .borrow(let v): hasher.combine(v)
        }
    }

    /// Feeds a byte list to `hasher` in bulk (its length, then its contents).
    private static func hashBytes(_ bytes: [UInt8], into hasher: inout Hasher) {
        hasher.combine(bytes.count)
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// Whether `elements` are the `.u8` values of `bytes`, in order.
    private static func elements(_ elements: [ComponentValue], equal bytes: [UInt8]) -> Bool {
        guard elements.count == bytes.count else { return false }
        for (element, byte) in zip(elements, bytes) {
            guard case .u8(let value) = element, value == byte else { return false }
        }
        return true
    }

    /// The name of the value's kind (`"u32"`, `"record"`, ...), for error messages.
    public var kindName: String {
        switch self {
        case .bool: return "bool"
        case .s8: return "s8"
        case .u8: return "u8"
        case .s16: return "s16"
        case .u16: return "u16"
        case .s32: return "s32"
        case .u32: return "u32"
        case .s64: return "s64"
        case .u64: return "u64"
        case .f32: return "f32"
        case .f64: return "f64"
        case .char: return "char"
        case .string: return "string"
        case .list, .bytes: return "list"
        case .record: return "record"
        case .tuple: return "tuple"
        case .variant: return "variant"
        case .enum: return "enum"
        case .option: return "option"
        case .result: return "result"
        case .flags: return "flags"
        case .own: return "own"
        case .borrow: return "borrow"
        }
    }

    public var description: String {
        switch self {
        case .bool(let v): return "\(v)"
        case .s8(let v): return "\(v)"
        case .u8(let v): return "\(v)"
        case .s16(let v): return "\(v)"
        case .u16(let v): return "\(v)"
        case .s32(let v): return "\(v)"
        case .u32(let v): return "\(v)"
        case .s64(let v): return "\(v)"
        case .u64(let v): return "\(v)"
        case .f32(let v): return "\(v)"
        case .f64(let v): return "\(v)"
        case .char(let v): return "'\(v.escaped(asASCII: true))'"
        case .string(let v): return "\"\(v)\""
        case .list(let v): return "[" + v.map(\.description).joined(separator: ", ") + "]"
        case .bytes(let v): return "[" + v.map(String.init).joined(separator: ", ") + "]"
        case .record(let v): return "{" + v.map { "\($0.label): \($0.value)" }.joined(separator: ", ") + "}"
        case .tuple(let v): return "(" + v.map(\.description).joined(separator: ", ") + ")"
        case .variant(let n, let p): return p.map { "\(n)(\($0))" } ?? n
        case .enum(let v): return v
        case .option(let v): return v.map { "some(\($0))" } ?? "none"
        case .result(.ok(let v)): return "ok" + (v.map { "(\($0))" } ?? "")
        case .result(.error(let v)): return "error" + (v.map { "(\($0))" } ?? "")
        case .flags(let v): return "{" + v.sorted().joined(separator: ", ") + "}"
        case .own(let v): return "own(rep \(v))"
        case .borrow(let v): return "borrow(rep \(v))"
        }
    }
}

extension ComponentValue {
    /// The bytes of a `list<u8>` value in either form (`.bytes`, or `.list` of `.u8`
    /// values); nil for any other value.
    public var asBytes: [UInt8]? {
        switch self {
        case .bytes(let bytes):
            return bytes
        case .list(let elements):
            var bytes: [UInt8] = []
            bytes.reserveCapacity(elements.count)
            for element in elements {
                guard case .u8(let byte) = element else { return nil }
                bytes.append(byte)
            }
            return bytes
        default:
            return nil
        }
    }

    /// The elements of a list value, with `.bytes` expanded to `.u8` values; nil for any
    /// other value. (For code that walks lists generically; byte lists are cheaper through
    /// `asBytes`.)
    public var listElements: [ComponentValue]? {
        switch self {
        case .list(let elements): return elements
        case .bytes(let bytes): return bytes.map { .u8($0) }
        default: return nil
        }
    }
}

/// One named field of a record value.
public struct ComponentField: Hashable, Sendable {
    public var label: String
    public var value: ComponentValue

    /// A field `label: value`.
    public init(_ label: String, _ value: ComponentValue) {
        self.label = label
        self.value = value
    }
}

/// The two cases of a `result` value, each with an optional payload.
public enum ComponentResult: Hashable, Sendable {
    case ok(ComponentValue?)
    case error(ComponentValue?)
}
