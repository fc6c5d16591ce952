/// The primitive value types of the component model (`primvaltype`); the raw values
/// are the binary opcodes (negative SLEB128 type codes).
public enum PrimitiveValueType: UInt8, Hashable, Sendable, CaseIterable {
    case bool = 0x7F
    case s8 = 0x7E
    case u8 = 0x7D
    case s16 = 0x7C
    case u16 = 0x7B
    case s32 = 0x7A
    case u32 = 0x79
    case s64 = 0x78
    case u64 = 0x77
    case f32 = 0x76
    case f64 = 0x75
    case char = 0x74
    case string = 0x73
    /// 📝 error-context (async-related; not part of the synchronous model).
    case errorContext = 0x64

    /// Whether this type belongs to a feature the synchronous WASI 0.2 model lacks.
    public var isUnsupportedFeature: Bool { self == .errorContext }
}

/// A component value type as it appears inside other types (`valtype`): either a
/// primitive written inline or an index into the type index space that must refer to
/// a defined value type.
public enum ComponentValueType: Hashable, Sendable {
    case primitive(PrimitiveValueType)
    /// A type index (validated later to name a `DefinedValueType`).
    case index(UInt32)
}

/// A named field or parameter: a label (kebab-case, checked by the validator) and a type.
public struct LabeledValueType: Hashable, Sendable {
    public var label: String
    public var type: ComponentValueType

    /// Makes a labeled type.
    public init(label: String, type: ComponentValueType) {
        self.label = label
        self.type = type
    }
}

/// One case of a variant: a label and an optional payload type.
public struct VariantCase: Hashable, Sendable {
    public var label: String
    public var payload: ComponentValueType?

    /// Makes a variant case.
    public init(label: String, payload: ComponentValueType?) {
        self.label = label
        self.payload = payload
    }
}

/// A defined value type (`defvaltype`): the structural value types of the component model.
///
/// The decoder accepts empty records, variants, tuples, flags and enums (the spec makes
/// them *invalid*, not malformed); the validator rejects them.
public enum DefinedValueType: Hashable, Sendable {
    case primitive(PrimitiveValueType)
    /// 0x72: named fields, in order.
    case record([LabeledValueType])
    /// 0x71: cases, in order.
    case variant([VariantCase])
    /// 0x70: a list of any length.
    case list(ComponentValueType)
    /// 0x67 (🔧): a list of exactly `length` elements.
    case fixedSizeList(ComponentValueType, length: UInt32)
    /// 0x6f: an unnamed product.
    case tuple([ComponentValueType])
    /// 0x6e: a set of named bits.
    case flags([String])
    /// 0x6d: a variant whose cases carry no payload.
    case `enum`([String])
    /// 0x6b
    case option(ComponentValueType)
    /// 0x6a: `result` with optional ok and error payloads.
    case result(ok: ComponentValueType?, error: ComponentValueType?)
    /// 0x69: an owned handle to resource type index `resource`.
    case own(resource: UInt32)
    /// 0x68: a borrowed handle to resource type index `resource`.
    case borrow(resource: UInt32)
    /// 0x66 (🔀): a stream with an optional element type.
    case stream(ComponentValueType?)
    /// 0x65 (🔀): a future with an optional payload type.
    case future(ComponentValueType?)
    /// 0x63 (🗺️): a map from keys to values.
    case map(key: ComponentValueType, value: ComponentValueType)

    /// The name of the gated feature this type needs, if the synchronous WASI 0.2 model
    /// lacks it (for a validator's "not supported" error), else `nil`.
    public var unsupportedFeature: String? {
        switch self {
        case .primitive(let primitive): return primitive.isUnsupportedFeature ? "error-context" : nil
        case .fixedSizeList: return "fixed-size list"
        case .stream: return "async stream"
        case .future: return "async future"
        case .map: return "map"
        default: return nil
        }
    }
}
