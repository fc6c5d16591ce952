/// Decodes one entry of the element section in any of its eight encodings.
///
/// The flags value's bits mean: bit 0 passive or declarative (instead of active),
/// bit 1 an explicit table index (active) or declarative (non-active), bit 2 elements
/// given as constant expressions with a reference type (instead of function indices
/// with an element kind byte).
enum ElementSegmentDecoder {
    static func decode(_ reader: inout ByteReader) throws -> ElementSegment {
        let flagsOffset = reader.position
        let flags = try reader.readVarUInt32()
        guard flags <= 7 else {
            throw reader.error("malformed elements segment kind", at: flagsOffset)
        }
        let isActive = flags & 0b001 == 0
        let hasTableIndexOrIsDeclarative = flags & 0b010 != 0
        let usesExpressions = flags & 0b100 != 0

        let mode: ElementMode
        if isActive {
            let table = hasTableIndexOrIsDeclarative ? try reader.readVarUInt32() : 0
            mode = .active(table: table, offset: try InstructionDecoder.decodeConstantExpression(&reader))
        } else {
            mode = hasTableIndexOrIsDeclarative ? .declarative : .passive
        }

        // Flags 0 and 4 imply funcref and have no type byte.
        let hasTypeByte = !(isActive && !hasTableIndexOrIsDeclarative)
        if usesExpressions {
            let type = hasTypeByte ? try reader.readReferenceType() : .funcref
            let initializers = try reader.readVector { try InstructionDecoder.decodeConstantExpression(&$0) }
            return ElementSegment(type: type, initializers: initializers, mode: mode)
        }
        if hasTypeByte {
            try reader.expectByte(0x00, "malformed element kind")
        }
        let initializers = try reader.readVector { reader in
            ConstantExpression([.refFunc(functionIndex: try reader.readVarUInt32())])
        }
        return ElementSegment(type: .funcref, initializers: initializers, mode: mode)
    }
}
