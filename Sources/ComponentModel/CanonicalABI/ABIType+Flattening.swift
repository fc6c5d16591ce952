import WasmEngine

/// The spec's limits on core parameters and results passed as values; beyond them a
/// single pointer to a tuple in linear memory is passed instead.
public enum CanonicalABILimits {
    /// `MAX_FLAT_PARAMS`.
    public static let maxFlatParameters = 16
    /// `MAX_FLAT_RESULTS`.
    public static let maxFlatResults = 1
    /// `MAX_STRING_BYTE_LENGTH`: the longest string (in bytes) that may be lifted.
    public static let maxStringByteLength = (1 << 28) - 1
    /// `MAX_LIST_BYTE_LENGTH`: the largest list (in bytes) that may be lifted.
    public static let maxListByteLength = (1 << 28) - 1
    /// `REALLOC_I32_MAX`: the largest size that can be asked of `realloc`.
    public static let reallocMax = (1 << 32) - 1
}

/// Which side of a canonical definition a core signature is for: `canon lift` returns an
/// indirect result as a pointer result; `canon lower` takes a caller-provided out pointer.
public enum FlatteningContext: Sendable {
    case lift
    case lower
}

extension ABIType {
    /// The core value types a value of this type flattens to (`flatten_type`).
    public var flatTypes: [ValueType] {
        ABILayout(self).flatTypes
    }

    /// The tightest core type both `a` and `b` can be bit-cast into (the spec's `join`).
    public static func join(_ a: ValueType, _ b: ValueType) -> ValueType {
        if a == b { return a }
        if (a == .i32 && b == .f32) || (a == .f32 && b == .i32) { return .i32 }
        return .i64
    }

    /// The concatenated flattening of several types.
    public static func flatten(_ types: [ABIType]) -> [ValueType] {
        types.flatMap(\.flatTypes)
    }
}

/// A core function signature as parameter and result value types.
public struct CoreSignature: Hashable, Sendable {
    public var parameters: [ValueType]
    public var results: [ValueType]

    /// A core signature.
    public init(parameters: [ValueType], results: [ValueType]) {
        self.parameters = parameters
        self.results = results
    }
}

extension ABIFunctionType {
    /// The core signature of a synchronous `canon lift` or `canon lower` of this function
    /// type (`flatten_functype`): more than 16 flat parameters become one pointer; more
    /// than one flat result becomes a returned pointer (lift) or an out-pointer
    /// parameter (lower).
    public func flattened(for context: FlatteningContext) -> CoreSignature {
        let layout = ABIFunctionLayout(self)
        switch context {
        case .lift: return layout.liftSignature
        case .lower: return layout.lowerSignature
        }
    }
}

extension Array where Element == ValueType {
    /// Whether these are the core types of `values`, in order (compared in place, as
    /// every call checks its core arguments or results).
    func areTypes(of values: [Value]) -> Bool {
        guard count == values.count else { return false }
        for (type, value) in zip(self, values) where value.type != type {
            return false
        }
        return true
    }
}
