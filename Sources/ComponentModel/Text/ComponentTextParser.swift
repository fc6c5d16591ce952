@_spi(Text) import WasmEngine

/// Reads the fields of a text-format component into `ComponentTextItem`s, resolving
/// `$ids` per index space as it goes.
///
/// One pass, in text order: every definition gets its index when it is appended, and
/// the abbreviations (inline types, inline alias references such as `(func $i "f")`,
/// inline instances, implicit outer aliases, inline exports) append their expansions
/// right before (or, for inline exports, right after) the definition that uses them, as
/// `Explainer.md` prescribes. Names must therefore be defined before use; the binary's
/// index rules make a forward reference invalid anyway.
struct ComponentTextParser {
    var cursor: WatTokenCursor
    /// Enclosing scopes, innermost last; never empty while parsing.
    var scopes: [ComponentTextScope]

    init(cursor: WatTokenCursor) {
        self.cursor = cursor
        scopes = []
    }

    /// The deepest nesting of components and component, instance and module types
    /// accepted: parsing recurses per level, and deeper text would overflow the native
    /// stack (real components nest a handful of levels).
    static let maximumScopeDepth = 100

    /// Opens a nested scope, refusing to nest deeper than `maximumScopeDepth`.
    mutating func enterScope(_ newScope: ComponentTextScope) throws {
        guard scopes.count < Self.maximumScopeDepth else {
            throw cursor.error("components and types nest more than \(Self.maximumScopeDepth) levels deep")
        }
        scopes.append(newScope)
    }

    var scope: ComponentTextScope {
        get { scopes[scopes.count - 1] }
        set { scopes[scopes.count - 1] = newValue }
    }

    var atEndOfFields: Bool { cursor.atRightParen || cursor.atEnd }

    // MARK: - Entry

    /// Parses component fields up to the closing `)` (not consumed) as the body of a
    /// component named `name` and returns its definitions.
    mutating func parseComponentBody(name: String?) throws -> [ComponentTextItem] {
        try enterScope(ComponentTextScope(kind: .component, name: name))
        defer { scopes.removeLast() }
        while !atEndOfFields {
            try parseComponentField()
        }
        return scope.items
    }

    // MARK: - Emitting definitions

    /// Appends a component definition that adds to `sort` (nil: to no index space) and
    /// binds `name`; returns the new index.
    @discardableResult
    mutating func emit(_ definition: ComponentDefinition, sort: ComponentSort?, name: String?, at token: WatToken) throws -> UInt32 {
        guard scope.kind == .component else {
            throw cursor.error("unexpected \(ComponentTextScope.sortName(sort ?? .type)) definition in a type", at: token)
        }
        scope.items.append(.definition(definition))
        guard let sort else { return 0 }
        return try scope.define(sort, name: name, at: token)
    }

    /// Appends a type definition (or declaration, in a type scope).
    @discardableResult
    mutating func emitType(_ type: ComponentTypeDefinition, name: String?, at token: WatToken) throws -> UInt32 {
        switch scope.kind {
        case .component: scope.items.append(.definition(.type(type)))
        case .componentType, .instanceType: scope.declarations.append(.instance(.type(type)))
        case .moduleType: throw cursor.error("component types are not allowed in a core module type", at: token)
        }
        return try scope.define(.type, name: name, at: token)
    }

    /// Appends a core type definition (or declaration).
    @discardableResult
    mutating func emitCoreType(_ type: CoreType, name: String?, at token: WatToken) throws -> UInt32 {
        switch scope.kind {
        case .component: scope.items.append(.definition(.coreType(type)))
        case .componentType, .instanceType: scope.declarations.append(.instance(.coreType(type)))
        case .moduleType: scope.moduleDeclarations.append(.type(type))
        }
        return try scope.define(.core(.type), name: name, at: token)
    }

    /// Appends an alias definition (or declaration).
    @discardableResult
    mutating func emitAlias(_ alias: Alias, name: String?, at token: WatToken) throws -> UInt32 {
        switch scope.kind {
        case .component: scope.items.append(.definition(.alias(alias)))
        case .componentType, .instanceType: scope.declarations.append(.instance(.alias(alias)))
        case .moduleType:
            guard alias.sort == .core(.type), case .outer(let count, let index) = alias.target else {
                throw cursor.error("only outer core type aliases are allowed in a core module type", at: token)
            }
            scope.moduleDeclarations.append(.outerTypeAlias(count: count, index: index))
        }
        return try scope.define(alias.sort, name: name, at: token)
    }

    /// Appends `(export "name" (sort index))` for each inline export of a definition.
    mutating func emitInlineExports(_ exports: [ExternName], sort: ComponentSort, index: UInt32, at token: WatToken) throws {
        for name in exports {
            try emit(.export(ComponentExport(name: name, target: ComponentSortIndex(sort: sort, index: index))),
                     sort: sort, name: nil, at: token)
        }
    }

    // MARK: - Fields

    private mutating func parseComponentField() throws {
        guard cursor.atLeftParen, let keyword = cursor.peek(1).keyword else { throw cursor.unexpected() }
        let token = cursor.peek(1)
        switch keyword {
        case "core":
            guard let coreKeyword = cursor.peek(2).keyword else { throw cursor.error("unexpected token \(cursor.peek(2).text)", at: cursor.peek(2)) }
            switch coreKeyword {
            case "module": try parseCoreModule()
            case "instance": try parseCoreInstance()
            case "type": try parseCoreTypeDefinition()
            case "func", "table", "memory", "global", "tag": try parseCoreItemDefinition()
            default: throw cursor.error("unexpected token \(coreKeyword)", at: cursor.peek(2))
            }
        case "component": try parseNestedComponent()
        case "instance": try parseInstance()
        case "alias": try parseAliasDefinition()
        case "type": try parseTypeDefinition()
        case "canon": try parseCanonDefinition()
        case "func": try parseFuncDefinition()
        case "import": try parseImport()
        case "export": try parseExport()
        case "start", "value":
            throw cursor.error("not supported: component values and start functions (🪙)", at: token)
        default:
            throw cursor.error("unexpected token \(keyword)", at: token)
        }
    }

    /// Reads `(export "name")*` abbreviations on a definition: an export with a name and
    /// optional attributes but no item.
    mutating func parseInlineExportNames() throws -> [ExternName] {
        var names: [ExternName] = []
        while cursor.atGroup("export") && isNameOnlyGroup() {
            cursor.advance(); cursor.advance()
            names.append(try parseExternName())
            try cursor.expectRightParen()
        }
        return names
    }

    /// Whether the `(export` or `(import` group at the cursor holds only a name and name
    /// attributes, no item: the inline abbreviation on a definition.
    func isNameOnlyGroup() -> Bool {
        var probe = cursor
        probe.advance(); probe.advance()
        guard probe.takeString() != nil else { return false }
        while probe.atGroup("implements") || probe.atGroup("external-id") || probe.atGroup("versionsuffix") {
            guard (try? probe.skipItem()) != nil else { return false }
        }
        return probe.atRightParen
    }

    /// `(core module $id? (export "n")* binary|quote|fields)`.
    private mutating func parseCoreModule() throws {
        let token = cursor.peek(2)
        cursor.advance(); cursor.advance(); cursor.advance()
        let name = cursor.takeId()
        let exports = try parseInlineExportNames()
        if try parseInlineImport(.core(.module), name: name, exports: exports, at: token) {
            try cursor.expectRightParen()
            return
        }
        let bytes = try WAT.encodeModuleBody(&cursor)
        try cursor.expectRightParen()
        guard scope.kind == .component else { throw cursor.error("unexpected core module in a type", at: token) }
        scope.items.append(.coreModule(bytes))
        let index = try scope.define(.core(.module), name: name, at: token)
        try emitInlineExports(exports, sort: .core(.module), index: index, at: token)
    }

    /// `(component $id? (export "n")* fields)` or `(component $id? binary ...)`.
    private mutating func parseNestedComponent() throws {
        let token = cursor.peek(1)
        try cursor.enterGroup("component")
        let name = cursor.takeId()
        let exports = try parseInlineExportNames()
        if try parseInlineImport(.component, name: name, exports: exports, at: token) {
            try cursor.expectRightParen()
            return
        }
        let item: ComponentTextItem
        if cursor.current.keyword == "binary" || cursor.current.keyword == "quote" {
            item = .componentBytes(try ComponentWAT.encodeBody(&cursor, name: name))
        } else {
            item = .component(try parseComponentBody(name: name))
        }
        try cursor.expectRightParen()
        guard scope.kind == .component else { throw cursor.error("unexpected component in a type", at: token) }
        scope.items.append(item)
        let index = try scope.define(.component, name: name, at: token)
        try emitInlineExports(exports, sort: .component, index: index, at: token)
    }

    /// `(core instance $id? (instantiate $m (with "n" (instance ...))*))` or
    /// `(core instance $id? (export "n" (core-sort idx))*)`.
    private mutating func parseCoreInstance() throws {
        let token = cursor.peek(2)
        cursor.advance(); cursor.advance(); cursor.advance()
        let name = cursor.takeId()
        let instance = try parseCoreInstanceBody()
        try cursor.expectRightParen()
        try emit(.coreInstance(instance), sort: .core(.instance), name: name, at: token)
    }

    /// The body of a core instance definition (also of an inline `(instance ...)`).
    private mutating func parseCoreInstanceBody() throws -> CoreInstance {
        if cursor.atGroup("instantiate") {
            cursor.advance(); cursor.advance()
            let module = try parseReference(.core(.module))
            var arguments: [CoreInstantiateArgument] = []
            while cursor.atGroup("with") {
                cursor.advance(); cursor.advance()
                let argumentName = try cursor.expectName()
                let instance: UInt32
                if cursor.atGroup("instance") && !isIndexGroup() {
                    // An inline core instance made of exports.
                    let inlineToken = cursor.peek(1)
                    cursor.advance(); cursor.advance()
                    let inline = try parseCoreInstanceBody()
                    try cursor.expectRightParen()
                    instance = try emit(.coreInstance(inline), sort: .core(.instance), name: nil, at: inlineToken)
                } else {
                    instance = try parseReference(.core(.instance))
                }
                try cursor.expectRightParen()
                arguments.append(CoreInstantiateArgument(name: argumentName, instance: instance))
            }
            try cursor.expectRightParen()
            return .instantiate(module: module, arguments: arguments)
        }
        var exports: [CoreInlineExport] = []
        while cursor.atGroup("export") {
            cursor.advance(); cursor.advance()
            let exportName = try cursor.expectName()
            let target = try parseCoreSortReference()
            try cursor.expectRightParen()
            exports.append(CoreInlineExport(name: exportName, target: target))
        }
        return .fromExports(exports)
    }

    /// `(instance $id? (export "n")* (instantiate $c (with "n" sortidx)*))` or
    /// `(instance $id? (export "n" sortidx)*)`, or an imported instance `(import "n") type`.
    private mutating func parseInstance() throws {
        let token = cursor.peek(1)
        try cursor.enterGroup("instance")
        let name = cursor.takeId()
        let exports = try parseInlineExportNames()
        if try parseInlineImport(.instance, name: name, exports: exports, at: token) {
            try cursor.expectRightParen()
            return
        }
        if cursor.atGroup("alias") {
            let index = try parseAliasSugar(sort: .instance, name: name, at: token)
            try cursor.expectRightParen()
            try emitInlineExports(exports, sort: .instance, index: index, at: token)
            return
        }
        let instance = try parseInstanceBody()
        try cursor.expectRightParen()
        let index = try emit(.instance(instance), sort: .instance, name: name, at: token)
        try emitInlineExports(exports, sort: .instance, index: index, at: token)
    }

    /// The body of a component instance definition (also of an inline `(instance ...)`).
    private mutating func parseInstanceBody() throws -> ComponentInstanceDefinition {
        if cursor.atGroup("instantiate") {
            cursor.advance(); cursor.advance()
            let component = try parseReference(.component)
            var arguments: [InstantiateArgument] = []
            while cursor.atGroup("with") {
                cursor.advance(); cursor.advance()
                let argumentName = try cursor.expectName()
                let target: ComponentSortIndex
                if cursor.atGroup("instance") && !isIndexGroup() {
                    let inlineToken = cursor.peek(1)
                    cursor.advance(); cursor.advance()
                    let inline = try parseInstanceBody()
                    try cursor.expectRightParen()
                    let index = try emit(.instance(inline), sort: .instance, name: nil, at: inlineToken)
                    target = ComponentSortIndex(sort: .instance, index: index)
                } else {
                    target = try parseSortReference()
                }
                try cursor.expectRightParen()
                arguments.append(InstantiateArgument(name: argumentName, target: target))
            }
            try cursor.expectRightParen()
            return .instantiate(component: component, arguments: arguments)
        }
        var exports: [InlineExport] = []
        while cursor.atGroup("export") {
            cursor.advance(); cursor.advance()
            let exportName = try parseExternName()
            let target = try parseSortReference()
            try cursor.expectRightParen()
            exports.append(InlineExport(name: exportName, target: target))
        }
        return .fromExports(exports)
    }

    /// Whether the group at the cursor (e.g. `(instance ...)`) holds a reference (an
    /// index, possibly followed by export names) rather than an inline definition.
    func isIndexGroup() -> Bool {
        var offset = 2
        if cursor.peek(1).keyword == "core" { offset = 3 }
        switch cursor.peek(offset).kind {
        case .id: return true
        case .atom(let text): return text.utf8.first.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
        default: return false
        }
    }
}
