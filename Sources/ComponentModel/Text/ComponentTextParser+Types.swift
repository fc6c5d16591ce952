@_spi(Text) import WasmEngine

/// Value types, function types, resource types and `(type ...)` definitions.
extension ComponentTextParser {
    static let primitiveTypes: [String: PrimitiveValueType] = [
        "bool": .bool, "s8": .s8, "u8": .u8, "s16": .s16, "u16": .u16, "s32": .s32, "u32": .u32,
        "s64": .s64, "u64": .u64, "f32": .f32, "f64": .f64, "float32": .f32, "float64": .f64,
        "char": .char, "string": .string, "error-context": .errorContext,
    ]

    /// `(type $id? (export "n")* deftype)` or `(type $id? (alias ...))`.
    mutating func parseTypeDefinition() throws {
        let token = cursor.peek(1)
        try cursor.enterGroup("type")
        let name = cursor.takeId()
        let exports = scope.kind == .component ? try parseInlineExportNames() : []
        if scope.kind == .component, try parseInlineImport(.type, name: name, exports: exports, at: token) {
            try cursor.expectRightParen()
            return
        }
        let index: UInt32
        if cursor.atGroup("alias") {
            index = try parseAliasSugar(sort: .type, name: name, at: token)
        } else {
            let type = try parseDefinedType(scopeName: name)
            index = try emitType(type, name: name, at: token)
        }
        try cursor.expectRightParen()
        try emitInlineExports(exports, sort: .type, index: index, at: token)
    }

    /// `deftype`: a value type, `(func ...)`, `(component ...)`, `(instance ...)` or
    /// `(resource ...)`.
    mutating func parseDefinedType(scopeName: String?) throws -> ComponentTypeDefinition {
        if let keyword = cursor.current.keyword, let primitive = Self.primitiveTypes[keyword] {
            cursor.advance()
            return .value(.primitive(primitive))
        }
        guard cursor.atLeftParen, let keyword = cursor.peek(1).keyword else { throw cursor.unexpected() }
        switch keyword {
        case "func":
            cursor.advance(); cursor.advance()
            let type = try parseFunctionTypeBody()
            try cursor.expectRightParen()
            return .function(type)
        case "component":
            cursor.advance(); cursor.advance()
            let declarations = try parseTypeDeclarations(kind: .componentType, name: scopeName)
            try cursor.expectRightParen()
            return .component(declarations)
        case "instance":
            cursor.advance(); cursor.advance()
            let declarations = try parseTypeDeclarations(kind: .instanceType, name: scopeName)
            try cursor.expectRightParen()
            return .instance(try Self.instanceDeclarations(declarations, at: cursor))
        case "resource":
            return .resource(try parseResourceType())
        default:
            return .value(try parseDefinedValueType())
        }
    }

    /// Instance type declarations (a component type's, without imports).
    static func instanceDeclarations(_ declarations: [ComponentTypeDeclaration], at cursor: WatTokenCursor) throws -> [InstanceTypeDeclaration] {
        try declarations.map { declaration in
            guard case .instance(let inner) = declaration else { throw cursor.error("instance types cannot have imports") }
            return inner
        }
    }

    /// `(resource (rep i32) (dtor idx)?)`.
    mutating func parseResourceType() throws -> ResourceType {
        try cursor.enterGroup("resource")
        try cursor.enterGroup("rep")
        let representation = try WatModuleParser.parseValueType(&cursor)
        try cursor.expectRightParen()
        var destructor: UInt32?
        if cursor.atGroup("dtor") {
            cursor.advance(); cursor.advance()
            destructor = try parseReference(.core(.function))
            try cursor.expectRightParen()
        }
        try cursor.expectRightParen()
        return ResourceType(representation: representation, destructor: destructor)
    }

    /// `async? (param "label" valtype)* (result valtype)?` (after `func`).
    mutating func parseFunctionTypeBody() throws -> ComponentFunctionType {
        let isAsync = cursor.takeKeyword("async")
        var parameters: [LabeledValueType] = []
        while cursor.atGroup("param") {
            cursor.advance(); cursor.advance()
            let label = try cursor.expectName()
            parameters.append(LabeledValueType(label: label, type: try parseValueType()))
            try cursor.expectRightParen()
        }
        var result: ComponentValueType?
        if cursor.atGroup("result") {
            cursor.advance(); cursor.advance()
            result = try parseValueType()
            try cursor.expectRightParen()
        }
        if cursor.atGroup("param") || cursor.atGroup("result") {
            throw cursor.error("unexpected token (\(cursor.peek(1).text)")
        }
        return ComponentFunctionType(isAsync: isAsync, parameters: parameters, result: result)
    }

    /// `valtype`: a primitive, a type index, or an inline defined value type (which is
    /// appended as a type definition first).
    mutating func parseValueType() throws -> ComponentValueType {
        if let keyword = cursor.current.keyword, let primitive = Self.primitiveTypes[keyword] {
            cursor.advance()
            return .primitive(primitive)
        }
        if atIndex { return .index(try expectIndex(.type)) }
        let token = cursor.peek(1)
        guard cursor.atLeftParen else { throw cursor.unexpected() }
        if cursor.peek(1).keyword == "type" {
            // `(type idx)` as a value type.
            cursor.advance(); cursor.advance()
            let index = try expectIndex(.type)
            try cursor.expectRightParen()
            return .index(index)
        }
        let defined = try parseDefinedValueType()
        return .index(try emitType(.value(defined), name: nil, at: token))
    }

    /// An optional `valtype` (absent when the group ends or another group follows that
    /// is not a type).
    private mutating func parseOptionalValueType() throws -> ComponentValueType? {
        if cursor.atRightParen { return nil }
        return try parseValueType()
    }

    /// `defvaltype`: a primitive or one of the structural type groups.
    mutating func parseDefinedValueType() throws -> DefinedValueType {
        if let keyword = cursor.current.keyword, let primitive = Self.primitiveTypes[keyword] {
            cursor.advance()
            return .primitive(primitive)
        }
        guard cursor.atLeftParen, let keyword = cursor.peek(1).keyword else { throw cursor.unexpected() }
        let keywordToken = cursor.peek(1)
        cursor.advance(); cursor.advance()
        let type: DefinedValueType
        switch keyword {
        case "record":
            var fields: [LabeledValueType] = []
            while cursor.atGroup("field") {
                cursor.advance(); cursor.advance()
                let label = try cursor.expectName()
                fields.append(LabeledValueType(label: label, type: try parseValueType()))
                try cursor.expectRightParen()
            }
            type = .record(fields)
        case "variant":
            var cases: [VariantCase] = []
            while cursor.atGroup("case") {
                cursor.advance(); cursor.advance()
                _ = cursor.takeId()
                let label = try cursor.expectName()
                var payload: ComponentValueType?
                if !cursor.atRightParen && !cursor.atGroup("refines") { payload = try parseValueType() }
                if cursor.atGroup("refines") {
                    throw cursor.error("not supported: variant case refinements")
                }
                try cursor.expectRightParen()
                cases.append(VariantCase(label: label, payload: payload))
            }
            type = .variant(cases)
        case "list":
            let element = try parseValueType()
            if let length = try cursor.takeU32() {
                type = .fixedSizeList(element, length: length)
            } else {
                type = .list(element)
            }
        case "tuple":
            var elements: [ComponentValueType] = []
            while !cursor.atRightParen { elements.append(try parseValueType()) }
            type = .tuple(elements)
        case "flags", "enum":
            var labels: [String] = []
            while !cursor.atRightParen { labels.append(try cursor.expectName()) }
            type = keyword == "flags" ? .flags(labels) : .enum(labels)
        case "option":
            type = .option(try parseValueType())
        case "result":
            var ok: ComponentValueType?
            if !cursor.atRightParen && !cursor.atGroup("error") { ok = try parseValueType() }
            var error: ComponentValueType?
            if cursor.atGroup("error") {
                cursor.advance(); cursor.advance()
                error = try parseValueType()
                try cursor.expectRightParen()
            }
            type = .result(ok: ok, error: error)
        case "own":
            type = .own(resource: try expectIndex(.type))
        case "borrow":
            type = .borrow(resource: try expectIndex(.type))
        case "stream":
            type = .stream(try parseOptionalValueType())
        case "future":
            type = .future(try parseOptionalValueType())
        case "map":
            let key = try parseValueType()
            type = .map(key: key, value: try parseValueType())
        default:
            throw cursor.error("unexpected token \(keyword)", at: keywordToken)
        }
        try cursor.expectRightParen()
        return type
    }

    // MARK: - Component and instance type declarations

    /// Parses the declarations of a component or instance type in a new scope, up to
    /// the closing `)` (not consumed).
    mutating func parseTypeDeclarations(kind: ComponentTextScope.Kind, name: String?) throws -> [ComponentTypeDeclaration] {
        try enterScope(ComponentTextScope(kind: kind, name: name))
        defer { scopes.removeLast() }
        while !atEndOfFields {
            guard cursor.atLeftParen, let keyword = cursor.peek(1).keyword else { throw cursor.unexpected() }
            let token = cursor.peek(1)
            switch keyword {
            case "core":
                guard cursor.peek(2).keyword == "type" else { throw cursor.error("unexpected token \(cursor.peek(2).text)", at: cursor.peek(2)) }
                try parseCoreTypeDefinition()
            case "type": try parseTypeDefinition()
            case "alias": try parseAliasDefinition()
            case "export": try parseTypeExport()
            case "import":
                guard kind == .componentType else { throw cursor.error("unexpected token import", at: token) }
                try parseImport()
            default:
                throw cursor.error("unexpected token \(keyword)", at: token)
            }
        }
        return scope.declarations
    }
}
