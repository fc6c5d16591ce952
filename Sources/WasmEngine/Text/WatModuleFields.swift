/// The second pass over module fields: imports, functions, tables, memories, globals,
/// exports and segments, including the inline import/export and inline segment abbreviations.
extension WatModuleParser {
    /// Reads `(export "name")*` of a definition.
    mutating func parseInlineExports() throws -> [String] {
        var names: [String] = []
        while cursor.atGroup("export") {
            cursor.advance(); cursor.advance()
            names.append(try cursor.expectName())
            try cursor.expectRightParen()
        }
        return names
    }

    /// Reads an inline `(import "module" "name")`, if present.
    mutating func parseInlineImport() throws -> (module: String, name: String)? {
        guard cursor.atGroup("import") else { return nil }
        cursor.advance(); cursor.advance()
        let moduleName = try cursor.expectName()
        let name = try cursor.expectName()
        try cursor.expectRightParen()
        return (moduleName, name)
    }

    /// Reads `(import "m" "n" (func|table|memory|global $id? ...))`.
    mutating func parseImport() throws {
        try cursor.enterGroup("import")
        let moduleName = try cursor.expectName()
        let name = try cursor.expectName()
        guard cursor.atLeftParen, let kind = cursor.peek(1).keyword else { throw cursor.unexpected() }
        cursor.advance(); cursor.advance()
        let id = cursor.takeId()
        let descriptor: ImportDescriptor
        switch kind {
        case "func":
            let use = try parseTypeUse(allowNames: true)
            descriptor = .function(typeIndex: try resolveTypeIndex(use))
            if let id { functionNames[definedFunctions] = id }
            definedFunctions += 1
        case "table":
            descriptor = .table(try parseTableType())
            definedTables += 1
        case "memory":
            descriptor = .memory(MemoryType(limits: try parseLimits()))
            definedMemories += 1
        case "global":
            descriptor = .global(try parseGlobalType())
            definedGlobals += 1
        default:
            throw cursor.error("unexpected token \(kind)", at: cursor.peek(-1))
        }
        try cursor.expectRightParen()
        try cursor.expectRightParen()
        module.imports.append(Import(module: moduleName, name: name, descriptor: descriptor))
    }

    /// Reads `(func $id? (export ...)* (import ...)? typeuse (local ...)* instr*)`.
    mutating func parseFunction() throws {
        let token = cursor.peek(1)
        try cursor.enterGroup("func")
        let name = cursor.takeId()
        let index = definedFunctions
        definedFunctions += 1
        if let name { functionNames[index] = name }
        for export in try parseInlineExports() {
            module.exports.append(Export(name: export, descriptor: .function(index)))
        }
        let inlineImport = try parseInlineImport()
        let use = try parseTypeUse(allowNames: true)
        let typeIndex = try resolveTypeIndex(use)
        if let inlineImport {
            try cursor.expectRightParen()
            module.imports.append(Import(module: inlineImport.module, name: inlineImport.name, descriptor: .function(typeIndex: typeIndex)))
            return
        }
        module.functions.append(typeIndex)

        locals = WatIndexSpace(kind: "local")
        var names: [UInt32: String] = [:]
        for parameterName in signature(of: use, typeIndex: typeIndex).names {
            let localIndex = try locals.add(parameterName, at: token)
            if let parameterName { names[localIndex] = parameterName }
        }
        var localTypes: [ValueType] = []
        while cursor.atGroup("local") {
            cursor.advance(); cursor.advance()
            let localToken = cursor.current
            if let localName = cursor.takeId() {
                localTypes.append(try Self.parseValueType(&cursor))
                names[try locals.add(localName, at: localToken)] = localName
            } else {
                while !cursor.atRightParen {
                    localTypes.append(try Self.parseValueType(&cursor))
                    try locals.add(nil, at: localToken)
                }
            }
            try cursor.expectRightParen()
        }
        if !names.isEmpty { localNames[index] = names }

        labels = []
        var code: [Instruction] = []
        try parseInstructionSequence(into: &code)
        try cursor.expectRightParen()
        code.append(.end)
        module.code.append(FunctionBody(locals: localTypes, instructions: code,
                                        instructionOffsets: Array(repeating: 0, count: code.count), byteOffset: 0))
    }

    /// Reads `(table $id? (export ...)* (import ...)? tabletype)` or the
    /// `(table $id? (export ...)* reftype (elem ...))` abbreviation.
    mutating func parseTable() throws {
        try cursor.enterGroup("table")
        _ = cursor.takeId()
        let index = definedTables
        definedTables += 1
        for export in try parseInlineExports() {
            module.exports.append(Export(name: export, descriptor: .table(index)))
        }
        if let inlineImport = try parseInlineImport() {
            let type = try parseTableType()
            module.imports.append(Import(module: inlineImport.module, name: inlineImport.name, descriptor: .table(type)))
        } else if isInlineElementAbbreviation() {
            let elementType = try Self.parseReferenceType(&cursor)
            try cursor.enterGroup("elem")
            let initializers: [ConstantExpression]
            if cursor.atLeftParen {
                initializers = try parseElementExpressions()
            } else {
                initializers = try parseFunctionIndexList()
            }
            try cursor.expectRightParen()
            let count = UInt64(initializers.count)
            module.tables.append(TableType(elementType: elementType, limits: Limits(min: count, max: count)))
            module.elements.append(ElementSegment(type: elementType, initializers: initializers,
                                                  mode: .active(table: index, offset: ConstantExpression([.i32Const(0)]))))
        } else {
            module.tables.append(try parseTableType())
        }
        try cursor.expectRightParen()
    }

    /// Reads `(memory $id? (export ...)* (import ...)? limits)` or the
    /// `(memory $id? (export ...)* (data "..."*))` abbreviation.
    mutating func parseMemory() throws {
        try cursor.enterGroup("memory")
        _ = cursor.takeId()
        let index = definedMemories
        definedMemories += 1
        for export in try parseInlineExports() {
            module.exports.append(Export(name: export, descriptor: .memory(index)))
        }
        if let inlineImport = try parseInlineImport() {
            let limits = try parseLimits()
            module.imports.append(Import(module: inlineImport.module, name: inlineImport.name, descriptor: .memory(MemoryType(limits: limits))))
        } else if cursor.atGroup("data") {
            cursor.advance(); cursor.advance()
            var bytes: [UInt8] = []
            while let string = cursor.takeString() { bytes += string }
            try cursor.expectRightParen()
            let pages = (UInt64(bytes.count) + 65535) / 65536
            module.memories.append(MemoryType(limits: Limits(min: pages, max: pages)))
            module.data.append(DataSegment(bytes: bytes, mode: .active(memory: index, offset: ConstantExpression([.i32Const(0)]))))
        } else {
            module.memories.append(MemoryType(limits: try parseLimits()))
        }
        try cursor.expectRightParen()
    }

    /// Reads `(global $id? (export ...)* (import ...)? globaltype expr)`.
    mutating func parseGlobal() throws {
        try cursor.enterGroup("global")
        _ = cursor.takeId()
        let index = definedGlobals
        definedGlobals += 1
        for export in try parseInlineExports() {
            module.exports.append(Export(name: export, descriptor: .global(index)))
        }
        if let inlineImport = try parseInlineImport() {
            let type = try parseGlobalType()
            module.imports.append(Import(module: inlineImport.module, name: inlineImport.name, descriptor: .global(type)))
        } else {
            let type = try parseGlobalType()
            module.globals.append(Global(type: type, initializer: try parseConstantExpression()))
        }
        try cursor.expectRightParen()
    }

    /// Reads `(export "name" (func|table|memory|global x))`.
    mutating func parseExport() throws {
        try cursor.enterGroup("export")
        let name = try cursor.expectName()
        guard cursor.atLeftParen, let kind = cursor.peek(1).keyword else { throw cursor.unexpected() }
        cursor.advance(); cursor.advance()
        let descriptor: ExportDescriptor
        switch kind {
        case "func": descriptor = .function(try expectIndex(in: functions))
        case "table": descriptor = .table(try expectIndex(in: tables))
        case "memory": descriptor = .memory(try expectIndex(in: memories))
        case "global": descriptor = .global(try expectIndex(in: globals))
        default: throw cursor.error("unexpected token \(kind)", at: cursor.peek(-1))
        }
        try cursor.expectRightParen()
        try cursor.expectRightParen()
        module.exports.append(Export(name: name, descriptor: descriptor))
    }

    /// Reads instructions up to the closing parenthesis as a constant expression
    /// (whether they are constant is the validator's business).
    mutating func parseConstantExpression() throws -> ConstantExpression {
        locals = WatIndexSpace(kind: "local")
        labels = []
        var code: [Instruction] = []
        try parseInstructionSequence(into: &code)
        return ConstantExpression(code)
    }

    /// Reads a segment offset: `(offset instr*)` or one folded instruction.
    mutating func parseOffset() throws -> ConstantExpression {
        if cursor.atGroup("offset") {
            cursor.advance(); cursor.advance()
            let expression = try parseConstantExpression()
            try cursor.expectRightParen()
            return expression
        }
        guard cursor.atLeftParen else { throw cursor.unexpected() }
        locals = WatIndexSpace(kind: "local")
        labels = []
        var code: [Instruction] = []
        try parseFoldedInstruction(into: &code)
        return ConstantExpression(code)
    }

    /// Reads function indices, each becoming a `ref.func` initializer.
    mutating func parseFunctionIndexList() throws -> [ConstantExpression] {
        var initializers: [ConstantExpression] = []
        while !cursor.atRightParen {
            initializers.append(ConstantExpression([.refFunc(functionIndex: try expectIndex(in: functions))]))
        }
        return initializers
    }

    /// Reads element expressions: `(item instr*)` or one folded instruction each.
    mutating func parseElementExpressions() throws -> [ConstantExpression] {
        var initializers: [ConstantExpression] = []
        while !cursor.atRightParen {
            if cursor.atGroup("item") {
                cursor.advance(); cursor.advance()
                initializers.append(try parseConstantExpression())
                try cursor.expectRightParen()
            } else {
                guard cursor.atLeftParen else { throw cursor.unexpected() }
                locals = WatIndexSpace(kind: "local")
                labels = []
                var code: [Instruction] = []
                try parseFoldedInstruction(into: &code)
                initializers.append(ConstantExpression(code))
            }
        }
        return initializers
    }

    /// Reads `(elem $id? mode elemlist)` in all of Wasm 2.0's forms.
    mutating func parseElementSegment() throws {
        try cursor.enterGroup("elem")
        _ = cursor.takeId()
        let mode: ElementMode
        var allowsBareFunctionIndices = false
        if cursor.takeKeyword("declare") {
            mode = .declarative
        } else if cursor.atGroup("table") {
            cursor.advance(); cursor.advance()
            let table = try expectIndex(in: tables)
            try cursor.expectRightParen()
            mode = .active(table: table, offset: try parseOffset())
        } else if cursor.atLeftParen && !cursor.atGroup("ref") {
            mode = .active(table: 0, offset: try parseOffset())
            allowsBareFunctionIndices = true
        } else {
            mode = .passive
        }
        var type = ValueType.funcref
        let initializers: [ConstantExpression]
        if cursor.takeKeyword("func") {
            initializers = try parseFunctionIndexList()
        } else if allowsBareFunctionIndices && (atIndex || cursor.atRightParen) {
            initializers = try parseFunctionIndexList()
        } else {
            type = try Self.parseReferenceType(&cursor)
            initializers = try parseElementExpressions()
        }
        try cursor.expectRightParen()
        module.elements.append(ElementSegment(type: type, initializers: initializers, mode: mode))
    }

    /// Reads `(data $id? ((memory x)? offset)? "bytes"*)`.
    mutating func parseDataSegment() throws {
        try cursor.enterGroup("data")
        _ = cursor.takeId()
        let mode: DataMode
        if cursor.atGroup("memory") {
            cursor.advance(); cursor.advance()
            let memory = try expectIndex(in: memories)
            try cursor.expectRightParen()
            mode = .active(memory: memory, offset: try parseOffset())
        } else if cursor.atLeftParen {
            mode = .active(memory: 0, offset: try parseOffset())
        } else {
            mode = .passive
        }
        var bytes: [UInt8] = []
        while let string = cursor.takeString() { bytes += string }
        try cursor.expectRightParen()
        module.data.append(DataSegment(bytes: bytes, mode: mode))
    }
}
