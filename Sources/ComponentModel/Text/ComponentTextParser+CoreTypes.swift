@_spi(Text) import WasmEngine

/// Core types inside components: `(core type ...)`, core function types and core
/// module types with their declarations.
extension ComponentTextParser {
    /// `(core type $id? (func ...) | (module ...))`.
    mutating func parseCoreTypeDefinition() throws {
        let token = cursor.peek(2)
        cursor.advance(); cursor.advance(); cursor.advance()
        let name = cursor.takeId()
        let type: CoreType
        if cursor.atGroup("alias") {
            _ = try parseAliasSugar(sort: .core(.type), name: name, at: token)
            try cursor.expectRightParen()
            return
        }
        if cursor.atGroup("module") {
            cursor.advance(); cursor.advance()
            type = .module(try parseModuleTypeDeclarations(name: name))
            try cursor.expectRightParen()
        } else {
            type = try parseCoreDefinedType()
        }
        try cursor.expectRightParen()
        try emitCoreType(type, name: name, at: token)
    }

    /// `(func (param ...)* (result ...)*)`; the WebAssembly 3.0 `sub` and `rec` forms are
    /// not supported.
    mutating func parseCoreDefinedType() throws -> CoreType {
        guard cursor.atGroup("func") else {
            if cursor.atGroup("sub") || cursor.atGroup("rec") {
                throw cursor.error("not supported: core subtypes and recursion groups", at: cursor.peek(1))
            }
            throw cursor.unexpected()
        }
        cursor.advance(); cursor.advance()
        let type = try parseCoreFunctionSignature()
        try cursor.expectRightParen()
        return .function(type)
    }

    /// `(param $id? valtype*)* (result valtype*)*`.
    mutating func parseCoreFunctionSignature() throws -> FunctionType {
        var parameters: [ValueType] = []
        while cursor.atGroup("param") {
            cursor.advance(); cursor.advance()
            if cursor.takeId() != nil {
                parameters.append(try WatModuleParser.parseValueType(&cursor))
            } else {
                while !cursor.atRightParen { parameters.append(try WatModuleParser.parseValueType(&cursor)) }
            }
            try cursor.expectRightParen()
        }
        var results: [ValueType] = []
        while cursor.atGroup("result") {
            cursor.advance(); cursor.advance()
            while !cursor.atRightParen { results.append(try WatModuleParser.parseValueType(&cursor)) }
            try cursor.expectRightParen()
        }
        return FunctionType(parameters: parameters, results: results)
    }

    /// The declarations of a core module type, in a new scope, up to `)` (not consumed).
    mutating func parseModuleTypeDeclarations(name: String?) throws -> [CoreModuleDeclaration] {
        try enterScope(ComponentTextScope(kind: .moduleType, name: name))
        defer { scopes.removeLast() }
        while !atEndOfFields {
            guard cursor.atLeftParen, let keyword = cursor.peek(1).keyword else { throw cursor.unexpected() }
            let token = cursor.peek(1)
            switch keyword {
            case "type":
                cursor.advance(); cursor.advance()
                let typeName = cursor.takeId()
                let type = try parseCoreDefinedType()
                try cursor.expectRightParen()
                try emitCoreType(type, name: typeName, at: token)
            case "alias":
                try parseAliasDefinition()
            case "import":
                cursor.advance(); cursor.advance()
                let module = try cursor.expectName()
                let field = try cursor.expectName()
                let type = try parseCoreExternType()
                try cursor.expectRightParen()
                scope.moduleDeclarations.append(.import(module: module, name: field, type: type))
            case "export":
                cursor.advance(); cursor.advance()
                let field = try cursor.expectName()
                let type = try parseCoreExternType()
                try cursor.expectRightParen()
                scope.moduleDeclarations.append(.export(name: field, type: type))
            default:
                throw cursor.error("unexpected token \(keyword)", at: token)
            }
        }
        return scope.moduleDeclarations
    }

    /// `(func $id? typeuse)`, `(table $id? limits reftype)`, `(memory $id? limits)`,
    /// `(global $id? globaltype)` or `(tag $id? typeuse)` in a module type.
    private mutating func parseCoreExternType() throws -> CoreExternType {
        guard cursor.atLeftParen, let keyword = cursor.peek(1).keyword else { throw cursor.unexpected() }
        let token = cursor.peek(1)
        cursor.advance(); cursor.advance()
        _ = cursor.takeId()
        let type: CoreExternType
        switch keyword {
        case "func": type = .function(typeIndex: try parseCoreTypeUse(at: token))
        case "tag": type = .tag(typeIndex: try parseCoreTypeUse(at: token))
        case "table":
            let limits = try parseCoreLimits()
            type = .table(TableType(elementType: try WatModuleParser.parseReferenceType(&cursor), limits: limits))
        case "memory":
            let limits = try parseCoreLimits()
            let shared = cursor.takeKeyword("shared")
            type = .memory(MemoryType(limits: limits, isShared: shared))
        case "global":
            if cursor.atGroup("mut") {
                cursor.advance(); cursor.advance()
                let valueType = try WatModuleParser.parseValueType(&cursor)
                try cursor.expectRightParen()
                type = .global(GlobalType(valueType: valueType, isMutable: true))
            } else {
                type = .global(GlobalType(valueType: try WatModuleParser.parseValueType(&cursor), isMutable: false))
            }
        default:
            throw cursor.error("unexpected token \(keyword)", at: token)
        }
        try cursor.expectRightParen()
        return type
    }

    private mutating func parseCoreLimits() throws -> Limits {
        let min = try cursor.expectU32()
        let max = try cursor.takeU32()
        return Limits(min: UInt64(min), max: max.map(UInt64.init))
    }

    /// `(type idx)` or an inline signature, which reuses an equal function type declared
    /// earlier in the module type or declares a new one.
    private mutating func parseCoreTypeUse(at token: WatToken) throws -> UInt32 {
        if let index = try parseTypeUseIndex(.core(.type)) {
            if cursor.atGroup("param") || cursor.atGroup("result") { _ = try parseCoreFunctionSignature() }
            return index
        }
        let signature = try parseCoreFunctionSignature()
        var typeIndex: UInt32 = 0
        for declaration in scope.moduleDeclarations {
            switch declaration {
            case .type(.function(let existing)):
                if existing == signature { return typeIndex }
                typeIndex += 1
            case .type, .outerTypeAlias:
                typeIndex += 1
            default:
                break
            }
        }
        return try emitCoreType(.function(signature), name: nil, at: token)
    }
}
