import WasmEngine

extension Component {
    /// Decodes a component binary (preamble `\0asm 0d 00 01 00`, then sections).
    ///
    /// Decoding is strict and total: any malformed input throws a
    /// `ComponentDecodeError` with the byte offset and a message in the reference
    /// tests' wording; it never traps, never recurses without bound (components and
    /// component/instance types nest at most `ComponentDecoder.maximumNestingDepth`
    /// levels) and allocates at most a constant factor of the input's size. Embedded
    /// core modules are decoded with `Module(decoding:)`. The result is not validated:
    /// index spaces, type checks and name rules are the validator's work.
    public init(decoding bytes: [UInt8]) throws {
        var decoder = ComponentDecoder(bytes: bytes)
        self = try decoder.decode()
    }
}

/// Reads a component binary into a `Component`, one section at a time.
///
/// The decoder keeps one reader over the whole input; each section (and each nested
/// component) narrows the reader's `end` while it is decoded, so offsets stay absolute
/// and no sub-array is copied except the bytes handed to the core module decoder.
/// The grammar's productions are split by concern across `ComponentDecoder+*.swift`.
struct ComponentDecoder {
    /// How deeply components and component/instance types may nest inside each other.
    /// Real components nest a handful of levels; the limit turns a hostile input's
    /// deep nesting into an error instead of exhausting the stack.
    static let maximumNestingDepth = 100

    /// The component layer's version and layer fields (after the magic).
    static let componentVersion: [UInt8] = [0x0D, 0x00, 0x01, 0x00]

    var reader: ComponentByteReader

    init(bytes: [UInt8]) {
        reader = ComponentByteReader(bytes: bytes)
    }

    /// Decodes the whole input as one component; call once.
    mutating func decode() throws -> Component {
        let component = try decodeComponent(depth: 0)
        return component
    }

    /// Throws if `depth` exceeds the nesting limit (checked at each level of recursion).
    func checkDepth(_ depth: Int) throws {
        if depth > Self.maximumNestingDepth {
            throw reader.error("nesting too deep: components and component types may nest at most \(Self.maximumNestingDepth) levels")
        }
    }

    /// Decodes a preamble and the sections up to `reader.end`.
    mutating func decodeComponent(depth: Int) throws -> Component {
        try checkDepth(depth)
        try readPreamble()
        var component = Component()
        while !reader.isAtEnd {
            try decodeSection(into: &component, depth: depth)
        }
        return component
    }

    /// Checks the magic, version and layer fields.
    private mutating func readPreamble() throws {
        let start = reader.position
        let magic = try reader.readBytes(4)
        guard magic == [0x00, 0x61, 0x73, 0x6D] else {
            throw reader.error("magic header not detected", at: start)
        }
        let versionOffset = reader.position
        let header = try reader.readBytes(4)
        if header == Self.componentVersion { return }
        if header[2] == 0x00 && header[3] == 0x00 {
            // Layer 0 is a core module (its version is the 4-byte core version).
            throw reader.error("expected a version header for a component", at: versionOffset)
        }
        if header[2] != 0x01 || header[3] != 0x00 {
            throw reader.error("unknown binary layer", at: versionOffset + 2)
        }
        throw reader.error("unknown binary version", at: versionOffset)
    }

    /// Decodes one section (id, size, contents) and appends its definitions.
    private mutating func decodeSection(into component: inout Component, depth: Int) throws {
        let sectionStart = reader.position
        let id = try reader.readByte()
        guard id <= 12 else { throw reader.error("malformed section id", at: sectionStart) }
        let size = Int(try reader.readU32())
        guard size <= reader.remaining else { throw reader.unexpectedEnd }
        let contentStart = reader.position
        let sectionEnd = contentStart + size
        let enclosingEnd = reader.end
        reader.end = sectionEnd

        /// Appends one definition, located where it starts.
        func append(_ definition: ComponentDefinition, at offset: Int) {
            component.definitions.append(definition)
            component.definitionOffsets.append(offset)
        }

        switch id {
        case 0:
            let name = try reader.readName()
            let payload = try reader.readBytes(reader.remaining)
            append(.custom(ComponentCustomSection(name: name, payload: payload)), at: contentStart)
        case 1:
            append(.coreModule(try decodeCoreModule()), at: contentStart)
        case 2:
            try decodeVector(append) { try .coreInstance($0.decodeCoreInstance()) }
        case 3:
            try decodeVector(append) { try .coreType($0.decodeCoreType(depth: depth + 1)) }
        case 4:
            append(.component(try decodeComponent(depth: depth + 1)), at: contentStart)
        case 5:
            try decodeVector(append) { try .instance($0.decodeInstance()) }
        case 6:
            try decodeVector(append) { try .alias($0.decodeAlias()) }
        case 7:
            try decodeVector(append) { try .type($0.decodeTypeDefinition(depth: depth + 1)) }
        case 8:
            try decodeVector(append) { try .canonical($0.decodeCanonicalFunction()) }
        case 9:
            append(.start(try decodeStart()), at: contentStart)
        case 10:
            try decodeVector(append) { try .import($0.decodeImport()) }
        case 11:
            try decodeVector(append) { try .export($0.decodeExport()) }
        default: // 12
            try decodeVector(append) { try .value($0.decodeValueDefinition()) }
        }

        guard reader.position == sectionEnd else {
            throw reader.error("section size mismatch", at: reader.position)
        }
        reader.end = enclosingEnd
    }

    /// Decodes a section's vector, appending each element at its own offset.
    private mutating func decodeVector(
        _ append: (ComponentDefinition, Int) -> Void,
        _ element: (inout ComponentDecoder) throws -> ComponentDefinition
    ) throws {
        let count = try reader.readCount()
        for _ in 0..<count {
            let offset = reader.position
            append(try element(&self), offset)
        }
    }

    /// The engine words its errors like the core reference interpreter; where the
    /// component reference tests word the same problem differently, both are given.
    static func componentWording(ofCoreMessage message: String) -> String {
        switch message {
        case "unexpected content after last section":
            // The reference interpreter reports a section out of order this way.
            return "section out of order (unexpected content after last section)"
        default:
            return message
        }
    }

    /// Decodes an embedded core module: the whole section, handed to WasmEngine.
    private mutating func decodeCoreModule() throws -> CoreModuleDefinition {
        let start = reader.position
        let moduleBytes = try reader.readBytes(reader.remaining)
        if moduleBytes.count >= 8 && Array(moduleBytes[4..<8]) == Self.componentVersion {
            throw reader.error("expected a version header for a module", at: start + 4)
        }
        do {
            let module = try Module(decoding: moduleBytes)
            return CoreModuleDefinition(byteRange: start..<(start + moduleBytes.count), module: module)
        } catch let inner as DecodeError {
            throw reader.error(Self.componentWording(ofCoreMessage: inner.message), at: start + inner.offset)
        } catch {
            // The engine documents only `DecodeError`; keep this decoder's contract anyway.
            throw reader.error("malformed core module: \(error)", at: start)
        }
    }
}
