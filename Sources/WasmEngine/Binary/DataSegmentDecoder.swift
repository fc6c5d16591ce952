/// Decodes one entry of the data section in any of its three encodings:
/// 0 active in memory 0, 1 passive, 2 active with an explicit memory index.
enum DataSegmentDecoder {
    static func decode(_ reader: inout ByteReader) throws -> DataSegment {
        let flagsOffset = reader.position
        let mode: DataMode
        switch try reader.readVarUInt32() {
        case 0:
            mode = .active(memory: 0, offset: try InstructionDecoder.decodeConstantExpression(&reader))
        case 1:
            mode = .passive
        case 2:
            let memory = try reader.readVarUInt32()
            mode = .active(memory: memory, offset: try InstructionDecoder.decodeConstantExpression(&reader))
        default:
            throw reader.error("malformed data segment kind", at: flagsOffset)
        }
        let length = try reader.readLength()
        return DataSegment(bytes: try reader.readBytes(length), mode: mode)
    }
}
