import WasmEngine

/// Instantiates components: walks a component's definitions in order, appending each
/// one's runtime value to the index space of its sort (see `InstantiationScope`), and
/// instantiates nested components eagerly where their `instance` definitions stand.
///
/// All core instances live in one WasmEngine `Store`. The split over files follows the
/// definition kinds: core definitions in `Instantiator+Core.swift`, `canon` definitions in
/// `Instantiator+Canonical.swift`, type definitions in `RuntimeTypeSpace.swift`.
struct Instantiator {
    /// Supplies the item for an import of the component being instantiated (the linker's
    /// definitions at the top level, `with` arguments for nested components).
    typealias ImportResolver = (ComponentImport, InstantiationScope) throws -> RuntimeItem

    let store: Store
    /// Caps the instances one top-level instantiation may create.
    let budget = InstantiationBudget()

    /// Instantiates `closure`, resolving its imports with `resolveImport`.
    func instantiate(_ closure: ComponentClosure, resolveImport: ImportResolver) throws -> ComponentInstance {
        try budget.spend(.component)
        let scope = InstantiationScope(parent: closure.environment)
        let prepared = closure.prepared
        for (index, definition) in prepared.component.definitions.enumerated() {
            try define(definition, at: index, of: prepared, in: scope, resolveImport: resolveImport)
        }
        return ComponentInstance(exports: scope.exports)
    }

    private func define(_ definition: ComponentDefinition, at index: Int, of prepared: PreparedComponent,
                        in scope: InstantiationScope, resolveImport: ImportResolver) throws {
        switch definition {
        case .custom:
            break
        case .coreModule(let module):
            scope.coreModules.append(try prepared.module(at: index, module))
        case .coreInstance(let instance):
            try defineCoreInstance(instance, in: scope)
        case .coreType(let type):
            scope.coreTypes.append(type)
        case .component(let component):
            scope.components.append(ComponentClosure(prepared: prepared.child(at: index, component), environment: scope))
        case .instance(let instance):
            scope.instances.append(try makeInstance(instance, in: scope))
        case .alias(let alias):
            try defineAlias(alias, in: scope)
        case .type(let type):
            scope.types.append(try RuntimeTypeSpace.define(type, in: scope, store: store))
        case .canonical(let canonical):
            try defineCanonical(canonical, in: scope)
        case .start:
            throw ComponentLinkError("component start functions (values) are not supported")
        case .value:
            throw ComponentLinkError("component value definitions are not supported")
        case .import(let entry):
            guard entry.type.sort != .value else {
                throw ComponentLinkError("import `\(entry.name)`: component values are not supported")
            }
            let item = try resolveImport(entry, scope)
            do {
                try scope.append(item, as: entry.type.sort)
            } catch let error as ComponentLinkError {
                throw ComponentLinkError("import `\(entry.name)`: \(error.message)")
            }
        case .export(let entry):
            let item = try scope.item(entry.target)
            scope.exports.append((entry.name.name, item))
            try scope.append(item, as: entry.target.sort)
        }
    }

    /// A component instance from `instantiate` (with named arguments) or inline exports.
    private func makeInstance(_ definition: ComponentInstanceDefinition,
                              in scope: InstantiationScope) throws -> ComponentInstance {
        switch definition {
        case .instantiate(let componentIndex, let arguments):
            let closure = try scope.component(componentIndex)
            var supplied: [String: RuntimeItem] = [:]
            for argument in arguments {
                guard supplied[argument.name] == nil else {
                    throw ComponentLinkError("duplicate instantiation argument `\(argument.name)`")
                }
                supplied[argument.name] = try scope.item(argument.target)
            }
            return try instantiate(closure) { entry, _ in
                guard let item = supplied[entry.name.name] else {
                    throw ComponentLinkError("missing instantiation argument for import `\(entry.name)`")
                }
                return item
            }
        case .fromExports(let exports):
            return ComponentInstance(exports: try exports.map { ($0.name.name, try scope.item($0.target)) })
        }
    }

    /// An alias of an instance export, a core instance export, or an outer definition.
    private func defineAlias(_ alias: Alias, in scope: InstantiationScope) throws {
        switch alias.target {
        case .export(let instanceIndex, let name):
            let instance = try scope.instance(instanceIndex)
            guard let item = instance.export(name) else {
                throw ComponentLinkError("instance \(instanceIndex) has no export named `\(name)`")
            }
            try scope.append(item, as: alias.sort)
        case .coreExport(let instanceIndex, let name):
            guard case .core(let sort) = alias.sort else {
                throw ComponentLinkError("a core export alias must have a core sort")
            }
            guard let value = try scope.coreInstance(instanceIndex)[name] else {
                throw ComponentLinkError("core instance \(instanceIndex) has no export named `\(name)`")
            }
            try scope.appendCore(value, as: sort)
        case .outer(let count, let index):
            let outer = try scope.outer(count)
            switch alias.sort {
            case .core(.module):
                scope.coreModules.append(try InstantiationScope.element(outer.coreModules, index, "core module"))
            case .core(.type):
                scope.coreTypes.append(try InstantiationScope.element(outer.coreTypes, index, "core type"))
            case .type:
                scope.types.append(try outer.type(index))
            case .component:
                scope.components.append(try outer.component(index))
            default:
                throw ComponentLinkError("outer aliases of \(alias.sort.name) are not allowed")
            }
        }
    }
}

/// Limits on how many instances one top-level instantiation creates: a small component
/// that instantiates a nested component twice at each of many levels would otherwise ask
/// for exponentially many.
final class InstantiationBudget {
    enum Kind { case component, core }
    static let maxComponentInstances = 10_000
    static let maxCoreInstances = 10_000
    private var componentInstances = 0
    private var coreInstances = 0

    /// Counts one more instance of `kind`, or throws when the limit is reached.
    func spend(_ kind: Kind) throws {
        switch kind {
        case .component:
            componentInstances += 1
            guard componentInstances <= Self.maxComponentInstances else {
                throw ComponentLinkError("instantiation creates more than \(Self.maxComponentInstances) component instances")
            }
        case .core:
            coreInstances += 1
            guard coreInstances <= Self.maxCoreInstances else {
                throw ComponentLinkError("instantiation creates more than \(Self.maxCoreInstances) core instances")
            }
        }
    }
}
