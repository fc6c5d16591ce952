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
        guard let match = ExternVersionMatching.bestMatch(for: name, among: definitions.keys),
              let item = definitions[match] else {
            throw ComponentLinkError("missing import `\(name)`: nothing of that name is defined in the linker")
        }
        try ImportTypeChecker.check(item, against: entry.type, name: name, in: scope)
        return item
    }
}
