/// The load instructions, by binary opcode.
public enum LoadOperator: UInt8, CaseIterable, Hashable, Sendable {
    case i32Load = 0x28, i64Load = 0x29, f32Load = 0x2A, f64Load = 0x2B
    case i32Load8S = 0x2C, i32Load8U = 0x2D, i32Load16S = 0x2E, i32Load16U = 0x2F
    case i64Load8S = 0x30, i64Load8U = 0x31, i64Load16S = 0x32, i64Load16U = 0x33
    case i64Load32S = 0x34, i64Load32U = 0x35

    /// The type of the value pushed.
    public var resultType: ValueType {
        switch self {
        case .i32Load, .i32Load8S, .i32Load8U, .i32Load16S, .i32Load16U: return .i32
        case .f32Load: return .f32
        case .f64Load: return .f64
        default: return .i64
        }
    }

    /// How many bytes are read.
    public var byteWidth: Int {
        switch self {
        case .i32Load8S, .i32Load8U, .i64Load8S, .i64Load8U: return 1
        case .i32Load16S, .i32Load16U, .i64Load16S, .i64Load16U: return 2
        case .i32Load, .f32Load, .i64Load32S, .i64Load32U: return 4
        case .i64Load, .f64Load: return 8
        }
    }

    /// The largest alignment exponent the memarg may declare (log2 of `byteWidth`).
    public var naturalAlignment: UInt32 { UInt32(byteWidth.trailingZeroBitCount) }

    /// The instruction's name in the text format, e.g. `i64.load8_s`.
    public var name: String {
        switch self {
        case .i32Load: return "i32.load"
        case .i64Load: return "i64.load"
        case .f32Load: return "f32.load"
        case .f64Load: return "f64.load"
        case .i32Load8S: return "i32.load8_s"
        case .i32Load8U: return "i32.load8_u"
        case .i32Load16S: return "i32.load16_s"
        case .i32Load16U: return "i32.load16_u"
        case .i64Load8S: return "i64.load8_s"
        case .i64Load8U: return "i64.load8_u"
        case .i64Load16S: return "i64.load16_s"
        case .i64Load16U: return "i64.load16_u"
        case .i64Load32S: return "i64.load32_s"
        case .i64Load32U: return "i64.load32_u"
        }
    }
}

/// The store instructions, by binary opcode.
public enum StoreOperator: UInt8, CaseIterable, Hashable, Sendable {
    case i32Store = 0x36, i64Store = 0x37, f32Store = 0x38, f64Store = 0x39
    case i32Store8 = 0x3A, i32Store16 = 0x3B
    case i64Store8 = 0x3C, i64Store16 = 0x3D, i64Store32 = 0x3E

    /// The type of the value popped and stored.
    public var valueType: ValueType {
        switch self {
        case .i32Store, .i32Store8, .i32Store16: return .i32
        case .f32Store: return .f32
        case .f64Store: return .f64
        default: return .i64
        }
    }

    /// How many bytes are written.
    public var byteWidth: Int {
        switch self {
        case .i32Store8, .i64Store8: return 1
        case .i32Store16, .i64Store16: return 2
        case .i32Store, .f32Store, .i64Store32: return 4
        case .i64Store, .f64Store: return 8
        }
    }

    /// The largest alignment exponent the memarg may declare (log2 of `byteWidth`).
    public var naturalAlignment: UInt32 { UInt32(byteWidth.trailingZeroBitCount) }

    /// The instruction's name in the text format, e.g. `i32.store8`.
    public var name: String {
        switch self {
        case .i32Store: return "i32.store"
        case .i64Store: return "i64.store"
        case .f32Store: return "f32.store"
        case .f64Store: return "f64.store"
        case .i32Store8: return "i32.store8"
        case .i32Store16: return "i32.store16"
        case .i64Store8: return "i64.store8"
        case .i64Store16: return "i64.store16"
        case .i64Store32: return "i64.store32"
        }
    }
}

/// The immediate of a load or store: the declared alignment and the static offset.
public struct MemoryArgument: Hashable, Sendable {
    /// log2 of the declared alignment; at most the access's natural alignment.
    public var alignment: UInt32
    /// Added to the dynamic address; the effective address is computed without wrapping.
    public var offset: UInt64
    /// Which memory (always 0 in Wasm 2.0).
    public var memoryIndex: UInt32

    public init(alignment: UInt32, offset: UInt64, memoryIndex: UInt32 = 0) {
        self.alignment = alignment
        self.offset = offset
        self.memoryIndex = memoryIndex
    }
}
