import WasmEngine

/// Links and instantiates components: holds what the host offers for import (host
/// instances, functions, and whole component instances, by name) and the one WasmEngine
/// `Store` in which every core instance of every component lives.
///
/// ```swift
/// let linker = ComponentLinker()
/// try linker.define(instance: "wasi:cli/environment@0.2.0", environment)
/// let instance = try linker.instantiate(try Component(decoding: bytes))
/// let results = try instance.function(named: "run")!.call([])
/// ```
public final class ComponentLinker {
    /// The store all core instances are created in.
    public let store: Store
    /// When set, every import the linker cannot satisfy (a whole import, or an export
    /// missing from a supplied instance) is filled in from the import's own type: functions
    /// become stubs that trap when called ("`wasi:sockets/tcp@0.2.9#[method]tcp-socket.bind`
    /// is not provided by this host"), imported resource types become fresh host resource
    /// types and `(eq ...)` type imports take the type they equal. Off by default, so a
    /// missing import is a `ComponentLinkError` at instantiation.
    public var definesUnknownImportsAsTraps = false
    private var definitions: [String: RuntimeItem] = [:]

    /// A linker with nothing defined, instantiating into `store`.
    public init(store: Store = Store()) {
        self.store = store
    }

    /// Makes a host instance importable under `name` (e.g. "wasi:cli/environment@0.2.0").
    /// Imports of interface names match version-tolerantly: an import of `@0.2.3` is
    /// satisfied by the highest defined `@0.2.*`.
    public func define(instance name: String, _ instance: HostInstance) throws {
        try define(name, .instance(ComponentInstance(host: instance)))
    }

    /// Makes a component instance importable under `name` (to link components together).
    public func define(instance name: String, _ instance: ComponentInstance) throws {
        try define(name, .instance(instance))
    }

    /// Makes a single function importable under the plain name `name`.
    public func define(function name: String, _ function: ComponentFunction) throws {
        try define(name, .function(function))
    }

    private func define(_ name: String, _ item: RuntimeItem) throws {
        guard definitions[name] == nil else {
            throw ComponentLinkError("`\(name)` is already defined in this linker")
        }
        definitions[name] = item
    }

    /// Instantiates `component` (which should have passed `ComponentValidator`): resolves
    /// its imports against the definitions, then runs its definitions in order, which
    /// instantiates its core modules and nested components and runs core start functions.
    /// Throws `ComponentLinkError` for missing or mistyped imports and inconsistent
    /// definitions, `ComponentTrap` when code run during instantiation traps.
    public func instantiate(_ component: Component) throws -> ComponentInstance {
        let closure = ComponentClosure(prepared: PreparedComponent(component), environment: nil)
        do {
            return try Instantiator(store: store).instantiate(closure) { entry, scope in
                try self.resolve(entry, in: scope)
            }
        } catch let error as ComponentLinkError {
            throw error
        } catch let error as LinkError {
            throw ComponentLinkError(error.message)
        } catch {
            throw ComponentTrap.from(error)
        }
    }

    /// The definition that satisfies top-level import `entry`, checked against its type.
    private func resolve(_ entry: ComponentImport, in scope: InstantiationScope) throws -> RuntimeItem {
        let name = entry.name.name
        let match = ExternVersionMatching.bestMatch(for: name, among: definitions.keys)
        var supplied = match.flatMap { definitions[$0] }
        if definesUnknownImportsAsTraps {
            supplied = try UnknownImportStubs.complete(supplied, for: entry.type, name: name, in: scope)
        }
        guard let item = supplied else {
            throw ComponentLinkError("missing import `\(name)`: nothing of that name is defined in the linker")
        }
        try ImportTypeChecker.check(item, against: entry.type, name: name, in: scope)
        return item
    }
}

/// Builds what `ComponentLinker.definesUnknownImportsAsTraps` supplies for imports the linker
/// lacks, from the import's declared type resolved in the runtime type space (as
/// `ImportTypeChecker` resolves it): trapping functions, fresh host resource types, and
/// instances that keep every export the linker did supply and stub the rest.
private enum UnknownImportStubs {
    /// `supplied` (nil when nothing was defined) completed to match `descriptor`; a supplied
    /// item of another sort is returned unchanged so that the type check reports it.
    static func complete(_ supplied: RuntimeItem?, for descriptor: ExternDescriptor, name: String,
                         in scope: InstantiationScope) throws -> RuntimeItem? {
        try complete(supplied, for: descriptor, path: name, lookup: scope.type, scope: scope)
    }

    private static func complete(_ supplied: RuntimeItem?, for descriptor: ExternDescriptor, path: String,
                                 lookup: RuntimeTypeSpace.Lookup, scope: InstantiationScope) throws -> RuntimeItem? {
        switch descriptor {
        case .function(let typeIndex):
            if let supplied { return supplied }
            guard case .function(let type) = try lookup(typeIndex) else {
                throw ComponentLinkError("import `\(path)`: type \(typeIndex) is not a function type")
            }
            return .function(ComponentFunction(name: path, type: type) { _ in
                throw ComponentTrap("`\(path)` is not provided by this host")
            })
        case .type(.subResource):
            return supplied ?? .type(.resource(RuntimeResourceType(name: "\(path) (unprovided host resource)")))
        case .type(.equal(let typeIndex)):
            if let supplied { return supplied }
            return .type(try lookup(typeIndex))
        case .instance(let typeIndex):
            if let supplied, !isInstance(supplied) { return supplied }
            guard case .instance(let declarations, let typeScope) = try lookup(typeIndex) else {
                throw ComponentLinkError("import `\(path)`: type \(typeIndex) is not an instance type")
            }
            var instance: ComponentInstance?
            if case .instance(let given)? = supplied { instance = given }
            return .instance(try complete(instance, for: declarations, path: path, typeScope: typeScope))
        case .coreModule, .component, .value:
            guard let supplied else {
                throw ComponentLinkError("missing import `\(path)`: a \(descriptor.sort.name) cannot be stubbed")
            }
            return supplied
        }
    }

    private static func isInstance(_ item: RuntimeItem) -> Bool {
        if case .instance = item { return true }
        return false
    }

    /// An instance with `supplied`'s exports where it has them and stubs for the others,
    /// walking the instance type's declarations with their own local type index space.
    private static func complete(_ supplied: ComponentInstance?, for declarations: [InstanceTypeDeclaration],
                                 path: String, typeScope: InstantiationScope) throws -> ComponentInstance {
        var exports: [(name: String, item: RuntimeItem)] = []
        try InstanceTypeWalk.forEachExport(of: declarations, typeScope: typeScope, unresolved: { index in
            ComponentLinkError("import `\(path)`: type \(index) of the instance type cannot be resolved")
        }) { name, descriptor, lookup in
            guard let item = try complete(supplied?.export(name.name), for: descriptor,
                                          path: "\(path)#\(name.name)", lookup: lookup, scope: typeScope) else {
                return nil
            }
            exports.append((name.name, item))
            return item
        }
        // Exports the type does not mention stay available (they are harmless extras).
        for name in supplied?.exportNames ?? [] where !exports.contains(where: { $0.name == name }) {
            if let item = supplied?.export(name) { exports.append((name, item)) }
        }
        return ComponentInstance(exports: exports)
    }
}
