/// Type expressions, type definitions, functions and interfaces.
extension WitPackageResolver {
    /// Where a type expression appears; `borrow` handles are only allowed in parameters.
    enum Position { case parameter, result, definition }

    func resolveType(_ expr: WitAST.TypeExpr, in scope: Scope, position: Position) throws -> WitType {
        switch expr.kind {
        case let .primitive(t): return t
        case let .list(e): return .list(try resolveType(e, in: scope, position: position))
        case let .fixedList(e, n): return .fixedList(try resolveType(e, in: scope, position: position), n)
        case let .option(e): return .option(try resolveType(e, in: scope, position: position))
        case let .result(ok, err):
            return .result(ok: try ok.map { try resolveType($0, in: scope, position: position) },
                           err: try err.map { try resolveType($0, in: scope, position: position) })
        case let .tuple(es): return .tuple(try es.map { try resolveType($0, in: scope, position: position) })
        case let .named(id):
            let ref = try lookup(id, in: scope)
            return isResource(ref) ? .own(ref) : .named(ref)
        case let .borrow(id):
            guard position == .parameter else {
                throw WitError(expr.location, "borrow<\(id.name)> is only allowed in function parameters; results and type definitions must use owned handles ('\(id.name)')")
            }
            let ref = try lookup(id, in: scope)
            guard isResource(ref) else {
                throw WitError(id.location, "borrow<\(id.name)>: '\(id.name)' is not a resource; only resources have handles")
            }
            return .borrow(ref)
        }
    }

    func lookup(_ id: WitAST.Ident, in scope: Scope) throws -> WitTypeRef {
        guard scope.entries[id.name] != nil else {
            throw WitError(id.location, "unknown type '\(id.name)' in \(scope.owner); define it or bring it in with 'use interface.{\(id.name)}'")
        }
        return WitTypeRef(owner: scope.owner, name: id.name)
    }

    /// True when a reference (through `use` and aliases) names a resource.
    func isResource(_ start: WitTypeRef) -> Bool {
        var ref = start
        var seen: Set<WitTypeRef> = []
        while seen.insert(ref).inserted {
            if let scope = scopes[ref.owner] {
                switch scope.entries[ref.name] {
                case let .use(target, _, _)?: ref = target
                case let .decl(decl)?:
                    switch decl.kind {
                    case .resource: return true
                    case let .alias(expr):
                        guard case let .named(id) = expr.kind, scope.entries[id.name] != nil else { return false }
                        ref = WitTypeRef(owner: ref.owner, name: id.name)
                    default: return false
                    }
                case nil: return false
                }
            } else {
                guard let def = foreignDefinition(ref) else { return false }
                switch def.kind {
                case .resource: return true
                case let .use(target), let .alias(.named(target)), let .alias(.own(target)): ref = target
                default: return false
                }
            }
        }
        return false
    }

    /// A definition in an already resolved package.
    func foreignDefinition(_ ref: WitTypeRef) -> WitTypeDef? {
        guard case let .interface(i) = ref.owner else { return nil }
        return known[i.package]?.definition(of: ref)
    }

    // MARK: Gates

    /// Checks the gate rules of WIT.md and returns the gate.
    func checkGate(_ gate: WitAST.Gate, container: WitGate) throws -> WitGate {
        guard let location = gate.location else { return gate.gate }
        firstGate = firstGate ?? location
        let g = gate.gate
        if g.since != nil && g.unstableFeature != nil {
            throw WitError(location, "an item cannot be both '@since' and '@unstable'; keep one")
        }
        if let deprecated = g.deprecated {
            guard let since = g.since else {
                throw WitError(location, "'@deprecated' needs a '@since(version = ...)' saying when the item was added")
            }
            if deprecated < since {
                throw WitError(location, "deprecated in \(deprecated) but only added in \(since)")
            }
        }
        if let since = g.since, let outer = container.since, since < outer {
            throw WitError(location, "@since(version = \(since)) is older than the enclosing item's @since(version = \(outer))")
        }
        return g
    }

    // MARK: Definitions

    func checkUnique(_ names: [WitAST.Ident], _ what: String) throws {
        var seen: [String: WitAST.Ident] = [:]
        for n in names {
            if let first = seen[WitName.key(n.name)] {
                throw WitError(n.location, "duplicate \(what) '\(n.name)' (first at line \(first.location.line), column \(first.location.column))")
            }
            seen[WitName.key(n.name)] = n
        }
    }

    func resolveTypeDecl(_ decl: WitAST.TypeDecl, in scope: Scope, container: WitGate) throws -> WitTypeDef {
        let gate = try checkGate(decl.gate, container: container)
        let kind: WitTypeDefKind
        switch decl.kind {
        case let .alias(expr):
            kind = .alias(try resolveType(expr, in: scope, position: .definition))
        case let .record(fields):
            try checkUnique(fields.map(\.name), "field")
            kind = .record(try fields.map {
                WitField(name: $0.name.name, type: try resolveType($0.type, in: scope, position: .definition), docs: Self.joinDocs($0.docs))
            })
        case let .variant(cases):
            try checkUnique(cases.map(\.name), "case")
            kind = .variant(try cases.map {
                WitCase(name: $0.name.name, payload: try $0.payload.map { try resolveType($0, in: scope, position: .definition) }, docs: Self.joinDocs($0.docs))
            })
        case let .enum(cases):
            try checkUnique(cases.map(\.name), "enum case")
            kind = .enum(cases.map { WitNamedItem(name: $0.name.name, docs: Self.joinDocs($0.docs)) })
        case let .flags(flags):
            try checkUnique(flags.map(\.name), "flag")
            kind = .flags(flags.map { WitNamedItem(name: $0.name.name, docs: Self.joinDocs($0.docs)) })
        case let .resource(functions):
            kind = .resource(try resolveResourceFunctions(functions, resource: decl.name, in: scope, container: gate))
        }
        let def = WitTypeDef(name: decl.name.name, docs: Self.joinDocs(decl.docs), gate: gate, kind: kind, owner: scope.owner)
        localTypes[def.ref] = (kind, decl.name.location)
        return def
    }

    func resolveResourceFunctions(_ functions: [WitAST.ResourceFunction], resource: WitAST.Ident, in scope: Scope, container: WitGate) throws -> [WitFunction] {
        var seen: [String: WitLocation] = [:]
        var result: [WitFunction] = []
        for rf in functions {
            let name = rf.kind == .constructor ? "[constructor]" : WitName.key(rf.function.name.name)
            if let first = seen[name] {
                let what = rf.kind == .constructor ? "a second constructor" : "duplicate method '\(rf.function.name.name)'"
                throw WitError(rf.function.name.location, "\(what) in resource '\(resource.name)' (first at line \(first.line))")
            }
            seen[name] = rf.function.name.location
            let kind: WitFunction.Kind
            switch rf.kind {
            case .constructor: kind = .constructor(resource.name)
            case .method: kind = .method(resource.name)
            case .static: kind = .static(resource.name)
            }
            if rf.kind == .method, let selfParam = rf.function.params.first(where: { $0.name.name == "self" }) {
                throw WitError(selfParam.name.location, "methods take 'self' implicitly; remove the parameter or make the function 'static'")
            }
            let f = try resolveFunction(rf.function, kind: kind, in: scope, container: container)
            if rf.kind == .constructor, let declared = f.result {
                let ownRef = WitTypeRef(owner: scope.owner, name: resource.name)
                guard case let .result(ok?, _) = declared, ok == .own(ownRef) else {
                    throw WitError(rf.function.result!.location, "a constructor's result must be 'result<\(resource.name)>' or 'result<\(resource.name), E>' (or omitted)")
                }
            }
            result.append(f)
        }
        return result
    }

    func resolveFunction(_ f: WitAST.Function, kind: WitFunction.Kind = .freestanding, in scope: Scope, container: WitGate) throws -> WitFunction {
        let gate = try checkGate(f.gate, container: container)
        try checkUnique(f.params.map(\.name), "parameter")
        let params = try f.params.map { WitParam(name: $0.name.name, type: try resolveType($0.type, in: scope, position: .parameter)) }
        let result = try f.result.map { try resolveType($0, in: scope, position: .result) }
        return WitFunction(name: f.name.name, docs: Self.joinDocs(f.docs), gate: gate, isAsync: f.isAsync,
                           kind: kind, params: params, result: result)
    }

    /// Resolves the body of a named or inline interface whose scope is already declared.
    func resolveInterface(name: String, docs: [String], gate: WitGate, items: [WitAST.InterfaceItem], scope: Scope) throws -> WitInterface {
        var interface = WitInterface(name: name, docs: Self.joinDocs(docs), gate: gate)
        for item in items {
            switch item {
            case let .type(decl):
                interface.types.append(try resolveTypeDecl(decl, in: scope, container: gate))
            case let .use(use):
                interface.types += try useDefinitions(use, in: scope, container: gate)
            case let .function(f):
                interface.functions.append(try resolveFunction(f, in: scope, container: gate))
            }
        }
        return interface
    }

    func useDefinitions(_ use: WitAST.Use, in scope: Scope, container: WitGate) throws -> [WitTypeDef] {
        let gate = try checkGate(use.gate, container: container)
        return use.names.map { name, alias in
            let local = (alias ?? name).name
            guard case let .use(target, _, _)? = scope.entries[local] else { preconditionFailure("use declared before resolution") }
            let def = WitTypeDef(name: local, gate: gate, kind: .use(target), owner: scope.owner)
            localTypes[def.ref] = (def.kind, (alias ?? name).location)
            return def
        }
    }
}
