/// The type of a value that Wasm code can hold in a local, a global or on the operand stack.
///
/// `v128` is decoded for completeness of the type grammar; SIMD instructions are not
/// supported yet, so the validator rejects code that would need a `v128` value.
public enum ValueType: UInt8, Hashable, Sendable, CustomStringConvertible {
    case i32 = 0x7F
    case i64 = 0x7E
    case f32 = 0x7D
    case f64 = 0x7C
    case v128 = 0x7B
    case funcref = 0x70
    case externref = 0x6F

    /// Whether this is a reference type (`funcref` or `externref`).
    public var isReference: Bool { self == .funcref || self == .externref }

    /// Whether this is a numeric type (`i32`, `i64`, `f32`, `f64`).
    public var isNumeric: Bool {
        switch self {
        case .i32, .i64, .f32, .f64: return true
        default: return false
        }
    }

    /// The type's name as written in the text format.
    public var description: String {
        switch self {
        case .i32: return "i32"
        case .i64: return "i64"
        case .f32: return "f32"
        case .f64: return "f64"
        case .v128: return "v128"
        case .funcref: return "funcref"
        case .externref: return "externref"
        }
    }
}

/// The signature of a function: what it takes and what it returns.
public struct FunctionType: Hashable, Sendable, CustomStringConvertible {
    public var parameters: [ValueType]
    public var results: [ValueType]

    public init(parameters: [ValueType] = [], results: [ValueType] = []) {
        self.parameters = parameters
        self.results = results
    }

    public var description: String {
        "(\(parameters.map(\.description).joined(separator: " "))) -> (\(results.map(\.description).joined(separator: " ")))"
    }
}

/// The size bounds of a memory (in 64 KiB pages) or a table (in elements).
public struct Limits: Hashable, Sendable {
    public var min: UInt64
    public var max: UInt64?

    public init(min: UInt64, max: UInt64? = nil) {
        self.min = min
        self.max = max
    }
}

/// The type of a table: what references it holds and how many.
public struct TableType: Hashable, Sendable {
    /// Always a reference type (`funcref` or `externref`).
    public var elementType: ValueType
    public var limits: Limits

    public init(elementType: ValueType, limits: Limits) {
        self.elementType = elementType
        self.limits = limits
    }
}

/// The type of a linear memory: its size bounds in 64 KiB pages.
public struct MemoryType: Hashable, Sendable {
    public var limits: Limits
    /// Wasm 2.0 has no shared memories; the flag is kept so the decoder can reject them clearly.
    public var isShared: Bool

    public init(limits: Limits, isShared: Bool = false) {
        self.limits = limits
        self.isShared = isShared
    }
}

/// The type of a global: its value type and whether code may change it.
public struct GlobalType: Hashable, Sendable {
    public var valueType: ValueType
    public var isMutable: Bool

    public init(valueType: ValueType, isMutable: Bool) {
        self.valueType = valueType
        self.isMutable = isMutable
    }
}

/// The type annotation of `block`, `loop` and `if`.
public enum BlockType: Hashable, Sendable {
    /// No parameters, no results.
    case empty
    /// No parameters, one result.
    case value(ValueType)
    /// Parameters and results given by a function type in the type section (multi-value).
    case typeIndex(UInt32)
}
