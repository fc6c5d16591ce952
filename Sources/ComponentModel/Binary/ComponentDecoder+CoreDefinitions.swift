import WasmEngine

/// Core-level definitions inside a component: core instances, core sorts and core
/// types (function types, WebAssembly 3.0 subtype forms, module types).
extension ComponentDecoder {
    /// `core:instance`.
    mutating func decodeCoreInstance() throws -> CoreInstance {
        let offset = reader.position
        switch try reader.readByte() {
        case 0x00:
            let module = try reader.readU32()
            let arguments = try reader.readVector(minimumElementSize: 3) { reader -> CoreInstantiateArgument in
                let name = try reader.readName()
                let kindOffset = reader.position
                let kind = try reader.readByte()
                guard kind == CoreSort.instance.rawValue else {
                    throw reader.invalidLeadingByte(kind, for: "instantiation arg kind", at: kindOffset)
                }
                return CoreInstantiateArgument(name: name, instance: try reader.readU32())
            }
            return .instantiate(module: module, arguments: arguments)
        case 0x01:
            let exports = try reader.readVector(minimumElementSize: 3) { reader in
                CoreInlineExport(name: try reader.readName(), target: try reader.readCoreSortIndex())
            }
            return .fromExports(exports)
        case let byte:
            throw reader.invalidLeadingByte(byte, for: "core instance", at: offset)
        }
    }

    /// `core:type`: a function type, a 3.0 subtype form, or a module type.
    mutating func decodeCoreType(depth: Int) throws -> CoreType {
        try checkDepth(depth)
        if reader.peekByte() == 0x50 {
            reader.position += 1
            let declarations = try reader.readVector { reader in try reader.readCoreModuleDeclaration() }
            return .module(declarations)
        }
        return try reader.readCoreDefinedType()
    }
}

extension ComponentByteReader {
    /// `core:sortidx`.
    mutating func readCoreSortIndex() throws -> CoreSortIndex {
        CoreSortIndex(sort: try readCoreSort(context: "core sort"), index: try readU32())
    }

    /// `core:sort`; `context` names the production for the error message.
    mutating func readCoreSort(context: String) throws -> CoreSort {
        let offset = position
        let byte = try readByte()
        guard let sort = CoreSort(rawValue: byte) else {
            throw invalidLeadingByte(byte, for: context, at: offset)
        }
        return sort
    }

    /// A core type that is not a module type: `0x60` function type, `0x00 0x50`
    /// non-final subtype, `0x4f` final subtype or `0x4e` recursion group.
    mutating func readCoreDefinedType() throws -> CoreType {
        let offset = position
        switch try readByte() {
        case 0x60:
            return .function(try readCoreFunctionType())
        case 0x00:
            let subOffset = position
            let byte = try readByte()
            guard byte == 0x50 else { throw invalidLeadingByte(byte, for: "non-final sub type", at: subOffset) }
            return .subtype(try readCoreSubtypeBody(isFinal: false))
        case 0x4F:
            return .subtype(try readCoreSubtypeBody(isFinal: true))
        case 0x4E:
            return .recursionGroup(try readVector { reader in try reader.readCoreSubtype() })
        case 0x5F, 0x5E:
            throw error("not supported: WebAssembly GC struct and array types", at: offset)
        case let byte:
            throw invalidLeadingByte(byte, for: "type definition", at: offset)
        }
    }

    /// A `core:subtype` inside a recursion group (0x50, 0x4f, or a bare function type).
    private mutating func readCoreSubtype() throws -> CoreSubtype {
        let offset = position
        switch try readByte() {
        case 0x50: return try readCoreSubtypeBody(isFinal: false)
        case 0x4F: return try readCoreSubtypeBody(isFinal: true)
        case 0x60: return CoreSubtype(isFinal: true, supertypes: [], function: try readCoreFunctionType())
        case 0x5F, 0x5E: throw error("not supported: WebAssembly GC struct and array types", at: offset)
        case let byte: throw invalidLeadingByte(byte, for: "sub type", at: offset)
        }
    }

    /// The supertypes and composite type of a subtype (after its opcode).
    private mutating func readCoreSubtypeBody(isFinal: Bool) throws -> CoreSubtype {
        let supertypes = try readVector { reader in try reader.readU32() }
        let offset = position
        switch try readByte() {
        case 0x60:
            return CoreSubtype(isFinal: isFinal, supertypes: supertypes, function: try readCoreFunctionType())
        case 0x5F, 0x5E:
            throw error("not supported: WebAssembly GC struct and array types", at: offset)
        case let byte:
            throw invalidLeadingByte(byte, for: "composite type", at: offset)
        }
    }

    /// A core function type's parameter and result vectors (after 0x60).
    mutating func readCoreFunctionType() throws -> FunctionType {
        let parameters = try readVector { reader in try reader.readCoreValueType() }
        let results = try readVector { reader in try reader.readCoreValueType() }
        return FunctionType(parameters: parameters, results: results)
    }

    /// A core value type the engine supports (numbers, `v128`, `funcref`, `externref`).
    mutating func readCoreValueType() throws -> ValueType {
        let offset = position
        let byte = try readByte()
        if let type = ValueType(rawValue: byte) { return type }
        switch byte {
        case 0x63, 0x64, 0x65, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x71, 0x72, 0x73, 0x74:
            throw error("not supported: WebAssembly GC and exception reference types", at: offset)
        default:
            throw invalidLeadingByte(byte, for: "value type", at: offset)
        }
    }

    /// `core:moduledecl`.
    mutating func readCoreModuleDeclaration() throws -> CoreModuleDeclaration {
        let offset = position
        switch try readByte() {
        case 0x00:
            let module = try readName()
            let name = try readName()
            return .import(module: module, name: name, type: try readCoreExternType())
        case 0x01:
            // Module types do not nest (the reference tests reject this at decoding).
            if peekByte() == 0x50 { throw invalidLeadingByte(0x50, for: "type definition", at: position) }
            return .type(try readCoreDefinedType())
        case 0x02:
            let sortOffset = position
            let sort = try readByte()
            guard sort == CoreSort.type.rawValue else {
                throw invalidLeadingByte(sort, for: "outer alias kind", at: sortOffset)
            }
            let targetOffset = position
            let target = try readByte()
            guard target == 0x01 else { throw invalidLeadingByte(target, for: "outer alias target", at: targetOffset) }
            return .outerTypeAlias(count: try readU32(), index: try readU32())
        case 0x03:
            let name = try readName()
            return .export(name: name, type: try readCoreExternType())
        case let byte:
            throw invalidLeadingByte(byte, for: "type definition", at: offset)
        }
    }

    /// `core:externtype` (the descriptor of a core import or export).
    mutating func readCoreExternType() throws -> CoreExternType {
        let offset = position
        switch try readByte() {
        case 0x00:
            return .function(typeIndex: try readU32())
        case 0x01:
            let elementOffset = position
            let element = try readCoreValueType()
            guard element.isReference else { throw error("malformed reference type", at: elementOffset) }
            return .table(TableType(elementType: element, limits: try readLimits(allowShared: false)))
        case 0x02:
            let shared = (peekByte() ?? 0) & 0x02 != 0
            let limits = try readLimits(allowShared: true)
            return .memory(MemoryType(limits: limits, isShared: shared))
        case 0x03:
            let type = try readCoreValueType()
            return .global(GlobalType(valueType: type, isMutable: try readBoolean()))
        case 0x04:
            let attributeOffset = position
            let attribute = try readByte()
            guard attribute == 0x00 else { throw invalidLeadingByte(attribute, for: "tag attribute", at: attributeOffset) }
            return .tag(typeIndex: try readU32())
        case let byte:
            throw invalidLeadingByte(byte, for: "external kind", at: offset)
        }
    }

    /// Table or memory limits: a flags byte (bit 0: has maximum, bit 1: shared for
    /// memories), then the bounds. 64-bit limits (bit 2) are not supported by the engine.
    private mutating func readLimits(allowShared: Bool) throws -> Limits {
        let offset = position
        let flags = try readByte()
        if flags & 0x04 != 0 && flags <= 0x07 {
            throw error("not supported: 64-bit memories and tables", at: offset)
        }
        guard flags <= (allowShared ? 0x03 : 0x01) else {
            throw invalidLeadingByte(flags, for: "limits", at: offset)
        }
        let minimum = try readU32()
        let maximum = flags & 0x01 != 0 ? try readU32() : nil
        return Limits(min: UInt64(minimum), max: maximum.map { UInt64($0) })
    }
}
