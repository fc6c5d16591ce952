/// A function signature as written at a use site: `(type x)? (param ...)* (result ...)*`.
struct WatTypeUse {
    var typeIndex: UInt32?
    var parameters: [ValueType] = []
    /// One entry per parameter: its `$name`, if it has one.
    var parameterNames: [String?] = []
    var results: [ValueType] = []
    /// Where the type use starts, for errors.
    var token: WatToken

    var hasInlineSignature: Bool { !parameters.isEmpty || !results.isEmpty }
    var inlineType: FunctionType { FunctionType(parameters: parameters, results: results) }
}

/// Types, type uses and limits in the text format.
extension WatModuleParser {
    /// Reads a value type: `i32`, `i64`, `f32`, `f64`, `v128`, or a reference type.
    @_spi(Text) public static func parseValueType(_ cursor: inout WatTokenCursor) throws -> ValueType {
        switch cursor.current.keyword {
        case "i32": cursor.advance(); return .i32
        case "i64": cursor.advance(); return .i64
        case "f32": cursor.advance(); return .f32
        case "f64": cursor.advance(); return .f64
        case "v128": cursor.advance(); return .v128
        default: return try parseReferenceType(&cursor)
        }
    }

    /// Reads `funcref`, `externref`, or the long forms `(ref null func)` / `(ref null extern)`.
    @_spi(Text) public static func parseReferenceType(_ cursor: inout WatTokenCursor) throws -> ValueType {
        switch cursor.current.keyword {
        case "funcref": cursor.advance(); return .funcref
        case "externref": cursor.advance(); return .externref
        default: break
        }
        guard cursor.atGroup("ref") else { throw cursor.unexpected() }
        cursor.advance(); cursor.advance()
        try cursor.expectKeyword("null")
        let type = try parseHeapType(&cursor)
        try cursor.expectRightParen()
        return type
    }

    /// Reads a heap type (`func` or `extern`) as the matching nullable reference type.
    static func parseHeapType(_ cursor: inout WatTokenCursor) throws -> ValueType {
        switch cursor.current.keyword {
        case "func": cursor.advance(); return .funcref
        case "extern": cursor.advance(); return .externref
        default: throw cursor.unexpected()
        }
    }

    /// Reads the contents of `(param ...)` groups: `$name type` or `type*`.
    mutating func parseParameterGroups(into use: inout WatTypeUse, allowNames: Bool) throws {
        while cursor.atGroup("param") {
            cursor.advance(); cursor.advance()
            if case .id(let name) = cursor.current.kind {
                guard allowNames else { throw cursor.unexpected() }
                cursor.advance()
                use.parameters.append(try Self.parseValueType(&cursor))
                use.parameterNames.append(name)
            } else {
                while !cursor.atRightParen {
                    use.parameters.append(try Self.parseValueType(&cursor))
                    use.parameterNames.append(nil)
                }
            }
            try cursor.expectRightParen()
        }
    }

    /// Reads `(result ...)` groups.
    mutating func parseResultGroups() throws -> [ValueType] {
        var results: [ValueType] = []
        while cursor.atGroup("result") {
            cursor.advance(); cursor.advance()
            while !cursor.atRightParen { results.append(try Self.parseValueType(&cursor)) }
            try cursor.expectRightParen()
        }
        return results
    }

    /// Reads `(type $id? (func (param ...)* (result ...)*))` and appends it to the types.
    mutating func parseTypeDefinition() throws {
        let token = cursor.peek(1)
        try cursor.enterGroup("type")
        let name = cursor.takeId()
        try cursor.enterGroup("func")
        var use = WatTypeUse(token: token)
        try parseParameterGroups(into: &use, allowNames: true)
        use.results = try parseResultGroups()
        try cursor.expectRightParen()
        try cursor.expectRightParen()
        try types.add(name, at: token)
        module.types.append(use.inlineType)
    }

    /// Reads a type use. Parameter names are allowed on functions and imports, not on
    /// blocks or `call_indirect`.
    mutating func parseTypeUse(allowNames: Bool) throws -> WatTypeUse {
        var use = WatTypeUse(token: cursor.current)
        if cursor.atGroup("type") {
            cursor.advance(); cursor.advance()
            use.typeIndex = try expectIndex(in: types)
            try cursor.expectRightParen()
        }
        try parseParameterGroups(into: &use, allowNames: allowNames)
        use.results = try parseResultGroups()
        return use
    }

    /// The type index a type use denotes: the explicit one (whose signature must then agree
    /// with any inline one), else the first equal type, else a new type appended at the end.
    mutating func resolveTypeIndex(_ use: WatTypeUse) throws -> UInt32 {
        if let index = use.typeIndex {
            if use.hasInlineSignature {
                guard Int(index) < module.types.count else {
                    throw cursor.error("unknown type", at: use.token)
                }
                guard module.types[Int(index)] == use.inlineType else {
                    throw cursor.error("inline function type", at: use.token)
                }
            }
            return index
        }
        let type = use.inlineType
        if let existing = module.types.firstIndex(of: type) { return UInt32(existing) }
        module.types.append(type)
        return UInt32(module.types.count - 1)
    }

    /// The parameter types and names of a resolved type use (names only from inline params).
    func signature(of use: WatTypeUse, typeIndex: UInt32) -> (parameters: [ValueType], names: [String?]) {
        if use.typeIndex != nil && !use.hasInlineSignature {
            let parameters = Int(typeIndex) < module.types.count ? module.types[Int(typeIndex)].parameters : []
            return (parameters, parameters.map { _ in nil })
        }
        return (use.parameters, use.parameterNames)
    }

    /// Reads the type annotation of `block`, `loop` or `if`.
    mutating func parseBlockType() throws -> BlockType {
        let use = try parseTypeUse(allowNames: false)
        if use.typeIndex == nil && use.parameters.isEmpty && use.results.count <= 1 {
            return use.results.first.map { .value($0) } ?? .empty
        }
        return .typeIndex(try resolveTypeIndex(use))
    }

    /// Reads `min max?` as unsigned 32-bit numbers.
    mutating func parseLimits() throws -> Limits {
        let min = try cursor.expectU32()
        let max = try cursor.takeU32()
        return Limits(min: UInt64(min), max: max.map(UInt64.init))
    }

    /// Reads `limits reftype`.
    mutating func parseTableType() throws -> TableType {
        let limits = try parseLimits()
        return TableType(elementType: try Self.parseReferenceType(&cursor), limits: limits)
    }

    /// Reads `valtype` or `(mut valtype)`.
    mutating func parseGlobalType() throws -> GlobalType {
        if cursor.atGroup("mut") {
            cursor.advance(); cursor.advance()
            let type = try Self.parseValueType(&cursor)
            try cursor.expectRightParen()
            return GlobalType(valueType: type, isMutable: true)
        }
        return GlobalType(valueType: try Self.parseValueType(&cursor), isMutable: false)
    }
}
