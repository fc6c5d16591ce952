/// Component instances, sorts, aliases, imports, exports, extern names and
/// descriptors, the start function and value definitions.
extension ComponentDecoder {
    /// `instance`.
    mutating func decodeInstance() throws -> ComponentInstanceDefinition {
        let offset = reader.position
        switch try reader.readByte() {
        case 0x00:
            let component = try reader.readU32()
            let arguments = try reader.readVector(minimumElementSize: 3) { reader in
                InstantiateArgument(name: try reader.readName(), target: try reader.readSortIndex())
            }
            return .instantiate(component: component, arguments: arguments)
        case 0x01:
            let exports = try reader.readVector(minimumElementSize: 4) { reader in
                InlineExport(name: try reader.readExternName(), target: try reader.readSortIndex())
            }
            return .fromExports(exports)
        case let byte:
            throw reader.invalidLeadingByte(byte, for: "instance", at: offset)
        }
    }

    /// `alias` (in the alias section).
    mutating func decodeAlias() throws -> Alias {
        try reader.readAlias()
    }

    /// `import`.
    mutating func decodeImport() throws -> ComponentImport {
        ComponentImport(name: try reader.readExternName(), type: try reader.readExternDescriptor())
    }

    /// `export`: a name, a sort index and an optional ascribed type.
    mutating func decodeExport() throws -> ComponentExport {
        let name = try reader.readExternName()
        let target = try reader.readSortIndex()
        let offset = reader.position
        switch try reader.readByte() {
        case 0x00:
            return ComponentExport(name: name, target: target)
        case 0x01:
            return ComponentExport(name: name, target: target, ascribedType: try reader.readExternDescriptor())
        case let byte:
            throw reader.invalidLeadingByte(byte, for: "optional component export type", at: offset)
        }
    }

    /// `start` (🪙): the whole start section.
    mutating func decodeStart() throws -> ComponentStart {
        let function = try reader.readU32()
        let arguments = try reader.readVector { reader in try reader.readU32() }
        return ComponentStart(function: function, arguments: arguments, resultCount: try reader.readU32())
    }

    /// `value` (🪙): a value type and its length-delimited encoding, kept as bytes.
    mutating func decodeValueDefinition() throws -> ComponentValueDefinition {
        let type = try reader.readValueType()
        let length = Int(try reader.readU32())
        return ComponentValueDefinition(type: type, encodedValue: try reader.readBytes(length))
    }
}

extension ComponentByteReader {
    /// `sort`; an unknown sort is reported as "component external kind" (the
    /// reference tests' wording for export and instantiation sorts).
    mutating func readSort() throws -> ComponentSort {
        let offset = position
        switch try readByte() {
        case 0x00: return .core(try readCoreSort(context: "core sort"))
        case 0x01: return .function
        case 0x02: return .value
        case 0x03: return .type
        case 0x04: return .component
        case 0x05: return .instance
        case let byte: throw invalidLeadingByte(byte, for: "component external kind", at: offset)
        }
    }

    /// `sortidx`.
    mutating func readSortIndex() throws -> ComponentSortIndex {
        ComponentSortIndex(sort: try readSort(), index: try readU32())
    }

    /// `alias`: sort, target kind, then the target's immediates.
    ///
    /// The sort is read raw first because which sorts are allowed depends on the
    /// target: outer aliases only reach core modules, core types, types and
    /// components, and every other sort byte is "component outer alias kind".
    mutating func readAlias() throws -> Alias {
        let sortOffset = position
        let sortByte = try readByte()
        var coreSortOffset = sortOffset
        var coreSortByte: UInt8 = 0
        if sortByte == 0x00 {
            coreSortOffset = position
            coreSortByte = try readByte()
        }
        let targetOffset = position
        let target = try readByte()
        let sort: ComponentSort
        switch target {
        case 0x00, 0x01:
            // Re-read the sort with the strict `sort` production.
            let afterTarget = position
            position = sortOffset
            sort = try readSort()
            position = afterTarget
        case 0x02:
            switch (sortByte, coreSortByte) {
            case (0x00, CoreSort.module.rawValue): sort = .core(.module)
            case (0x00, CoreSort.type.rawValue): sort = .core(.type)
            case (0x00, let byte): throw invalidLeadingByte(byte, for: "component outer alias kind", at: coreSortOffset)
            case (0x03, _): sort = .type
            case (0x04, _): sort = .component
            case (let byte, _): throw invalidLeadingByte(byte, for: "component outer alias kind", at: sortOffset)
            }
        default:
            throw invalidLeadingByte(target, for: "alias", at: targetOffset)
        }
        switch target {
        case 0x00:
            let instance = try readU32()
            return Alias(sort: sort, target: .export(instance: instance, name: try readName()))
        case 0x01:
            guard case .core = sort else {
                throw invalidLeadingByte(sortByte, for: "core export alias kind", at: sortOffset)
            }
            let instance = try readU32()
            return Alias(sort: sort, target: .coreExport(instance: instance, name: try readName()))
        default:
            let count = try readU32()
            return Alias(sort: sort, target: .outer(count: count, index: try readU32()))
        }
    }

    /// `nameattributes`: the 0x00 / 0x01 prefixes (a bare name) or 0x02 (a name and
    /// attributes).
    mutating func readExternName() throws -> ExternName {
        let offset = position
        let prefix = try readByte()
        guard let encoding = ExternNameEncoding(rawValue: prefix) else {
            throw invalidLeadingByte(prefix, for: "component name", at: offset)
        }
        let name = try readName()
        guard encoding == .withAttributes else { return ExternName(name, encoding: encoding) }
        let attributes = try readVector(minimumElementSize: 2) { reader -> ExternNameAttribute in
            let attributeOffset = reader.position
            switch try reader.readByte() {
            case 0x00: return .implements(try reader.readName())
            case 0x01: return .versionSuffix(try reader.readName())
            case 0x02: return .externalID(try reader.readName())
            case let byte: throw reader.invalidLeadingByte(byte, for: "name option", at: attributeOffset)
            }
        }
        return ExternName(name, encoding: encoding, attributes: attributes)
    }

    /// `externtype`.
    mutating func readExternDescriptor() throws -> ExternDescriptor {
        let offset = position
        switch try readByte() {
        case 0x00:
            let moduleOffset = position
            let byte = try readByte()
            guard byte == CoreSort.module.rawValue else {
                throw invalidLeadingByte(byte, for: "component external kind", at: moduleOffset)
            }
            return .coreModule(typeIndex: try readU32())
        case 0x01:
            return .function(typeIndex: try readU32())
        case 0x02:
            let boundOffset = position
            switch try readByte() {
            case 0x00: return .value(.equal(valueIndex: try readU32()))
            case 0x01: return .value(.type(try readValueType()))
            case let byte: throw invalidLeadingByte(byte, for: "value bound", at: boundOffset)
            }
        case 0x03:
            let boundOffset = position
            switch try readByte() {
            case 0x00: return .type(.equal(typeIndex: try readU32()))
            case 0x01: return .type(.subResource)
            case let byte: throw invalidLeadingByte(byte, for: "type bound", at: boundOffset)
            }
        case 0x04:
            return .component(typeIndex: try readU32())
        case 0x05:
            return .instance(typeIndex: try readU32())
        case let byte:
            throw invalidLeadingByte(byte, for: "component external kind", at: offset)
        }
    }
}
