/// Memory layout of component values (the spec's `alignment`, `elem_size`,
/// `discriminant_type` and flags sizes) for 32-bit memories: pointers and lengths are
/// 4 bytes, so `string` and `list` are an 8-byte (pointer, length) pair aligned to 4.
/// `ABILayout` computes the facts of a whole type tree; these answer for one type.
extension ABIType {
    /// The alignment in bytes of a value of this type in linear memory.
    public var alignment: Int {
        ABILayout(self).alignment
    }

    /// The byte size of a value of this type as a list element (`elem_size`).
    public var elementSize: Int {
        ABILayout(self).size
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

    /// `offset` rounded up to a multiple of `alignment`.
    static func alignUp(_ offset: Int, to alignment: Int) -> Int {
        (offset + alignment - 1) / alignment * alignment
    }
}
