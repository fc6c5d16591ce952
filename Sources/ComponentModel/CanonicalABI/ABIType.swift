/// A resolved, index-free component value type: the tree the Canonical ABI is driven by.
///
/// The component validator converts the AST's `DefinedValueType` (with its type indices)
/// into this; handle types point at the runtime `RuntimeResourceType` they belong to. Empty
/// records, variants, enums, tuples and flags, and flags with more than 32 labels, are
/// rejected by validation and must not reach the ABI (layout treats them as invalid).
public indirect enum ABIType: Hashable, CustomStringConvertible {
    case bool
    case s8, u8, s16, u16, s32, u32, s64, u64
    case f32, f64
    case char
    case string
    case list(ABIType)
    case record([ABIField])
    case tuple([ABIType])
    case variant([ABICase])
    case `enum`([String])
    case option(ABIType)
    case result(ok: ABIType?, error: ABIType?)
    case flags([String])
    case own(RuntimeResourceType)
    case borrow(RuntimeResourceType)

    public var description: String {
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
        case .list(let t): return "list<\(t)>"
        case .record(let fields): return "record { " + fields.map { "\($0.label): \($0.type)" }.joined(separator: ", ") + " }"
        case .tuple(let ts): return "tuple<" + ts.map(\.description).joined(separator: ", ") + ">"
        case .variant(let cases):
            return "variant { " + cases.map { c in c.type.map { "\(c.label)(\($0))" } ?? c.label }.joined(separator: ", ") + " }"
        case .enum(let labels): return "enum { " + labels.joined(separator: ", ") + " }"
        case .option(let t): return "option<\(t)>"
        case .result(let ok, let error): return "result<\(ok.map(\.description) ?? "_"), \(error.map(\.description) ?? "_")>"
        case .flags(let labels): return "flags { " + labels.joined(separator: ", ") + " }"
        case .own(let r): return "own<\(r.name)>"
        case .borrow(let r): return "borrow<\(r.name)>"
        }
    }
}

/// A named record field type.
public struct ABIField: Hashable {
    public var label: String
    public var type: ABIType

    /// A field `label: type`.
    public init(_ label: String, _ type: ABIType) {
        self.label = label
        self.type = type
    }
}

/// A variant case type: a label and an optional payload type.
public struct ABICase: Hashable {
    public var label: String
    public var type: ABIType?

    /// A case `label` with an optional payload.
    public init(_ label: String, _ type: ABIType? = nil) {
        self.label = label
        self.type = type
    }
}

/// A component function type as the ABI sees it: parameter types and result types
/// (zero or one result in WASI 0.2; a list so the flattening rules read as in the spec).
public struct ABIFunctionType: Hashable {
    public var parameters: [ABIType]
    public var results: [ABIType]

    /// A function type.
    public init(parameters: [ABIType], results: [ABIType]) {
        self.parameters = parameters
        self.results = results
    }
}
