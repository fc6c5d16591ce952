/// Resolves one package's syntax into a `WitPackage`, given the packages it depends on.
///
/// Steps: collect interface and world names; build a scope (name table) per interface;
/// resolve `use` targets; resolve every type expression against its scope (resources become
/// `.own`, `borrow` only in parameters); check gates; reject cycles among types and among
/// interfaces linked by `use`; then resolve worlds, expanding `include`s.
final class WitPackageResolver {
    /// What a name in an interface or world stands for.
    enum Entry {
        case decl(WitAST.TypeDecl)
        case use(target: WitTypeRef, name: WitAST.Ident, gate: WitAST.Gate)
    }

    /// The type names visible in one interface or world.
    final class Scope {
        let owner: WitTypeOwner
        let file: Int
        var entries: [String: Entry] = [:]
        /// Case-insensitive keys of every name (types and functions) to reject duplicates.
        var taken: [String: WitLocation] = [:]
        init(owner: WitTypeOwner, file: Int) {
            self.owner = owner
            self.file = file
        }
    }

    let unit: WitResolver.Unit
    let known: [WitPackageName: WitPackage]
    let allNames: [WitPackageName]
    let package: WitPackageName
    var interfaceDecls: [String: (decl: WitAST.Interface, file: Int)] = [:]
    var interfaceOrder: [String] = []
    var worldDecls: [String: (decl: WitAST.World, file: Int)] = [:]
    var worldOrder: [String] = []
    var fileScopes: [[String: WitInterfaceRef]] = []
    var scopes: [WitTypeOwner: Scope] = [:]
    /// Every local type definition, with where it was written, for the cycle check.
    var localTypes: [WitTypeRef: (kind: WitTypeDefKind, location: WitLocation)] = [:]
    var firstGate: WitLocation?
    var resolvedWorlds: [String: WitWorld] = [:]
    var worldsInProgress: Set<String> = []

    init(unit: WitResolver.Unit, known: [WitPackageName: WitPackage], allNames: [WitPackageName]) {
        self.unit = unit
        self.known = known
        self.allNames = allNames
        self.package = unit.name
    }

    /// Every package-qualified path a unit mentions, to order packages.
    static func foreignPaths(in unit: WitResolver.Unit) -> [WitAST.UsePath] {
        var paths: [WitAST.UsePath] = []
        func interfaceItems(_ items: [WitAST.InterfaceItem]) {
            for case let .use(u) in items { paths.append(u.path) }
        }
        for (_, items) in unit.files {
            paths += items.uses.map(\.path)
            for i in items.interfaces { interfaceItems(i.items) }
            for w in items.worlds {
                for item in w.items {
                    switch item {
                    case let .import(e), let .export(e):
                        switch e.kind {
                        case let .path(p), let .namedPath(_, p): paths.append(p)
                        case let .inline(_, items): interfaceItems(items)
                        case .function: break
                        }
                    case let .use(u): paths.append(u.path)
                    case let .include(inc): paths.append(inc.path)
                    case .type: break
                    }
                }
            }
        }
        return paths.filter { if case .foreign = $0 { return true } else { return false } }
    }

    /// The available package a reference means: the exact name, or the only version of it
    /// when the reference has no version.
    static func match(_ name: WitPackageName, in names: [WitPackageName]) -> Int? {
        if let exact = names.firstIndex(of: name) { return exact }
        guard name.version == nil else { return nil }
        let candidates = names.indices.filter { names[$0].namespace == name.namespace && names[$0].name == name.name }
        return candidates.count == 1 ? candidates[0] : nil
    }

    // MARK: Driver

    func resolve() throws -> WitPackage {
        try collectNames()
        for name in interfaceOrder {
            let (decl, file) = interfaceDecls[name]!
            let scope = Scope(owner: .interface(WitInterfaceRef(package: package, name: name)), file: file)
            scopes[scope.owner] = scope
            try declare(decl.items, in: scope)
        }
        for name in interfaceOrder {
            let (decl, _) = interfaceDecls[name]!
            try declareUses(decl.items, in: scopes[.interface(WitInterfaceRef(package: package, name: name))]!)
        }
        try checkInterfaceUseCycles()
        var interfaces: [WitInterface] = []
        for name in interfaceOrder {
            let (decl, _) = interfaceDecls[name]!
            let gate = try checkGate(decl.gate, container: .none)
            let scope = scopes[.interface(WitInterfaceRef(package: package, name: name))]!
            interfaces.append(try resolveInterface(name: name, docs: decl.docs, gate: gate, items: decl.items, scope: scope))
        }
        var worlds: [WitWorld] = []
        for name in worldOrder { worlds.append(try resolveWorld(named: name)) }
        try checkTypeCycles()
        if let gate = firstGate, package.version == nil {
            throw WitError(gate, "package '\(package)' uses feature gates, so it needs a version: write 'package \(package)@x.y.z;'")
        }
        return WitPackage(name: package, docs: Self.joinDocs(unit.docs), interfaces: interfaces, worlds: worlds)
    }

    static func joinDocs(_ docs: [String]) -> String? {
        docs.isEmpty ? nil : docs.joined(separator: "\n")
    }

    /// Interface and world names (one namespace per package) and each file's top-level uses.
    func collectNames() throws {
        var taken: [String: WitLocation] = [:]
        func claim(_ id: WitAST.Ident, _ what: String) throws {
            if let previous = taken[WitName.key(id.name)] {
                throw WitError(id.location, "\(what) '\(id.name)' is already defined at \(previous.file):\(previous.line):\(previous.column); interface and world names must be unique in a package")
            }
            taken[WitName.key(id.name)] = id.location
        }
        for (index, file) in unit.files.enumerated() {
            for i in file.items.interfaces {
                try claim(i.name, "interface")
                interfaceDecls[i.name.name] = (i, index)
                interfaceOrder.append(i.name.name)
            }
            for w in file.items.worlds {
                try claim(w.name, "world")
                worldDecls[w.name.name] = (w, index)
                worldOrder.append(w.name.name)
            }
        }
        for (index, file) in unit.files.enumerated() {
            var scope: [String: WitInterfaceRef] = [:]
            for use in file.items.uses {
                let ref = try resolveInterfacePath(use.path, fileScope: [:])
                let name = use.alias ?? use.path.interfaceName
                if scope[name.name] != nil {
                    throw WitError(name.location, "'\(name.name)' is already used in this file; rename one with 'as'")
                }
                if let local = interfaceDecls[name.name], local.file == index, ref != WitInterfaceRef(package: package, name: name.name) {
                    throw WitError(name.location, "'\(name.name)' conflicts with the interface of the same name in this file; rename it with 'as'")
                }
                scope[name.name] = ref
            }
            fileScopes.append(scope)
        }
    }

    // MARK: Paths

    /// Finds the interface a `use` path, import or export names.
    func resolveInterfacePath(_ path: WitAST.UsePath, fileScope: [String: WitInterfaceRef]) throws -> WitInterfaceRef {
        switch path {
        case let .local(id):
            if let ref = fileScope[id.name] { return ref }
            if interfaceDecls[id.name] != nil { return WitInterfaceRef(package: package, name: id.name) }
            if worldDecls[id.name] != nil {
                throw WitError(id.location, "'\(id.name)' is a world, not an interface")
            }
            throw WitError(id.location, "unknown interface '\(id.name)': no interface of that name in package '\(package)' or in a top-level 'use' of this file")
        case let .foreign(name, id):
            let canonical = Self.match(name, in: allNames).map { allNames[$0] } ?? name
            if canonical == package {
                guard interfaceDecls[id.name] != nil else {
                    throw WitError(id.location, "package '\(package)' has no interface '\(id.name)'")
                }
                return WitInterfaceRef(package: package, name: id.name)
            }
            guard let other = known[canonical] else {
                throw WitError(id.location, "package '\(name)' is not available; put it in the deps/ folder or in a 'package \(name) { ... }' block")
            }
            guard other.interface(named: id.name) != nil else {
                let hint = other.world(named: id.name) != nil ? " ('\(id.name)' is a world)" : ""
                throw WitError(id.location, "package '\(canonical)' has no interface '\(id.name)'\(hint)")
            }
            return WitInterfaceRef(package: canonical, name: id.name)
        }
    }

    func fileScope(_ scope: Scope) -> [String: WitInterfaceRef] { fileScopes[scope.file] }

    /// The names an interface offers to `use`.
    func exportedTypeNames(of ref: WitInterfaceRef) -> Set<String> {
        if ref.package == package {
            guard let (decl, _) = interfaceDecls[ref.name] else { return [] }
            var names: Set<String> = []
            for item in decl.items {
                switch item {
                case let .type(t): names.insert(t.name.name)
                case let .use(u): for n in u.names { names.insert((n.alias ?? n.name).name) }
                case .function: break
                }
            }
            return names
        }
        return Set(known[ref.package]?.interface(named: ref.name)?.types.map(\.name) ?? [])
    }

    // MARK: Scopes

    func claim(_ id: WitAST.Ident, in scope: Scope) throws {
        if let previous = scope.taken[WitName.key(id.name)] {
            throw WitError(id.location, "'\(id.name)' is already defined at line \(previous.line), column \(previous.column) of \(scope.owner); names must be unique (ignoring case)")
        }
        scope.taken[WitName.key(id.name)] = id.location
    }

    /// Declares type definitions and function names of an interface or world body.
    func declare(_ items: [WitAST.InterfaceItem], in scope: Scope) throws {
        for item in items {
            switch item {
            case let .type(decl):
                try claim(decl.name, in: scope)
                scope.entries[decl.name.name] = .decl(decl)
            case let .function(f):
                try claim(f.name, in: scope)
            case .use:
                break
            }
        }
    }

    /// Declares the names brought in by `use` items and checks that their targets exist.
    func declareUses(_ items: [WitAST.InterfaceItem], in scope: Scope) throws {
        for case let .use(use) in items {
            try declareUse(use, in: scope)
        }
    }

    func declareUse(_ use: WitAST.Use, in scope: Scope) throws {
        let target = try resolveInterfacePath(use.path, fileScope: fileScope(scope))
        let offered = exportedTypeNames(of: target)
        for (name, alias) in use.names {
            guard offered.contains(name.name) else {
                throw WitError(name.location, "interface '\(target)' has no type named '\(name.name)'")
            }
            let local = alias ?? name
            try claim(local, in: scope)
            scope.entries[local.name] = .use(target: WitTypeRef(owner: .interface(target), name: name.name), name: local, gate: use.gate)
        }
    }

    /// Interfaces linked by `use` must not form a cycle.
    func checkInterfaceUseCycles() throws {
        func targets(_ name: String) -> [String] {
            let scope = scopes[.interface(WitInterfaceRef(package: package, name: name))]!
            var out: [String] = []
            for entry in scope.entries.values {
                if case let .use(target, _, _) = entry, case let .interface(ref) = target.owner, ref.package == package {
                    out.append(ref.name)
                }
            }
            return out.sorted()
        }
        if let cycle = WitGraph.findCycle(nodes: interfaceOrder, edges: targets) {
            let location = interfaceDecls[cycle[0]]!.decl.name.location
            throw WitError(location, "interfaces use each other's types in a cycle (\(cycle.joined(separator: " -> "))); move the shared types into an interface of their own")
        }
    }

    /// Types must not contain themselves (handles to resources do not count).
    func checkTypeCycles() throws {
        let nodes = localTypes.keys.sorted { "\($0)" < "\($1)" }
        func edges(_ ref: WitTypeRef) -> [WitTypeRef] {
            guard let kind = localTypes[ref]?.kind else { return [] }
            var out: [WitTypeRef] = []
            func visit(_ t: WitType) {
                switch t {
                case let .list(e), let .fixedList(e, _), let .option(e): visit(e)
                case let .result(ok, err): ok.map(visit); err.map(visit)
                case let .tuple(ts): ts.forEach(visit)
                case let .named(r): out.append(r)
                default: break
                }
            }
            switch kind {
            case let .alias(t): visit(t)
            case let .record(fs): fs.forEach { visit($0.type) }
            case let .variant(cs): cs.forEach { $0.payload.map(visit) }
            case let .use(target): out.append(target)
            case .enum, .flags, .resource: break
            }
            return out
        }
        if let cycle = WitGraph.findCycle(nodes: nodes, edges: edges) {
            let location = localTypes[cycle[0]]!.location
            let names = cycle.map(\.name).joined(separator: " -> ")
            throw WitError(location, "type '\(cycle[0].name)' refers to itself (\(names)); WIT types cannot be recursive")
        }
    }
}
