/// Decoding of the binary format's type grammar: value, reference, function, block,
/// table, memory and global types, and limits.
extension ByteReader {
    /// A one-byte type code. The format encodes these as 7-bit signed LEB128 numbers,
    /// so a set continuation bit is "integer representation too long", not an unknown type.
    private mutating func readTypeCode() throws -> UInt8 {
        let code = try readByte()
        guard code & 0x80 == 0 else { throw error("integer representation too long") }
        return code
    }

    /// A value type byte (`i32`...`f64`, `v128`, `funcref`, `externref`).
    mutating func readValueType() throws -> ValueType {
        let offset = position
        guard let type = ValueType(rawValue: try readTypeCode()) else {
            throw error("malformed value type", at: offset)
        }
        return type
    }

    /// A reference type byte (`funcref` 0x70 or `externref` 0x6F).
    mutating func readReferenceType() throws -> ValueType {
        let offset = position
        guard let type = ValueType(rawValue: try readTypeCode()), type.isReference else {
            throw error("malformed reference type", at: offset)
        }
        return type
    }

    /// A function type: 0x60, then the parameter and result vectors.
    mutating func readFunctionType() throws -> FunctionType {
        let offset = position
        guard try readTypeCode() == 0x60 else { throw error("malformed function type", at: offset) }
        let parameters = try readVector { try $0.readValueType() }
        let results = try readVector { try $0.readValueType() }
        return FunctionType(parameters: parameters, results: results)
    }

    /// Limits: a 1-bit flag (so a shared or 64-bit flag is "integer too large" in
    /// Wasm 2.0), the `u32` minimum and, if the flag is set, the `u32` maximum.
    mutating func readLimits() throws -> Limits {
        let hasMaximum = try readVarUInt1()
        let minimum = try readVarUInt32()
        let maximum = hasMaximum ? try readVarUInt32() : nil
        return Limits(min: UInt64(minimum), max: maximum.map { UInt64($0) })
    }

    /// A table type: the element reference type, then limits.
    mutating func readTableType() throws -> TableType {
        let elementType = try readReferenceType()
        return TableType(elementType: elementType, limits: try readLimits())
    }

    /// A memory type: limits in pages.
    mutating func readMemoryType() throws -> MemoryType {
        MemoryType(limits: try readLimits(), isShared: false)
    }

    /// A global type: value type, then mutability (0 const, 1 var).
    mutating func readGlobalType() throws -> GlobalType {
        let valueType = try readValueType()
        let offset = position
        switch try readByte() {
        case 0: return GlobalType(valueType: valueType, isMutable: false)
        case 1: return GlobalType(valueType: valueType, isMutable: true)
        default: throw error("malformed mutability", at: offset)
        }
    }

    /// A block type: 0x40 (empty), a single value type, or a non-negative `s33` type index.
    mutating func readBlockType() throws -> BlockType {
        let offset = position
        guard let first = peekByte() else { throw unexpectedEnd }
        if first == 0x40 {
            position += 1
            return .empty
        }
        // One-byte negative s33 values (0x40...0x7F) are value types; anything else is an index.
        if first & 0xC0 == 0x40 {
            return .value(try readValueType())
        }
        let index = try readVarInt33()
        guard index >= 0, index <= Int64(UInt32.max) else {
            throw error("malformed block type", at: offset)
        }
        return .typeIndex(UInt32(index))
    }
}
