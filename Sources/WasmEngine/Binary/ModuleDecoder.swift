extension Module {
    /// Decodes a WebAssembly 2.0 binary module (without SIMD instructions).
    ///
    /// Decoding is strict and total: any malformed input throws a `DecodeError` with
    /// the offending byte offset and a message in the spec suite's wording. It never
    /// traps, and what it allocates is bounded by a constant factor of the input's
    /// size. The result is not validated; see `Validator.validate(_:)`.
    public init(decoding bytes: [UInt8]) throws {
        var decoder = ModuleDecoder(bytes: bytes)
        self = try decoder.decode()
    }
}

/// Reads the preamble and the sections of a binary module, enforcing the section
/// order, then the cross-section consistency rules.
struct ModuleDecoder {
    private var reader: ByteReader
    private var module = Module()
    private var bodies: FunctionBodyDecoder

    init(bytes: [UInt8]) {
        reader = ByteReader(bytes: bytes)
        bodies = FunctionBodyDecoder(inputSize: bytes.count)
    }

    /// The position of each non-custom section id in the required order: the data
    /// count section (12) comes between the element (9) and code (10) sections.
    private static func orderRank(ofSectionID id: UInt8) -> Int {
        switch id {
        case 12: return 10
        case 10: return 11
        case 11: return 12
        default: return Int(id)
        }
    }

    /// Decodes the whole input; call once.
    mutating func decode() throws -> Module {
        let magic = try reader.readFixedUInt32()
        guard magic == 0x6D73_6100 else { throw reader.error("magic header not detected", at: 0) }
        let version = try reader.readFixedUInt32()
        guard version == 1 else { throw reader.error("unknown binary version", at: 4) }

        var lastRank = 0
        while !reader.isAtEnd {
            let idOffset = reader.position
            let id = try reader.readByte()
            guard id <= 12 else { throw reader.error("malformed section id", at: idOffset) }
            if id == 0 {
                try decodeCustomSection()
                continue
            }
            let rank = Self.orderRank(ofSectionID: id)
            // Each non-custom section at most once and in order; the reference
            // interpreter stops at the first section it does not expect there.
            guard rank > lastRank else {
                throw reader.error("unexpected content after last section", at: idOffset)
            }
            lastRank = rank
            let size = try reader.readLength()
            let start = reader.position
            try decodeSectionContent(id: id)
            guard reader.position == start + size else {
                throw reader.error("section size mismatch", at: start)
            }
        }
        try checkConsistency()
        return module
    }

    /// The checks between sections that the binary format makes (not validation).
    private func checkConsistency() throws {
        let end = reader.bytes.count
        guard module.functions.count == module.code.count else {
            throw reader.error("function and code section have inconsistent lengths", at: end)
        }
        if let dataCount = module.dataCount, Int(dataCount) != module.data.count {
            throw reader.error("data count and data section have inconsistent lengths", at: end)
        }
        if module.dataCount == nil && bodies.usesDataSegmentIndices {
            throw reader.error("data count section required", at: end)
        }
    }

    /// A custom section: its name, then opaque bytes up to the section's end. The `name`
    /// section is also parsed into `module.names` when well-formed.
    private mutating func decodeCustomSection() throws {
        let size = try reader.readLength()
        let start = reader.position
        let name = try reader.readName()
        let payloadStart = reader.position
        // A name longer than the section makes this negative: "unexpected end".
        try reader.skip(size - (payloadStart - start))
        let payload = payloadStart..<reader.position
        module.customSections.append(CustomSection(name: name, bytes: Array(reader.bytes[payload])))
        if name == "name" && module.names == nil {
            module.names = NameSectionDecoder.decode(reader.bytes, range: payload)
        }
    }

    /// Reads the content of non-custom section `id` into `module`.
    private mutating func decodeSectionContent(id: UInt8) throws {
        switch id {
        case 1:
            module.types = try reader.readVector { try $0.readFunctionType() }
        case 2:
            module.imports = try reader.readVector { try Self.readImport(&$0) }
        case 3:
            module.functions = try reader.readVector { try $0.readVarUInt32() }
        case 4:
            module.tables = try reader.readVector { try $0.readTableType() }
        case 5:
            module.memories = try reader.readVector { try $0.readMemoryType() }
        case 6:
            module.globals = try reader.readVector { reader in
                let type = try reader.readGlobalType()
                return Global(type: type, initializer: try InstructionDecoder.decodeConstantExpression(&reader))
            }
        case 7:
            module.exports = try reader.readVector { try Self.readExport(&$0) }
        case 8:
            module.start = try reader.readVarUInt32()
        case 9:
            module.elements = try reader.readVector { try ElementSegmentDecoder.decode(&$0) }
        case 10:
            var bodies = self.bodies
            let importedMemories = module.imports.filter { if case .memory = $0.descriptor { return true } else { return false } }
            bodies.multipleMemories = importedMemories.count + module.memories.count > 1
            module.code = try reader.readVector { try bodies.decode(&$0) }
            self.bodies = bodies
        case 11:
            module.data = try reader.readVector { try DataSegmentDecoder.decode(&$0) }
        case 12:
            module.dataCount = try reader.readVarUInt32()
        default:
            preconditionFailure("section id \(id) is checked by the caller")
        }
    }

    private static func readImport(_ reader: inout ByteReader) throws -> Import {
        let moduleName = try reader.readName()
        let name = try reader.readName()
        let kindOffset = reader.position
        let descriptor: ImportDescriptor
        switch try reader.readByte() {
        case 0x00: descriptor = .function(typeIndex: try reader.readVarUInt32())
        case 0x01: descriptor = .table(try reader.readTableType())
        case 0x02: descriptor = .memory(try reader.readMemoryType())
        case 0x03: descriptor = .global(try reader.readGlobalType())
        default: throw reader.error("malformed import kind", at: kindOffset)
        }
        return Import(module: moduleName, name: name, descriptor: descriptor)
    }

    private static func readExport(_ reader: inout ByteReader) throws -> Export {
        let name = try reader.readName()
        let kindOffset = reader.position
        let kind = try reader.readByte()
        guard kind <= 0x03 else { throw reader.error("malformed export kind", at: kindOffset) }
        let index = try reader.readVarUInt32()
        switch kind {
        case 0x00: return Export(name: name, descriptor: .function(index))
        case 0x01: return Export(name: name, descriptor: .table(index))
        case 0x02: return Export(name: name, descriptor: .memory(index))
        default: return Export(name: name, descriptor: .global(index))
        }
    }
}
