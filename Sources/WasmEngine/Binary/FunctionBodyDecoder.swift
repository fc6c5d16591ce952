/// Decodes one entry of the code section: its size, the local declarations and the
/// instructions.
///
/// Like the reference interpreter, the body is read from the module's stream and its
/// declared size is compared afterwards ("section size mismatch"), so a missing `end`
/// is reported as "END opcode expected" when another instruction byte follows.
struct FunctionBodyDecoder {
    /// The most locals one function may declare. The binary format allows up to
    /// 2^32 - 1, which would make a few input bytes allocate gigabytes; engines
    /// commonly cap it at 50,000, and the spec suite only checks that absurd counts
    /// fail with "too many locals".
    static let maximumLocalsPerFunction: UInt64 = 50_000

    /// Locals still allowed for the rest of the module. Even with the per-function cap,
    /// many tiny bodies could each declare 50,000 locals; this budget keeps the total
    /// proportional to the input's size.
    var remainingLocalsBudget: UInt64

    /// Scratch storage for the instructions of the body being decoded.
    private let buffer = InstructionBuffer()

    /// Whether any body decoded so far uses `memory.init` or `data.drop`.
    private(set) var usesDataSegmentIndices = false

    /// Whether the module has more than one memory (selects the encoding of memory
    /// indices, see `InstructionDecoder.decode`); set once the memories are known.
    var multipleMemories = false

    /// A decoder for the bodies of a module of `inputSize` bytes.
    init(inputSize: Int) {
        remainingLocalsBudget = 1_000_000 + 16 * UInt64(inputSize)
    }

    /// Reads one size-prefixed function body.
    mutating func decode(_ reader: inout ByteReader) throws -> FunctionBody {
        let bodyOffset = reader.position
        let size = try reader.readLength()
        let start = reader.position
        let locals = try readLocals(&reader)
        let sequence = try InstructionDecoder.decode(&reader, keepFinalEnd: true, buffer: buffer,
                                                 multipleMemories: multipleMemories)
        guard reader.position == start + size else {
            throw reader.error("section size mismatch", at: start)
        }
        usesDataSegmentIndices = usesDataSegmentIndices || sequence.usesDataSegmentIndices
        return FunctionBody(
            locals: locals,
            instructions: sequence.instructions,
            instructionOffsets: sequence.offsets,
            byteOffset: bodyOffset
        )
    }

    /// Reads the local declarations (count and type pairs) and expands them, after
    /// checking the total against the limits so nothing huge is allocated.
    private mutating func readLocals(_ reader: inout ByteReader) throws -> [ValueType] {
        let offset = reader.position
        let groups = try reader.readVector { reader -> (count: UInt32, type: ValueType) in
            let count = try reader.readVarUInt32()
            return (count, try reader.readValueType())
        }
        let total = groups.reduce(UInt64(0)) { $0 + UInt64($1.count) }
        guard total <= Self.maximumLocalsPerFunction, total <= remainingLocalsBudget else {
            throw reader.error("too many locals", at: offset)
        }
        remainingLocalsBudget -= total
        var locals: [ValueType] = []
        locals.reserveCapacity(Int(total))
        for group in groups {
            locals.append(contentsOf: repeatElement(group.type, count: Int(group.count)))
        }
        return locals
    }
}
