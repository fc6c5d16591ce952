/// Memory layout of component values (the spec's `alignment`, `elem_size`,
/// `discriminant_type` and flags sizes) for 32-bit memories: pointers and lengths are
/// 4 bytes, so `string` and `list` are an 8-byte (pointer, length) pair aligned to 4.
extension ABIType {
    /// The alignment in bytes of a value of this type in linear memory.
    public var alignment: Int {
        switch self {
        case .bool, .s8, .u8: return 1
        case .s16, .u16: return 2
        case .s32, .u32, .f32, .char, .own, .borrow: return 4
        case .s64, .u64, .f64: return 8
        case .string, .list: return 4
        case .flags(let labels): return ABIType.flagsByteSize(labelCount: labels.count)
        default:
            if let fields = despecializedFields {
                return fields.reduce(1) { max($0, $1.type.alignment) }
            }
            let cases = despecializedCases!
            return max(ABIType.discriminantSize(caseCount: cases.count), ABIType.maxCaseAlignment(cases))
        }
    }

    /// The byte size of a value of this type as a list element (`elem_size`).
    public var elementSize: Int {
        switch self {
        case .bool, .s8, .u8: return 1
        case .s16, .u16: return 2
        case .s32, .u32, .f32, .char, .own, .borrow: return 4
        case .s64, .u64, .f64: return 8
        case .string, .list: return 8
        case .flags(let labels): return ABIType.flagsByteSize(labelCount: labels.count)
        default:
            if let fields = despecializedFields {
                var size = 0
                for field in fields {
                    size = ABIType.alignUp(size, to: field.type.alignment) + field.type.elementSize
                }
                return ABIType.alignUp(size, to: alignment)
            }
            let cases = despecializedCases!
            var size = ABIType.alignUp(ABIType.discriminantSize(caseCount: cases.count), to: ABIType.maxCaseAlignment(cases))
            size += cases.reduce(0) { max($0, $1.type?.elementSize ?? 0) }
            return ABIType.alignUp(size, to: alignment)
        }
    }

    /// The byte size of a variant discriminant for `caseCount` cases: the smallest of
    /// u8, u16, u32 that numbers them all.
    public static func discriminantSize(caseCount: Int) -> Int {
        if caseCount <= 1 << 8 { return 1 }
        if caseCount <= 1 << 16 { return 2 }
        return 4
    }

    /// The byte size (and alignment) of a flags bit vector with `labelCount` labels (at most 32).
    public static func flagsByteSize(labelCount: Int) -> Int {
        if labelCount <= 8 { return 1 }
        if labelCount <= 16 { return 2 }
        return 4
    }

    /// The largest alignment among the case payloads (1 when none has a payload).
    static func maxCaseAlignment(_ cases: [ABICase]) -> Int {
        cases.reduce(1) { max($0, $1.type?.alignment ?? 1) }
    }

    /// `offset` rounded up to a multiple of `alignment`.
    static func alignUp(_ offset: Int, to alignment: Int) -> Int {
        (offset + alignment - 1) / alignment * alignment
    }
}
