/// Interface, world, type-definition and function items.
extension WitParser {
    mutating func interfaceBody() throws -> [WitAST.InterfaceItem] {
        let open = token.location
        try expectSymbol("{", "to open the interface body")
        var items: [WitAST.InterfaceItem] = []
        while !isSymbol("}") {
            if case .end = token.kind { throw error("unclosed interface body: add '}'", at: open) }
            items.append(try interfaceItem())
        }
        try advance()
        return items
    }

    mutating func interfaceItem() throws -> WitAST.InterfaceItem {
        let docs = token.docs
        let gate = try parseGate()
        if isKeyword(.use) { return .use(try useItem(gate: gate)) }
        if let decl = try typeDecl(docs: docs, gate: gate) { return .type(decl) }
        if case .identifier = token.kind {
            let name = try ident("a function name")
            try expectSymbol(":", "after the function name '\(name.name)'")
            return .function(try functionType(name: name, docs: docs, gate: gate))
        }
        throw error("expected 'use', a type definition or a function, found \(token.display)")
    }

    /// `use path.{a, b as c};`
    mutating func useItem(gate: WitAST.Gate) throws -> WitAST.Use {
        try advance()
        let path = try usePath()
        try expectSymbol(".", "after the interface in 'use' (as in 'use types.{name}')")
        try expectSymbol("{", "to open the list of used names")
        var names: [(WitAST.Ident, WitAST.Ident?)] = []
        repeat {
            if isSymbol("}") && !names.isEmpty { break }
            let name = try ident("a type name to use")
            let alias = try eatKeyword(.as) ? try ident("a name after 'as'") : nil
            names.append((name, alias))
        } while try eatSymbol(",")
        try expectSymbol("}", "to close the list of used names")
        try expectSymbol(";", "after 'use'")
        return WitAST.Use(path: path, names: names, gate: gate)
    }

    /// A `type`, `record`, `variant`, `enum`, `flags` or `resource`; nil if the token starts
    /// none of them.
    mutating func typeDecl(docs: [String], gate: WitAST.Gate) throws -> WitAST.TypeDecl? {
        guard case let .keyword(k) = token.kind else { return nil }
        let kind: WitAST.TypeDecl.Kind
        let name: WitAST.Ident
        switch k {
        case .type:
            try advance()
            name = try ident("a type name")
            try expectSymbol("=", "after 'type \(name.name)'")
            kind = .alias(try typeExpr())
            try expectSymbol(";", "after the type alias")
        case .record:
            try advance()
            name = try ident("a record name")
            kind = .record(try braceList("record field") { p in
                let docs = p.token.docs
                let field = try p.ident("a field name")
                try p.expectSymbol(":", "after the field name '\(field.name)'")
                return (field, try p.typeExpr(), docs)
            })
        case .variant:
            try advance()
            name = try ident("a variant name")
            kind = .variant(try braceList("variant case") { p in
                let docs = p.token.docs
                let c = try p.ident("a case name")
                var payload: WitAST.TypeExpr?
                if try p.eatSymbol("(") {
                    payload = try p.typeExpr()
                    try p.expectSymbol(")", "after the case payload type")
                }
                return (c, payload, docs)
            })
        case .enum, .flags:
            try advance()
            name = try ident(k == .enum ? "an enum name" : "a flags name")
            let cases = try braceList(k == .enum ? "enum case" : "flag") { p in
                let docs = p.token.docs
                return (try p.ident("a name"), docs)
            }
            kind = k == .enum ? .enum(cases) : .flags(cases)
        case .resource:
            try advance()
            name = try ident("a resource name")
            kind = .resource(try resourceBody(resource: name.name))
        default:
            return nil
        }
        return WitAST.TypeDecl(name: name, docs: docs, gate: gate, kind: kind)
    }

    /// `{ item, item, }` with at least one item and an optional trailing comma.
    mutating func braceList<T>(_ what: String, _ item: (inout WitParser) throws -> T) throws -> [T] {
        let open = token.location
        try expectSymbol("{", "to open the body")
        var items: [T] = []
        while !isSymbol("}") {
            if case .end = token.kind { throw error("unclosed body: add '}'", at: open) }
            items.append(try item(&self))
            if !isSymbol("}") { try expectSymbol(",", "between items") }
        }
        if items.isEmpty { throw error("a definition needs at least one \(what)", at: open) }
        try advance()
        return items
    }

    mutating func resourceBody(resource: String) throws -> [WitAST.ResourceFunction] {
        if try eatSymbol(";") { return [] }
        let open = token.location
        try expectSymbol("{", "or ';' after the resource name")
        var functions: [WitAST.ResourceFunction] = []
        while !isSymbol("}") {
            if case .end = token.kind { throw error("unclosed resource body: add '}'", at: open) }
            let docs = token.docs
            let gate = try parseGate()
            if isKeyword(.constructor) {
                let name = WitAST.Ident(name: resource, location: token.location)
                try advance()
                let params = try paramList()
                let result = try eatSymbol("->") ? try typeExpr() : nil
                try expectSymbol(";", "after the constructor")
                functions.append(.init(kind: .constructor, function: .init(
                    name: name, docs: docs, gate: gate, isAsync: false, params: params, result: result)))
                continue
            }
            let name = try ident("a method name or 'constructor'")
            try expectSymbol(":", "after the method name '\(name.name)'")
            let isStatic = try eatKeyword(.static)
            let f = try functionType(name: name, docs: docs, gate: gate)
            functions.append(.init(kind: isStatic ? .static : .method, function: f))
        }
        try advance()
        _ = try eatSymbol(";")
        return functions
    }

    /// `async? func(params) (-> type)? ;`
    mutating func functionType(name: WitAST.Ident, docs: [String], gate: WitAST.Gate, terminated: Bool = true) throws -> WitAST.Function {
        let isAsync = try eatKeyword(.async)
        try expectKeyword(.func, "to start the function type of '\(name.name)'")
        let params = try paramList()
        let result = try eatSymbol("->") ? try typeExpr() : nil
        if terminated { try expectSymbol(";", "after the function '\(name.name)'") }
        return WitAST.Function(name: name, docs: docs, gate: gate, isAsync: isAsync, params: params, result: result)
    }

    mutating func paramList() throws -> [(name: WitAST.Ident, type: WitAST.TypeExpr)] {
        try expectSymbol("(", "to open the parameter list")
        var params: [(WitAST.Ident, WitAST.TypeExpr)] = []
        while !isSymbol(")") {
            let name = try ident("a parameter name")
            try expectSymbol(":", "after the parameter name '\(name.name)'")
            params.append((name, try typeExpr()))
            if !isSymbol(")") { try expectSymbol(",", "between parameters") }
        }
        try advance()
        return params
    }

    // MARK: Worlds

    mutating func worldBody(docs: [String], gate: WitAST.Gate) throws -> WitAST.World {
        let name = try ident("a world name")
        let open = token.location
        try expectSymbol("{", "to open the world body")
        var items: [WitAST.WorldItem] = []
        while !isSymbol("}") {
            if case .end = token.kind { throw error("unclosed world body: add '}'", at: open) }
            let docs = token.docs
            let gate = try parseGate()
            let location = token.location
            switch token.kind {
            case .keyword(.import):
                try advance()
                items.append(.import(try externItem(docs: docs, gate: gate, location: location)))
            case .keyword(.export):
                try advance()
                items.append(.export(try externItem(docs: docs, gate: gate, location: location)))
            case .keyword(.use):
                items.append(.use(try useItem(gate: gate)))
            case .keyword(.include):
                try advance()
                let path = try usePath()
                var renames: [(WitAST.Ident, WitAST.Ident)] = []
                if try eatKeyword(.with) {
                    renames = try braceList("rename") { p in
                        let from = try p.ident("a name to rename")
                        try p.expectKeyword(.as, "in 'with { name as new-name }'")
                        return (from, try p.ident("a new name"))
                    }
                }
                // WIT.md writes the `with { }` form both with and without a final ';'.
                if renames.isEmpty || isSymbol(";") { try expectSymbol(";", "after 'include'") }
                items.append(.include(.init(path: path, renames: renames, gate: gate, location: location)))
            default:
                guard let decl = try typeDecl(docs: docs, gate: gate) else {
                    throw error("expected 'import', 'export', 'use', 'include' or a type definition in a world, found \(token.display)")
                }
                items.append(.type(decl))
            }
        }
        try advance()
        return WitAST.World(name: name, docs: docs, gate: gate, items: items)
    }

    /// What follows `import` or `export`.
    mutating func externItem(docs: [String], gate: WitAST.Gate, location: WitLocation) throws -> WitAST.Extern {
        func make(_ kind: WitAST.Extern.Kind) -> WitAST.Extern {
            WitAST.Extern(kind: kind, docs: docs, gate: gate, location: location)
        }
        // `ns:pkg/...` is written without spaces around ':'; `name: type` is the plain-name form.
        let name = try ident("an import/export name or interface")
        guard isSymbol(":") else {
            try expectSymbol(";", "after the imported or exported interface")
            return make(.path(.local(name)))
        }
        if !token.spaceBefore, let next = try? peekSecond(), !next.spaceBefore, case .identifier = next.kind {
            // Re-parse as a package path starting at `name`.
            try advance()
            let package = try ident("a package name")
            guard isSymbol("/") else {
                throw error("expected '/' and an interface after '\(name.name):\(package.name)'; a whole package cannot be imported or exported (write '\(name.name): \(package.name)' for a plain name)")
            }
            try advance()
            let iface = try ident("an interface name")
            if isSymbol("/") { throw error("nested packages ('a:b/c/d') are not supported") }
            let version = try optionalVersion()
            try expectSymbol(";", "after the imported or exported interface")
            return make(.path(.foreign(WitPackageName(namespace: name.name, name: package.name, version: version), iface)))
        }
        try advance()
        if isKeyword(.func) || isKeyword(.async) {
            return make(.function(try functionType(name: name, docs: docs, gate: gate)))
        }
        if try eatKeyword(.interface) {
            let body = try interfaceBody()
            _ = try eatSymbol(";")
            return make(.inline(name, body))
        }
        let path = try usePath()
        try expectSymbol(";", "after the imported or exported interface")
        return make(.namedPath(name, path))
    }
}
