@_spi(Text) import WasmEngine

/// Indices, sort keywords, references with inline aliases (`(func $i "f")`), alias
/// definitions and implicit outer aliases.
extension ComponentTextParser {
    /// Whether the current token could be an index (a number or an id).
    var atIndex: Bool {
        switch cursor.current.kind {
        case .id: return true
        case .atom(let text): return text.utf8.first.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
        default: return false
        }
    }

    /// Reads a bare index (a number or `$id`) in `sort`'s space.
    mutating func expectIndex(_ sort: ComponentSort) throws -> UInt32 {
        let token = cursor.current
        switch token.kind {
        case .id(let name):
            cursor.advance()
            return try resolve(name, in: sort, at: token)
        case .atom:
            guard let value = try cursor.takeU32() else { throw cursor.unexpected() }
            return value
        default:
            throw cursor.unexpected()
        }
    }

    /// Looks `name` up in `sort`'s space of this scope, then of enclosing scopes; a hit
    /// outside is brought in with an implicit `alias outer` (for the sorts that allow it).
    mutating func resolve(_ name: String, in sort: ComponentSort, at token: WatToken) throws -> UInt32 {
        for depth in 0..<scopes.count {
            guard let index = scopes[scopes.count - 1 - depth].lookup(name, in: sort) else { continue }
            if depth == 0 { return index }
            guard ComponentTextScope.isOuterAliasable(sort) else {
                throw cursor.error("outer item `\(name)` is not a module, type, or component", at: token)
            }
            return try emitAlias(Alias(sort: sort, target: .outer(count: UInt32(depth), index: index)), name: nil, at: token)
        }
        throw cursor.error("unknown \(ComponentTextScope.sortName(sort)) $\(name)", at: token)
    }

    /// Reads a sort keyword: `func`, `value`, `type`, `component`, `instance`, or `core`
    /// followed by a core sort. With `coreImplied`, a bare core sort keyword is a core sort.
    mutating func parseSort(coreImplied: Bool = false) throws -> ComponentSort {
        let token = cursor.current
        guard let keyword = token.keyword else { throw cursor.unexpected() }
        cursor.advance()
        if keyword == "core" {
            return .core(try parseCoreSortKeyword())
        }
        if coreImplied {
            cursor.index -= 1
            return .core(try parseCoreSortKeyword())
        }
        switch keyword {
        case "func": return .function
        case "value": return .value
        case "type": return .type
        case "component": return .component
        case "instance": return .instance
        default: throw cursor.error("unexpected token \(keyword)", at: token)
        }
    }

    /// `func`, `table`, `memory`, `global`, `tag`, `type`, `module` or `instance`.
    mutating func parseCoreSortKeyword() throws -> CoreSort {
        let token = cursor.current
        guard let keyword = token.keyword else { throw cursor.unexpected() }
        let sorts: [String: CoreSort] = [
            "func": .function, "table": .table, "memory": .memory, "global": .global,
            "tag": .tag, "type": .type, "module": .module, "instance": .instance,
        ]
        guard let sort = sorts[keyword] else { throw cursor.error("unexpected token \(keyword)", at: token) }
        cursor.advance()
        return sort
    }

    /// Reads an index of `sort`: bare, or as a group `(sort idx "export"*)`, where export
    /// names make inline aliases (the group's `core` prefix is optional for core sorts).
    mutating func parseReference(_ sort: ComponentSort) throws -> UInt32 {
        guard cursor.atLeftParen else { return try expectIndex(sort) }
        let token = cursor.peek(1)
        cursor.advance()
        var written: ComponentSort
        if case .core = sort {
            written = try parseSort(coreImplied: cursor.current.keyword != "core")
        } else {
            written = try parseSort()
        }
        guard written == sort else {
            throw cursor.error("expected a \(ComponentTextScope.sortName(sort)) reference", at: token)
        }
        written = sort
        let index = try parseReferenceTail(written, at: token)
        try cursor.expectRightParen()
        return index
    }

    /// `(sort idx "export"*)` in a position that names its sort (exports, `with`).
    mutating func parseSortReference() throws -> ComponentSortIndex {
        let token = cursor.peek(1)
        try cursor.expectLeftParen()
        let sort = try parseSort()
        let index = try parseReferenceTail(sort, at: token)
        try cursor.expectRightParen()
        return ComponentSortIndex(sort: sort, index: index)
    }

    /// `(core-sort idx "export"?)` inside a core instance (no `core` prefix).
    mutating func parseCoreSortReference() throws -> CoreSortIndex {
        let token = cursor.peek(1)
        try cursor.expectLeftParen()
        let sort = try parseSort(coreImplied: cursor.current.keyword != "core")
        guard case .core(let core) = sort else { throw cursor.unexpected() }
        let index = try parseReferenceTail(sort, at: token)
        try cursor.expectRightParen()
        return CoreSortIndex(sort: core, index: index)
    }

    /// After a reference's sort keyword: an index, or an instance index followed by
    /// export names, each of which becomes an `alias export` (the last one of `sort`).
    mutating func parseReferenceTail(_ sort: ComponentSort, at token: WatToken) throws -> UInt32 {
        guard case .string = cursor.peek(1).kind else { return try expectIndex(sort) }
        if case .core(let core) = sort, core != .module, core != .type {
            // Core funcs, tables, memories, globals and tags come from core instances;
            // core modules and core types are exported by component instances.
            let instance = try expectIndex(.core(.instance))
            let name = try cursor.expectName()
            return try emitAlias(Alias(sort: sort, target: .coreExport(instance: instance, name: name)), name: nil, at: token)
        }
        var instance = try expectIndex(.instance)
        var names: [String] = []
        while case .string = cursor.current.kind { names.append(try cursor.expectName()) }
        for (position, name) in names.enumerated() {
            let isLast = position == names.count - 1
            instance = try emitAlias(Alias(sort: isLast ? sort : .instance, target: .export(instance: instance, name: name)),
                                     name: nil, at: token)
        }
        return instance
    }

    // MARK: - Alias definitions

    /// `(alias export $i "n" (sort $id?))`, `(alias core export $i "n" (core sort $id?))`
    /// or `(alias outer $C $x (sort $id?))`.
    mutating func parseAliasDefinition() throws {
        let token = cursor.peek(1)
        try cursor.enterGroup("alias")
        // The target comes first, the sort and optional id last: read the target with
        // the sort still unknown, then build the alias.
        let start = cursor.index
        try skipAliasTarget()
        try cursor.expectLeftParen()
        var sort = try parseSort()
        // In a core module type, `type` is the core type sort.
        if scope.kind == .moduleType && sort == .type { sort = .core(.type) }
        let name = cursor.takeId()
        try cursor.expectRightParen()
        try cursor.expectRightParen()
        let end = cursor.index
        cursor.index = start
        let target = try parseAliasTarget(sort: sort)
        cursor.index = end
        try emitAlias(Alias(sort: sort, target: target), name: name, at: token)
    }

    private mutating func skipAliasTarget() throws {
        if cursor.takeKeyword("core") { try cursor.expectKeyword("export") }
        else if !cursor.takeKeyword("export") { try cursor.expectKeyword("outer") }
        try cursor.skipItem()
        try cursor.skipItem()
    }

    /// `export $i "n"`, `core export $i "n"` or `outer $C $x`, for an alias of `sort`.
    mutating func parseAliasTarget(sort: ComponentSort) throws -> AliasTarget {
        let token = cursor.current
        if cursor.takeKeyword("core") {
            try cursor.expectKeyword("export")
            guard case .core = sort else { throw cursor.error("core export aliases must have a core sort", at: token) }
            let instance = try expectIndex(.core(.instance))
            return .coreExport(instance: instance, name: try cursor.expectName())
        }
        if cursor.takeKeyword("export") {
            let instance = try expectIndex(.instance)
            return .export(instance: instance, name: try cursor.expectName())
        }
        try cursor.expectKeyword("outer")
        let countToken = cursor.current
        let count: UInt32
        let target: ComponentTextScope
        switch countToken.kind {
        case .id(let scopeName):
            guard let depth = scopes.lastIndex(where: { $0.name == scopeName }) else {
                throw cursor.error("unknown outer scope $\(scopeName)", at: countToken)
            }
            count = UInt32(scopes.count - 1 - depth)
            target = scopes[depth]
            cursor.advance()
        default:
            count = try cursor.expectU32()
            target = Int(count) < scopes.count ? scopes[scopes.count - 1 - Int(count)] : scope
        }
        let indexToken = cursor.current
        let index: UInt32
        if case .id(let itemName) = indexToken.kind {
            guard let found = target.lookup(itemName, in: sort) else {
                throw cursor.error("unknown \(ComponentTextScope.sortName(sort)) $\(itemName)", at: indexToken)
            }
            index = found
            cursor.advance()
        } else {
            index = try cursor.expectU32()
        }
        return .outer(count: count, index: index)
    }

    /// The `(alias ...)` abbreviation inside a definition such as `(func $f (alias export $i "f"))`.
    mutating func parseAliasSugar(sort: ComponentSort, name: String?, at token: WatToken) throws -> UInt32 {
        try cursor.enterGroup("alias")
        let target = try parseAliasTarget(sort: sort)
        try cursor.expectRightParen()
        return try emitAlias(Alias(sort: sort, target: target), name: name, at: token)
    }
}
