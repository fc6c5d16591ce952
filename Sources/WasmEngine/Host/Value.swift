/// A WebAssembly value as hosts and callers see it: the argument and result type of
/// `Store.invoke`, and what host functions receive and return.
///
/// Floats are carried as their IEEE 754 bit patterns so NaN payloads survive exactly.
/// Inside the interpreter values live in untyped 64-bit slots instead (see `SlotEncoding`).
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case i32(UInt32)
    case i64(UInt64)
    /// The bit pattern of an `f32`.
    case f32(UInt32)
    /// The bit pattern of an `f64`.
    case f64(UInt64)
    /// A function reference; `nil` is the null reference.
    case funcref(FunctionAddress?)
    /// An external (host) reference; `nil` is the null reference.
    case externref(UInt32?)

    /// The value's type.
    public var type: ValueType {
        switch self {
        case .i32: return .i32
        case .i64: return .i64
        case .f32: return .f32
        case .f64: return .f64
        case .funcref: return .funcref
        case .externref: return .externref
        }
    }

    /// Makes an `f32` value from a Swift `Float`.
    public static func float32(_ value: Float) -> Value { .f32(value.bitPattern) }
    /// Makes an `f64` value from a Swift `Double`.
    public static func float64(_ value: Double) -> Value { .f64(value.bitPattern) }

    /// The text-format style rendering, e.g. `i32:42` or `funcref:null`.
    public var description: String {
        switch self {
        case .i32(let v): return "i32:\(v)"
        case .i64(let v): return "i64:\(v)"
        case .f32(let v): return "f32:\(Float(bitPattern: v))"
        case .f64(let v): return "f64:\(Double(bitPattern: v))"
        case .funcref(let a): return "funcref:\(a.map { String($0.index) } ?? "null")"
        case .externref(let v): return "externref:\(v.map { String($0) } ?? "null")"
        }
    }

    /// The null reference or zero of `type`, the default value of locals and tables.
    public static func zero(_ type: ValueType) -> Value {
        switch type {
        case .i32: return .i32(0)
        case .i64: return .i64(0)
        case .f32: return .f32(0)
        case .f64: return .f64(0)
        case .funcref: return .funcref(nil)
        case .externref, .v128: return .externref(nil)
        }
    }
}

/// The index of a function in its store (store-relative, stable for the store's lifetime).
public struct FunctionAddress: Hashable, Sendable {
    public let index: Int
    public init(index: Int) { self.index = index }
}

/// The index of a table in its store.
public struct TableAddress: Hashable, Sendable {
    public let index: Int
    public init(index: Int) { self.index = index }
}

/// The index of a linear memory in its store.
public struct MemoryAddress: Hashable, Sendable {
    public let index: Int
    public init(index: Int) { self.index = index }
}

/// The index of a global in its store.
public struct GlobalAddress: Hashable, Sendable {
    public let index: Int
    public init(index: Int) { self.index = index }
}

/// Something an instance exports or an import is satisfied with.
public enum ExternalValue: Hashable, Sendable {
    case function(FunctionAddress)
    case table(TableAddress)
    case memory(MemoryAddress)
    case global(GlobalAddress)
}

/// How values are stored in the interpreter's untyped 64-bit slots.
///
/// Numbers are zero-extended bit patterns (an `i32` always has its upper 32 bits clear).
/// References are biased by one so that zero is the null reference: a funcref holds
/// `address + 1`, an externref holds `value + 1`.
enum SlotEncoding {
    static func encode(_ value: Value) -> UInt64 {
        switch value {
        case .i32(let v): return UInt64(v)
        case .i64(let v): return v
        case .f32(let v): return UInt64(v)
        case .f64(let v): return v
        case .funcref(let a): return a.map { UInt64($0.index) &+ 1 } ?? 0
        case .externref(let v): return v.map { UInt64($0) &+ 1 } ?? 0
        }
    }

    static func decode(_ slot: UInt64, as type: ValueType) -> Value {
        switch type {
        case .i32: return .i32(UInt32(truncatingIfNeeded: slot))
        case .i64: return .i64(slot)
        case .f32: return .f32(UInt32(truncatingIfNeeded: slot))
        case .f64: return .f64(slot)
        case .funcref: return .funcref(slot == 0 ? nil : FunctionAddress(index: Int(slot - 1)))
        case .externref, .v128: return .externref(slot == 0 ? nil : UInt32(truncatingIfNeeded: slot - 1))
        }
    }
}
