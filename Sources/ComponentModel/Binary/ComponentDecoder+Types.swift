/// Component-level types: defined value types, function types, component and
/// instance types with their declarations, and resource types.
extension ComponentDecoder {
    /// `type` / `deftype`. Component and instance types recurse, so each level checks
    /// the nesting limit.
    mutating func decodeTypeDefinition(depth: Int) throws -> ComponentTypeDefinition {
        try checkDepth(depth)
        switch reader.peekByte() {
        case 0x40, 0x43:
            let isAsync = try reader.readByte() == 0x43
            return .function(try reader.readFunctionTypeBody(isAsync: isAsync))
        case 0x41:
            reader.position += 1
            let declarations = try decodeDeclarations { decoder -> ComponentTypeDeclaration in
                if decoder.reader.peekByte() == 0x03 {
                    decoder.reader.position += 1
                    return .import(name: try decoder.reader.readExternName(), type: try decoder.reader.readExternDescriptor())
                }
                return .instance(try decoder.decodeInstanceTypeDeclaration(depth: depth + 1))
            }
            return .component(declarations)
        case 0x42:
            reader.position += 1
            let declarations = try decodeDeclarations { decoder in
                try decoder.decodeInstanceTypeDeclaration(depth: depth + 1)
            }
            return .instance(declarations)
        case 0x3F:
            reader.position += 1
            let representation = try reader.readCoreValueType()
            let destructor = try reader.readOptional(what: "resource destructor") { reader in try reader.readU32() }
            return .resource(ResourceType(representation: representation, destructor: destructor))
        case nil:
            throw reader.unexpectedEnd
        default:
            return .value(try reader.readDefinedValueType())
        }
    }

    /// A vector of declarations, each read by `declaration`.
    private mutating func decodeDeclarations<T>(_ declaration: (inout ComponentDecoder) throws -> T) throws -> [T] {
        let count = try reader.readCount()
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            result.append(try declaration(&self))
        }
        return result
    }

    /// `instancedecl`.
    private mutating func decodeInstanceTypeDeclaration(depth: Int) throws -> InstanceTypeDeclaration {
        let offset = reader.position
        switch try reader.readByte() {
        case 0x00: return .coreType(try decodeCoreType(depth: depth))
        case 0x01: return .type(try decodeTypeDefinition(depth: depth))
        case 0x02: return .alias(try reader.readAlias())
        case 0x04: return .export(name: try reader.readExternName(), type: try reader.readExternDescriptor())
        case let byte:
            throw reader.invalidLeadingByte(byte, for: "component or instance type declaration", at: offset)
        }
    }
}

extension ComponentByteReader {
    /// `valtype`: a primitive opcode, or a type index in the non-negative SLEB128
    /// (`s33`) range that the type opcodes leave free.
    mutating func readValueType() throws -> ComponentValueType {
        let offset = position
        guard let first = peekByte() else { throw unexpectedEnd }
        if let primitive = PrimitiveValueType(rawValue: first) {
            position += 1
            return .primitive(primitive)
        }
        let value = try readSignedLEB(bits: 33)
        guard value >= 0 else {
            throw invalidLeadingByte(first, for: "component value type", at: offset)
        }
        guard value <= Int64(UInt32.max) else { throw error("integer too large", at: offset) }
        return .index(UInt32(value))
    }

    /// `<T>?`: 0x00 (absent) or 0x01 followed by a `T`.
    mutating func readOptional<T>(what: String, _ element: (inout ComponentByteReader) throws -> T) throws -> T? {
        let offset = position
        switch try readByte() {
        case 0x00: return nil
        case 0x01: return try element(&self)
        case let byte: throw invalidLeadingByte(byte, for: "optional \(what)", at: offset)
        }
    }

    /// A label (`labellit`): a name whose kebab-case grammar the validator checks.
    mutating func readLabel() throws -> String {
        try readName()
    }

    /// `defvaltype`.
    mutating func readDefinedValueType() throws -> DefinedValueType {
        let offset = position
        let opcode = try readByte()
        if let primitive = PrimitiveValueType(rawValue: opcode) { return .primitive(primitive) }
        switch opcode {
        case 0x72:
            return .record(try readVector(minimumElementSize: 2) { reader in
                LabeledValueType(label: try reader.readLabel(), type: try reader.readValueType())
            })
        case 0x71:
            return .variant(try readVector(minimumElementSize: 3) { reader in
                let label = try reader.readLabel()
                let payload = try reader.readOptional(what: "variant case type") { reader in try reader.readValueType() }
                try reader.expectZeroByte()
                return VariantCase(label: label, payload: payload)
            })
        case 0x70:
            return .list(try readValueType())
        case 0x67:
            let element = try readValueType()
            return .fixedSizeList(element, length: try readU32())
        case 0x6F:
            return .tuple(try readVector { reader in try reader.readValueType() })
        case 0x6E:
            return .flags(try readVector { reader in try reader.readLabel() })
        case 0x6D:
            return .enum(try readVector { reader in try reader.readLabel() })
        case 0x6B:
            return .option(try readValueType())
        case 0x6A:
            let ok = try readOptional(what: "result type") { reader in try reader.readValueType() }
            let error = try readOptional(what: "result error type") { reader in try reader.readValueType() }
            return .result(ok: ok, error: error)
        case 0x69:
            return .own(resource: try readU32())
        case 0x68:
            return .borrow(resource: try readU32())
        case 0x66:
            return .stream(try readOptional(what: "stream element type") { reader in try reader.readValueType() })
        case 0x65:
            return .future(try readOptional(what: "future payload type") { reader in try reader.readValueType() })
        case 0x63:
            let key = try readValueType()
            return .map(key: key, value: try readValueType())
        default:
            throw invalidLeadingByte(opcode, for: "component defined type", at: offset)
        }
    }

    /// A function type's parameters and result list (after 0x40 / 0x43).
    mutating func readFunctionTypeBody(isAsync: Bool) throws -> ComponentFunctionType {
        let parameters = try readVector(minimumElementSize: 2) { reader in
            LabeledValueType(label: try reader.readLabel(), type: try reader.readValueType())
        }
        return ComponentFunctionType(isAsync: isAsync, parameters: parameters, result: try readResultList())
    }

    /// `resultlist`: `0x00 valtype` (one result) or `0x01 0x00` (none).
    mutating func readResultList() throws -> ComponentValueType? {
        let offset = position
        switch try readByte() {
        case 0x00:
            return try readValueType()
        case 0x01:
            let countOffset = position
            let byte = try readByte()
            guard byte == 0x00 else { throw invalidLeadingByte(byte, for: "number of results", at: countOffset) }
            return nil
        case let byte:
            throw invalidLeadingByte(byte, for: "component function results", at: offset)
        }
    }
}
