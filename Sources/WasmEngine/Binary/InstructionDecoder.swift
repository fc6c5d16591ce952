/// Decodes an instruction sequence (a function body or a constant expression) into
/// flat `Instruction` values, up to and including the `end` that closes it.
///
/// Nesting is tracked with a small explicit stack instead of recursion, so deeply
/// nested blocks in hostile input cannot exhaust the native stack. Structural errors
/// follow the reference interpreter: an `else` outside an `if` (or a second `else`)
/// is "END opcode expected", running out of bytes is "unexpected end of section or
/// function", and an unassigned opcode is "illegal opcode".
struct InstructionDecoder {
    /// What a decoded sequence holds.
    struct Sequence {
        var instructions: [Instruction] = []
        /// Input offset of each instruction's opcode (same indexing as `instructions`).
        var offsets: [UInt32] = []
        /// Whether `memory.init` or `data.drop` occurs (they need a data count section).
        var usesDataSegmentIndices = false
    }

    /// The kind of an open structured instruction.
    private enum Frame {
        case block
        case ifWithoutElse
        case ifWithElse
    }

    /// Reads instructions until the `end` that closes the sequence.
    ///
    /// With `keepFinalEnd` the closing `end` is part of the result (function bodies);
    /// without it, it is consumed but dropped (constant expressions). Instructions are
    /// collected in `buffer` (scratch storage the caller reuses) and moved out at the end.
    ///
    /// `multipleMemories` selects how memory indices are encoded: in a module with at most
    /// one memory they follow Wasm 2.0 (a reserved zero byte, memarg flags below 32), so
    /// encodings that 2.0 rejects as malformed stay malformed; with several memories they
    /// follow multi-memory (Wasm 3.0): `memidx` immediates and memarg bit 6.
    static func decode(_ reader: inout ByteReader, keepFinalEnd: Bool, buffer: InstructionBuffer,
                       multipleMemories: Bool = false) throws -> Sequence {
        buffer.removeAll()
        // On an error, drop what was collected so the buffer is clean for the next use.
        defer { buffer.removeAll() }
        var usesDataSegmentIndices = false
        var frames: [Frame] = []
        while true {
            let offset = reader.position
            guard let opcode = reader.peekByte() else { throw reader.unexpectedEnd }
            reader.position += 1
            // Structure is tracked from the opcode byte, before the instruction is built,
            // so the decoded value is moved into the buffer and never inspected again.
            switch opcode {
            case 0x0B:
                if frames.isEmpty {
                    if keepFinalEnd { buffer.append(.end, at: offset) }
                    let (instructions, offsets) = buffer.takeArrays()
                    return Sequence(instructions: instructions, offsets: offsets,
                                    usesDataSegmentIndices: usesDataSegmentIndices)
                }
                frames.removeLast()
                buffer.append(.end, at: offset)
                continue
            case 0x05:
                guard case .ifWithoutElse? = frames.last else {
                    throw reader.error("END opcode expected", at: offset)
                }
                frames[frames.count - 1] = .ifWithElse
                buffer.append(.else, at: offset)
                continue
            case 0x02, 0x03:
                frames.append(.block)
            case 0x04:
                frames.append(.ifWithoutElse)
            default:
                break
            }
            let instruction = try decodeInstruction(opcode: opcode, at: offset, multipleMemories: multipleMemories, &reader)
            if opcode == 0xFC {
                switch instruction {
                case .memoryInit, .dataDrop: usesDataSegmentIndices = true
                default: break
                }
            }
            buffer.append(instruction, at: offset)
        }
    }

    /// Reads a constant expression (global initializer, segment offset or element):
    /// any instruction sequence is accepted here; validation checks that it is constant.
    static func decodeConstantExpression(_ reader: inout ByteReader) throws -> ConstantExpression {
        ConstantExpression(try decode(&reader, keepFinalEnd: false, buffer: InstructionBuffer(initialCapacity: 4)).instructions)
    }

    /// Decodes the immediates of the instruction whose opcode byte (at `offset`) was just read.
    @inline(__always)
    private static func decodeInstruction(opcode: UInt8, at offset: Int, multipleMemories: Bool,
                                          _ reader: inout ByteReader) throws -> Instruction {
        switch opcode {
        case 0x00: return .unreachable
        case 0x01: return .nop
        case 0x02: return .block(try reader.readBlockType())
        case 0x03: return .loop(try reader.readBlockType())
        case 0x04: return .if(try reader.readBlockType())
        case 0x0C: return .br(labelIndex: try reader.readVarUInt32())
        case 0x0D: return .brIf(labelIndex: try reader.readVarUInt32())
        case 0x0E:
            let labels = try reader.readVector { try $0.readVarUInt32() }
            return .brTable(labelIndices: labels, defaultIndex: try reader.readVarUInt32())
        case 0x0F: return .return
        case 0x10: return .call(functionIndex: try reader.readVarUInt32())
        case 0x11:
            let typeIndex = try reader.readVarUInt32()
            return .callIndirect(typeIndex: typeIndex, tableIndex: try reader.readVarUInt32())
        case 0x1A: return .drop
        case 0x1B: return .select
        case 0x1C: return .typedSelect(try reader.readVector { try $0.readValueType() })
        case 0x20: return .localGet(try reader.readVarUInt32())
        case 0x21: return .localSet(try reader.readVarUInt32())
        case 0x22: return .localTee(try reader.readVarUInt32())
        case 0x23: return .globalGet(try reader.readVarUInt32())
        case 0x24: return .globalSet(try reader.readVarUInt32())
        case 0x25: return .tableGet(try reader.readVarUInt32())
        case 0x26: return .tableSet(try reader.readVarUInt32())
        case 0x28...0x35:
            let load = LoadOperator(rawValue: opcode)!
            return .load(load, try readMemoryArgument(&reader, multipleMemories: multipleMemories))
        case 0x36...0x3E:
            let store = StoreOperator(rawValue: opcode)!
            return .store(store, try readMemoryArgument(&reader, multipleMemories: multipleMemories))
        case 0x3F:
            return .memorySize(memoryIndex: try readMemoryIndex(&reader, multipleMemories: multipleMemories))
        case 0x40:
            return .memoryGrow(memoryIndex: try readMemoryIndex(&reader, multipleMemories: multipleMemories))
        case 0x41: return .i32Const(try reader.readVarInt32())
        case 0x42: return .i64Const(try reader.readVarInt64())
        case 0x43: return .f32Const(bits: try reader.readFixedUInt32())
        case 0x44: return .f64Const(bits: try reader.readFixedUInt64())
        case 0x45...0xC4:
            guard let numeric = NumericOperator(opcode: UInt16(opcode)) else { break }
            return .numeric(numeric)
        case 0xD0: return .refNull(try reader.readReferenceType())
        case 0xD1: return .refIsNull
        case 0xD2: return .refFunc(functionIndex: try reader.readVarUInt32())
        case 0xFC: return try decodePrefixedInstruction(at: offset, multipleMemories: multipleMemories, &reader)
        default: break
        }
        throw reader.error("illegal opcode \(hex(opcode))", at: offset)
    }

    /// Decodes a `0xFC`-prefixed instruction: saturating truncation, bulk memory and table ops.
    private static func decodePrefixedInstruction(at offset: Int, multipleMemories: Bool,
                                                  _ reader: inout ByteReader) throws -> Instruction {
        let subopcode = try reader.readVarUInt32()
        switch subopcode {
        case 0...7:
            return .numeric(NumericOperator(opcode: 0xFC00 | UInt16(subopcode))!)
        case 8:
            let dataIndex = try reader.readVarUInt32()
            return .memoryInit(dataIndex: dataIndex,
                               memoryIndex: try readMemoryIndex(&reader, multipleMemories: multipleMemories))
        case 9:
            return .dataDrop(try reader.readVarUInt32())
        case 10:
            let destination = try readMemoryIndex(&reader, multipleMemories: multipleMemories)
            return .memoryCopy(destinationMemory: destination,
                               sourceMemory: try readMemoryIndex(&reader, multipleMemories: multipleMemories))
        case 11:
            return .memoryFill(memoryIndex: try readMemoryIndex(&reader, multipleMemories: multipleMemories))
        case 12:
            let elementIndex = try reader.readVarUInt32()
            return .tableInit(elementIndex: elementIndex, tableIndex: try reader.readVarUInt32())
        case 13:
            return .elemDrop(try reader.readVarUInt32())
        case 14:
            let destination = try reader.readVarUInt32()
            return .tableCopy(destinationTable: destination, sourceTable: try reader.readVarUInt32())
        case 15:
            return .tableGrow(try reader.readVarUInt32())
        case 16:
            return .tableSize(try reader.readVarUInt32())
        case 17:
            return .tableFill(try reader.readVarUInt32())
        default:
            throw reader.error("illegal opcode 0xfc \(subopcode)", at: offset)
        }
    }

    /// A load/store immediate: the flags, then (multi-memory, flags bit 6 set) the memory
    /// index, then the `u32` offset. The flags' low bits are the alignment exponent; Wasm
    /// 2.0 (one memory) requires them below 32, multi-memory below 64 (larger alignments
    /// are then left to validation, "alignment must not be larger than natural").
    private static func readMemoryArgument(_ reader: inout ByteReader, multipleMemories: Bool) throws -> MemoryArgument {
        let flags = try reader.readVarUInt32()
        let flagsEnd = reader.position
        var alignment = flags
        var memoryIndex: UInt32 = 0
        if multipleMemories {
            guard flags < 128 else { throw reader.error("malformed memop flags", at: flagsEnd - 1) }
            if flags & 0x40 != 0 {
                alignment = flags & 0x3F
                memoryIndex = try reader.readVarUInt32()
            }
        } else {
            guard flags < 32 else { throw reader.error("malformed memop flags", at: flagsEnd - 1) }
        }
        let offset = try reader.readVarUInt32()
        return MemoryArgument(alignment: alignment, offset: UInt64(offset), memoryIndex: memoryIndex)
    }

    /// A `memidx` immediate: a `u32` with several memories, else the reserved zero byte
    /// of Wasm 2.0 (which a longer encoding of zero does not satisfy).
    private static func readMemoryIndex(_ reader: inout ByteReader, multipleMemories: Bool) throws -> UInt32 {
        guard multipleMemories else {
            try reader.expectByte(0x00, "zero byte expected")
            return 0
        }
        return try reader.readVarUInt32()
    }

    private static func hex(_ byte: UInt8) -> String {
        byte < 0x10 ? "0x0\(String(byte, radix: 16))" : "0x\(String(byte, radix: 16))"
    }
}
