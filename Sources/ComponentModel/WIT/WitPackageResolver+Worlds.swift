/// Worlds: imports, exports, world-level types, and `include` expansion.
extension WitPackageResolver {
    /// Resolves a world of this package (memoized; `include` cycles are errors).
    func resolveWorld(named name: String) throws -> WitWorld {
        if let done = resolvedWorlds[name] { return done }
        let (decl, file) = worldDecls[name]!
        guard worldsInProgress.insert(name).inserted else {
            throw WitError(decl.name.location, "world '\(name)' includes itself (directly or through other worlds)")
        }
        defer { worldsInProgress.remove(name) }
        let gate = try checkGate(decl.gate, container: .none)
        let scope = Scope(owner: .world(package, name), file: file)
        scopes[scope.owner] = scope
        for case let .type(t) in decl.items {
            try claim(t.name, in: scope)
            scope.entries[t.name.name] = .decl(t)
        }
        for case let .use(u) in decl.items { try declareUse(u, in: scope) }

        var world = WitWorld(name: name, docs: Self.joinDocs(decl.docs), gate: gate)
        var importKeys: [String: WitLocation] = [:]
        var exportKeys: [String: WitLocation] = [:]
        for item in decl.items {
            switch item {
            case let .type(t):
                world.types.append(try resolveTypeDecl(t, in: scope, container: gate))
            case let .use(u):
                world.types += try useDefinitions(u, in: scope, container: gate)
            case let .import(e):
                let entry = try resolveExtern(e, world: name, scope: scope, container: gate)
                try add(entry, to: &world.imports, keys: &importKeys, at: e.location, fromInclude: false, direction: "imported")
            case let .export(e):
                let entry = try resolveExtern(e, world: name, scope: scope, container: gate)
                try add(entry, to: &world.exports, keys: &exportKeys, at: e.location, fromInclude: false, direction: "exported")
            case let .include(inc):
                _ = try checkGate(inc.gate, container: gate)
                let included = try includedWorld(inc.path, scope: scope)
                var renames: [String: (to: String, used: Bool, location: WitLocation)] = [:]
                for (from, to) in inc.renames {
                    if renames[from.name] != nil { throw WitError(from.location, "'\(from.name)' is renamed twice") }
                    renames[from.name] = (to.name, false, from.location)
                }
                for (list, isImport) in [(included.imports, true), (included.exports, false)] {
                    for var entry in list {
                        if case let .name(n) = entry.key, let rename = renames[n] {
                            renames[n]!.used = true
                            entry = Self.renamed(entry, to: rename.to)
                        }
                        if isImport {
                            try add(entry, to: &world.imports, keys: &importKeys, at: inc.location, fromInclude: true, direction: "imported")
                        } else {
                            try add(entry, to: &world.exports, keys: &exportKeys, at: inc.location, fromInclude: true, direction: "exported")
                        }
                    }
                }
                for (from, rename) in renames where !rename.used {
                    let isInterface = (included.imports + included.exports).contains {
                        if case let .interface(ref) = $0.key { return ref.name == from } else { return false }
                    }
                    throw WitError(rename.location, isInterface
                        ? "'\(from)' is an interface name and cannot be renamed with 'with'; only plain names can"
                        : "world '\(included.name)' has no import or export named '\(from)' to rename")
                }
            }
        }
        resolvedWorlds[name] = world
        return world
    }

    static func renamed(_ entry: WitWorldItem, to name: String) -> WitWorldItem {
        var entry = entry
        entry.key = .name(name)
        switch entry.item {
        case var .function(f):
            f.name = name
            entry.item = .function(f)
        case var .inlineInterface(i):
            i.name = name
            entry.item = .inlineInterface(i)
        case .interface:
            break
        }
        return entry
    }

    static func keyID(_ key: WitWorldItem.Key) -> String {
        switch key {
        case let .name(n): return "name " + WitName.key(n)
        case let .interface(ref): return "interface " + ref.description
        }
    }

    /// Adds an import or export; names must be unique, and an interface included twice is
    /// kept once.
    func add(_ entry: WitWorldItem, to list: inout [WitWorldItem], keys: inout [String: WitLocation],
             at location: WitLocation, fromInclude: Bool, direction: String) throws {
        let id = Self.keyID(entry.key)
        if let previous = keys[id] {
            if case .interface = entry.key, fromInclude { return }
            let hint = fromInclude ? "; rename it with 'include ... with { \(entry.componentName) as other-name }'" : ""
            throw WitError(location, "'\(entry.componentName)' is already \(direction) by this world (line \(previous.line))\(hint)")
        }
        keys[id] = location
        list.append(entry)
    }

    func includedWorld(_ path: WitAST.UsePath, scope: Scope) throws -> WitWorld {
        switch path {
        case let .local(id):
            if worldDecls[id.name] != nil { return try resolveWorld(named: id.name) }
            if interfaceDecls[id.name] != nil { throw WitError(id.location, "'\(id.name)' is an interface; 'include' takes a world") }
            throw WitError(id.location, "unknown world '\(id.name)' in package '\(package)'")
        case let .foreign(name, id):
            let canonical = Self.match(name, in: allNames).map { allNames[$0] } ?? name
            if canonical == package { return try includedWorld(.local(id), scope: scope) }
            guard let world = known[canonical]?.world(named: id.name) else {
                throw WitError(id.location, "package '\(name)' has no world '\(id.name)'")
            }
            return world
        }
    }

    /// One `import`/`export` of a world.
    func resolveExtern(_ e: WitAST.Extern, world: String, scope: Scope, container: WitGate) throws -> WitWorldItem {
        let gate = try checkGate(e.gate, container: container)
        let docs = Self.joinDocs(e.docs)
        switch e.kind {
        case let .path(path):
            let ref = try resolveInterfacePath(path, fileScope: fileScope(scope))
            return WitWorldItem(key: .interface(ref), item: .interface(ref), docs: docs, gate: gate)
        case let .namedPath(name, path):
            let ref = try resolveInterfacePath(path, fileScope: fileScope(scope))
            return WitWorldItem(key: .name(name.name), item: .interface(ref), docs: docs, gate: gate)
        case let .function(f):
            let function = try resolveFunction(f, in: scope, container: container)
            return WitWorldItem(key: .name(f.name.name), item: .function(function), docs: docs, gate: gate)
        case let .inline(name, items):
            let inner = Scope(owner: .inlineInterface(package, world: world, name: name.name), file: scope.file)
            guard scopes[inner.owner] == nil else {
                throw WitError(name.location, "'\(name.name)' is already used for an inline interface of world '\(world)'")
            }
            scopes[inner.owner] = inner
            try declare(items, in: inner)
            try declareUses(items, in: inner)
            let interface = try resolveInterface(name: name.name, docs: [], gate: gate, items: items, scope: inner)
            return WitWorldItem(key: .name(name.name), item: .inlineInterface(interface), docs: docs, gate: gate)
        }
    }
}
