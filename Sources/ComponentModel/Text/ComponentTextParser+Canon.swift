@_spi(Text) import WasmEngine

/// Canonical definitions (`canon lift`, `canon lower`, resource built-ins) in their
/// `(canon ...)` form and the `(func ... (canon lift ...))` / `(core func ... (canon ...))`
/// abbreviations, plus `func` and core item definitions by alias.
extension ComponentTextParser {
    /// `(canon lift ... (func $id? type))`, `(canon lower ... (core func $id?))` or
    /// `(canon resource.new|drop|rep idx (core func $id?))`.
    mutating func parseCanonDefinition() throws {
        let token = cursor.peek(1)
        try cursor.enterGroup("canon")
        let operatorToken = cursor.current
        guard let keyword = operatorToken.keyword else { throw cursor.unexpected() }
        cursor.advance()
        switch keyword {
        case "lift":
            let coreFunction = try parseReference(.core(.function))
            let options = try parseCanonOptions()
            let funcToken = cursor.peek(1)
            try cursor.enterGroup("func")
            let name = cursor.takeId()
            let type = try parseFunctionTypeUse(at: funcToken)
            try cursor.expectRightParen()
            try cursor.expectRightParen()
            try emit(.canonical(.lift(coreFunction: coreFunction, options: options, type: type)),
                     sort: .function, name: name, at: token)
        default:
            let canonical = try parseCoreCanon(keyword, at: operatorToken)
            guard cursor.atLeftParen, cursor.peek(1).keyword == "core", cursor.peek(2).keyword == "func" else {
                throw cursor.unexpected()
            }
            cursor.advance(); cursor.advance(); cursor.advance()
            let name = cursor.takeId()
            try cursor.expectRightParen()
            try cursor.expectRightParen()
            try emit(.canonical(canonical), sort: .core(.function), name: name, at: token)
        }
    }

    /// The operands of a canonical built-in that defines a core function (after its
    /// keyword): `lower` and the resource built-ins.
    private mutating func parseCoreCanon(_ keyword: String, at token: WatToken) throws -> CanonicalFunction {
        switch keyword {
        case "lower":
            let function = try parseReference(.function)
            return .lower(function: function, options: try parseCanonOptions())
        case "resource.new": return .resourceNew(resource: try parseReference(.type))
        case "resource.drop": return .resourceDrop(resource: try parseReference(.type))
        case "resource.rep": return .resourceRep(resource: try parseReference(.type))
        default:
            throw cursor.error("not supported: canon \(keyword) (async, threads and error-context are outside the synchronous model)", at: token)
        }
    }

    /// `(type idx)` or an inline function type (appended as a type definition).
    private mutating func parseFunctionTypeUse(at token: WatToken) throws -> UInt32 {
        if let index = try parseTypeUseIndex(.type) { return index }
        let type = try parseFunctionTypeBody()
        return try emitType(.function(type), name: nil, at: token)
    }

    /// `canonopt*`.
    mutating func parseCanonOptions() throws -> [CanonicalOption] {
        var options: [CanonicalOption] = []
        while true {
            let token = cursor.current
            if let atom = token.keyword {
                switch atom {
                case "string-encoding=utf8": options.append(.stringEncoding(.utf8))
                case "string-encoding=utf16": options.append(.stringEncoding(.utf16))
                case "string-encoding=latin1+utf16": options.append(.stringEncoding(.latin1OrUTF16))
                case "async": options.append(.async)
                default: throw cursor.error("unexpected token \(atom)", at: token)
                }
                cursor.advance()
                continue
            }
            guard cursor.atLeftParen, let keyword = cursor.peek(1).keyword else { return options }
            switch keyword {
            case "memory":
                cursor.advance(); cursor.advance()
                options.append(.memory(try parseReference(.core(.memory))))
            case "realloc":
                cursor.advance(); cursor.advance()
                options.append(.realloc(try parseReference(.core(.function))))
            case "post-return":
                cursor.advance(); cursor.advance()
                options.append(.postReturn(try parseReference(.core(.function))))
            case "callback":
                cursor.advance(); cursor.advance()
                options.append(.callback(try parseReference(.core(.function))))
            default:
                return options
            }
            try cursor.expectRightParen()
        }
    }

    /// `(func $id? (export "n")* type? (canon lift ...))` or `(func $id? (export "n")* (alias ...))`.
    mutating func parseFuncDefinition() throws {
        let token = cursor.peek(1)
        try cursor.enterGroup("func")
        let name = cursor.takeId()
        let exports = try parseInlineExportNames()
        if try parseInlineImport(.function, name: name, exports: exports, at: token) {
            try cursor.expectRightParen()
            return
        }
        let index: UInt32
        if cursor.atGroup("alias") {
            index = try parseAliasSugar(sort: .function, name: name, at: token)
        } else {
            let type = try parseFunctionTypeUse(at: token)
            guard cursor.atGroup("canon") else { throw cursor.unexpected() }
            cursor.advance(); cursor.advance()
            try cursor.expectKeyword("lift")
            let coreFunction = try parseReference(.core(.function))
            let options = try parseCanonOptions()
            try cursor.expectRightParen()
            index = try emit(.canonical(.lift(coreFunction: coreFunction, options: options, type: type)),
                             sort: .function, name: name, at: token)
        }
        try cursor.expectRightParen()
        try emitInlineExports(exports, sort: .function, index: index, at: token)
    }

    /// `(core func $id? (canon ...))` or `(core func|table|memory|global|tag $id? (alias ...))`.
    mutating func parseCoreItemDefinition() throws {
        let token = cursor.peek(2)
        cursor.advance(); cursor.advance()
        let sort = ComponentSort.core(try parseCoreSortKeyword())
        let name = cursor.takeId()
        if cursor.atGroup("alias") {
            _ = try parseAliasSugar(sort: sort, name: name, at: token)
        } else {
            guard sort == .core(.function), cursor.atGroup("canon") else { throw cursor.unexpected() }
            cursor.advance(); cursor.advance()
            let operatorToken = cursor.current
            guard let keyword = operatorToken.keyword else { throw cursor.unexpected() }
            cursor.advance()
            let canonical = try parseCoreCanon(keyword, at: operatorToken)
            try cursor.expectRightParen()
            try emit(.canonical(canonical), sort: sort, name: name, at: token)
        }
        try cursor.expectRightParen()
    }
}
