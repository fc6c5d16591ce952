/// Compiles the fields of one text-format module into a `Module`.
///
/// Works in two passes over the tokens, because fields may refer to `$names` defined
/// further down. The first pass (`bindNames`) binds every field's name in its index space,
/// records explicit `(type ...)` definitions and checks field order; the second
/// (`parseFields`) reads every field fully, in text order, resolving names as it goes. Implicit
/// function types (type uses without a matching `(type ...)`) are appended to the type
/// section in order of first use during the second pass, as the spec prescribes.
///
/// The parser checks only what the text format itself requires; type errors and out-of-range
/// numeric indices are left for the validator, so `assert_invalid` modules still encode.
@_spi(Text) public struct WatModuleParser {
    var cursor: WatTokenCursor
    var module = Module()

    var types = WatIndexSpace(kind: "type")
    var functions = WatIndexSpace(kind: "function", keyword: "func")
    var tables = WatIndexSpace(kind: "table")
    var memories = WatIndexSpace(kind: "memory")
    var globals = WatIndexSpace(kind: "global")
    var elements = WatIndexSpace(kind: "elem segment", keyword: "elem")
    var dataSegments = WatIndexSpace(kind: "data segment", keyword: "data")

    /// Per-function state while a body is parsed.
    var locals = WatIndexSpace(kind: "local")
    /// Enclosing block labels, innermost last (nil for unnamed blocks).
    var labels: [String?] = []
    /// How deeply the instruction being parsed is nested in folded instructions (parsing
    /// recurses per level).
    var nestingDepth = 0
    /// The deepest nesting accepted: deeper text is refused with an error instead of
    /// overflowing the native stack (hand-written code nests a few dozen levels).
    static let maximumNestingDepth = 1_000

    /// Entities defined so far in the second pass (imports included), to give inline
    /// exports and abbreviated segments their indices.
    var definedFunctions: UInt32 = 0
    var definedTables: UInt32 = 0
    var definedMemories: UInt32 = 0
    var definedGlobals: UInt32 = 0
    /// Function names for the `name` section.
    var functionNames: [UInt32: String] = [:]
    var localNames: [UInt32: [UInt32: String]] = [:]

    /// `cursor` must be at the first field; parsing stops at the `)` closing the module
    /// (not consumed) or at the end of input.
    init(cursor: WatTokenCursor) {
        self.cursor = cursor
    }

    /// Parses the module fields and returns the module.
    mutating func parse() throws -> Module {
        let start = cursor.index
        try bindNames()
        cursor.index = start
        try parseFields()
        if !functionNames.isEmpty || !localNames.isEmpty {
            module.names = NameSection(functionNames: functionNames, localNames: localNames)
        }
        return module
    }

    private var atEndOfFields: Bool { cursor.atRightParen || cursor.atEnd }

    // MARK: - First pass

    /// Binds names of all fields, collects explicit types and rejects imports that follow
    /// definitions of functions, tables, memories or globals.
    private mutating func bindNames() throws {
        var lastDefinition: String?
        while !atEndOfFields {
            guard cursor.atLeftParen, let keyword = cursor.peek(1).keyword else { throw cursor.unexpected() }
            let fieldStart = cursor.index
            let fieldToken = cursor.peek(1)
            switch keyword {
            case "type":
                try parseTypeDefinition()
                continue
            case "import":
                cursor.advance(); cursor.advance()
                _ = try cursor.expectName()
                _ = try cursor.expectName()
                guard cursor.atLeftParen, let kind = cursor.peek(1).keyword else { throw cursor.unexpected() }
                let kindToken = cursor.peek(1)
                cursor.advance(); cursor.advance()
                if let lastDefinition { throw cursor.error("import after \(lastDefinition)", at: fieldToken) }
                try bind(cursor.takeId(), kind: kind, at: kindToken)
            case "func", "table", "memory", "global":
                cursor.advance(); cursor.advance()
                let name = cursor.takeId()
                while cursor.atGroup("export") { try cursor.skipItem() }
                if cursor.atGroup("import") {
                    if let lastDefinition { throw cursor.error("import after \(lastDefinition)", at: fieldToken) }
                } else {
                    lastDefinition = ["func": "function", "table": "table", "memory": "memory", "global": "global"][keyword]
                    if keyword == "table" && isInlineElementAbbreviation() {
                        try elements.add(nil, at: fieldToken)
                    }
                    if keyword == "memory" && cursor.atGroup("data") {
                        try dataSegments.add(nil, at: fieldToken)
                    }
                }
                try bind(name, kind: keyword, at: fieldToken)
            case "elem":
                cursor.advance(); cursor.advance()
                try elements.add(cursor.takeId(), at: fieldToken)
            case "data":
                cursor.advance(); cursor.advance()
                try dataSegments.add(cursor.takeId(), at: fieldToken)
            case "export", "start":
                break
            default:
                throw cursor.error("unknown module field \(keyword)", at: fieldToken)
            }
            cursor.index = fieldStart
            try cursor.skipItem()
        }
    }

    /// Binds the next entry of the index space of a field or import kind.
    private mutating func bind(_ name: String?, kind: String, at token: WatToken) throws {
        switch kind {
        case "func": try functions.add(name, at: token)
        case "table": try tables.add(name, at: token)
        case "memory": try memories.add(name, at: token)
        case "global": try globals.add(name, at: token)
        default: throw cursor.error("unexpected token \(kind)", at: token)
        }
    }

    /// Whether a table definition (cursor after its name and exports) is the
    /// `reftype (elem ...)` abbreviation.
    func isInlineElementAbbreviation() -> Bool {
        var probe = cursor
        guard (try? Self.parseReferenceType(&probe)) != nil else { return false }
        return probe.atGroup("elem")
    }

    // MARK: - Second pass

    private mutating func parseFields() throws {
        var sawStart = false
        while !atEndOfFields {
            guard cursor.atLeftParen, let keyword = cursor.peek(1).keyword else { throw cursor.unexpected() }
            switch keyword {
            case "type": try cursor.skipItem()
            case "import": try parseImport()
            case "func": try parseFunction()
            case "table": try parseTable()
            case "memory": try parseMemory()
            case "global": try parseGlobal()
            case "export": try parseExport()
            case "start":
                if sawStart { throw cursor.error("multiple start sections", at: cursor.peek(1)) }
                sawStart = true
                try cursor.enterGroup("start")
                module.start = try expectIndex(in: functions)
                try cursor.expectRightParen()
            case "elem": try parseElementSegment()
            case "data": try parseDataSegment()
            default: throw cursor.error("unknown module field \(keyword)", at: cursor.peek(1))
            }
        }
    }

    // MARK: - Indices

    /// Reads a number or `$name` from `space`.
    mutating func expectIndex(in space: WatIndexSpace) throws -> UInt32 {
        guard let index = try space.resolve(cursor.current) else { throw cursor.unexpected() }
        cursor.advance()
        return index
    }

    /// Reads an index if the next token is a number or `$name`.
    mutating func takeIndex(in space: WatIndexSpace) throws -> UInt32? {
        guard let index = try space.resolve(cursor.current) else { return nil }
        cursor.advance()
        return index
    }

    /// Whether the current token could be an index (a number or an id).
    var atIndex: Bool {
        switch cursor.current.kind {
        case .id: return true
        case .atom(let text): return text.utf8.first.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
        default: return false
        }
    }
}
