/// A resolved WIT package: its interfaces and worlds, with every name resolved.
///
/// ```
/// WitPackage (root)            dependencies: [WitPackage] (flat, each with no dependencies)
///  ├─ interfaces: [WitInterface] ── types: [WitTypeDef], functions: [WitFunction]
///  └─ worlds: [WitWorld] ── types, imports/exports: [WitWorldItem]
/// ```
/// Types refer to each other through `WitTypeRef` (owner + name), never by copying, so
/// `definition(of:)` finds the definition of any reference, in this package or a dependency.
public struct WitPackage: Hashable, Sendable {
    /// The package name.
    public var name: WitPackageName
    /// Documentation written before the `package` declaration, if any.
    public var docs: String?
    /// The interfaces, in source order (files in name order).
    public var interfaces: [WitInterface]
    /// The worlds, in source order, with `include`s expanded.
    public var worlds: [WitWorld]
    /// The packages this one was resolved with (from `deps/` or nested `package { }`
    /// blocks), sorted by name; empty for the dependencies themselves.
    public var dependencies: [WitPackage]

    /// Creates a package.
    public init(name: WitPackageName, docs: String? = nil, interfaces: [WitInterface] = [],
                worlds: [WitWorld] = [], dependencies: [WitPackage] = []) {
        self.name = name
        self.docs = docs
        self.interfaces = interfaces
        self.worlds = worlds
        self.dependencies = dependencies
    }

    /// Parses and resolves one WIT file that starts with `package ns:name;`. Other packages
    /// it uses must be given inline as `package ns:other { ... }` blocks.
    public static func parse(source: String, fileName: String) throws -> WitPackage {
        try WitResolver.resolve(files: [(fileName, source)], dependencyFiles: [], rootLabel: fileName)
    }

    /// The interface with the given name.
    public func interface(named name: String) -> WitInterface? {
        interfaces.first { $0.name == name }
    }

    /// The world with the given name.
    public func world(named name: String) -> WitWorld? {
        worlds.first { $0.name == name }
    }

    /// This package and its dependencies.
    public var allPackages: [WitPackage] { [self] + dependencies }

    /// Finds the definition a reference points at, in this package or a dependency.
    public func definition(of ref: WitTypeRef) -> WitTypeDef? {
        let packageName: WitPackageName
        switch ref.owner {
        case let .interface(i): packageName = i.package
        case let .world(p, _), let .inlineInterface(p, _, _): packageName = p
        }
        guard let package = allPackages.first(where: { $0.name == packageName }) else { return nil }
        switch ref.owner {
        case let .interface(i):
            return package.interface(named: i.name)?.types.first { $0.name == ref.name }
        case let .world(_, w):
            return package.world(named: w)?.types.first { $0.name == ref.name }
        case let .inlineInterface(_, w, item):
            for entry in (package.world(named: w)?.imports ?? []) + (package.world(named: w)?.exports ?? []) {
                if case let .inlineInterface(i) = entry.item, entry.key == .name(item) {
                    return i.types.first { $0.name == ref.name }
                }
            }
            return nil
        }
    }

    /// Follows `use` and `type x = y` aliases to the definition that gives a type its
    /// shape (a record, variant, enum, flags, resource, or an alias to a structural type).
    public func underlying(_ ref: WitTypeRef) -> WitTypeDef? {
        var current = ref
        var seen: Set<WitTypeRef> = []
        while seen.insert(current).inserted, let def = definition(of: current) {
            switch def.kind {
            case let .use(target): current = target
            case let .alias(.named(target)), let .alias(.own(target)): current = target
            default: return def
            }
        }
        return nil
    }
}

/// A WIT interface: types and functions, named or written inline in a world.
public struct WitInterface: Hashable, Sendable {
    /// The name (for inline interfaces, the import or export name).
    public var name: String
    /// The documentation comment, if any.
    public var docs: String?
    /// The feature gates.
    public var gate: WitGate
    /// Type definitions (including `use`d names), in source order.
    public var types: [WitTypeDef]
    /// Freestanding functions, in source order (resource functions live in the resource).
    public var functions: [WitFunction]

    /// Creates an interface.
    public init(name: String, docs: String? = nil, gate: WitGate = .none, types: [WitTypeDef] = [], functions: [WitFunction] = []) {
        self.name = name
        self.docs = docs
        self.gate = gate
        self.types = types
        self.functions = functions
    }
}

/// A WIT world: what a component imports and exports.
public struct WitWorld: Hashable, Sendable {
    /// The world name.
    public var name: String
    /// The documentation comment, if any.
    public var docs: String?
    /// The feature gates.
    public var gate: WitGate
    /// Types defined or `use`d in the world.
    public var types: [WitTypeDef]
    /// The imports, with included worlds' imports merged in.
    public var imports: [WitWorldItem]
    /// The exports, with included worlds' exports merged in.
    public var exports: [WitWorldItem]

    /// Creates a world.
    public init(name: String, docs: String? = nil, gate: WitGate = .none, types: [WitTypeDef] = [],
                imports: [WitWorldItem] = [], exports: [WitWorldItem] = []) {
        self.name = name
        self.docs = docs
        self.gate = gate
        self.types = types
        self.imports = imports
        self.exports = exports
    }
}

/// One import or export of a world.
public struct WitWorldItem: Hashable, Sendable {
    /// The name the component model sees.
    public enum Key: Hashable, Sendable {
        /// A plain name: `import name: ...`.
        case name(String)
        /// An interface name: `import ns:pkg/iface;` (or a local interface by its name).
        case interface(WitInterfaceRef)
    }

    /// What is imported or exported.
    public enum Item: Hashable, Sendable {
        /// A named interface (by interface name, or under a plain name).
        case interface(WitInterfaceRef)
        /// `name: interface { ... }`.
        case inlineInterface(WitInterface)
        /// `name: func(...)`.
        case function(WitFunction)
    }

    /// The import or export name.
    public var key: Key
    /// What it is.
    public var item: Item
    /// The documentation comment, if any.
    public var docs: String?
    /// The feature gates.
    public var gate: WitGate

    /// Creates an item.
    public init(key: Key, item: Item, docs: String? = nil, gate: WitGate = .none) {
        self.key = key
        self.item = item
        self.docs = docs
        self.gate = gate
    }

    /// The name as a component import or export: the plain name or `ns:pkg/iface@ver`.
    public var componentName: String {
        switch key {
        case let .name(n): return n
        case let .interface(ref): return ref.description
        }
    }
}
