/// Validates decoded components against the Component Model's validation rules
/// (Explainer.md and Binary.md), for the synchronous subset of the model.
///
/// Validation walks a component's definitions in order, building one index space per
/// sort (core funcs, tables, memories, globals, types, modules and instances; funcs,
/// values, types, components and instances), type-checking each definition against
/// the definitions before it, and recursing into nested components and into component
/// and instance types. Async (🔀), threads (🧵), error-context (📝), values and start
/// definitions (🪙), maps (🗺️) and fixed-size lists (🔧) are rejected as not supported.
public enum ComponentValidator {
    /// Validates `component`, returning it with the resolved types of its imports and
    /// exports; throws the first rule broken, located at the definition's offset.
    public static func validate(_ component: Component) throws(ComponentValidationError) -> ValidatedComponent {
        let run = ValidationRun()
        let scope = try run.validateComponent(component)
        let resolver = TypeResolver(arena: run.arena, importedResources: Set(scope.importedResources))
        return ValidatedComponent(
            component: component,
            imports: scope.imports.map { ResolvedExtern(name: $0.name, type: resolver.resolve($0.type)) },
            exports: scope.exports.map { ResolvedExtern(name: $0.name, type: resolver.resolve($0.type)) })
    }
}

/// The state of one validation: the type arena and the stack of enclosing scopes.
final class ValidationRun {
    let arena = TypeArena()
    var scopes: [ValidationScope] = []

    /// The innermost scope (the component or type being validated).
    var current: ValidationScope { scopes[scopes.count - 1] }

    /// Validates a (possibly nested) component and returns its finished scope.
    func validateComponent(_ component: Component) throws(ComponentValidationError) -> ValidationScope {
        let scope = ValidationScope(kind: .component)
        scopes.append(scope)
        defer { scopes.removeLast() }
        for (index, definition) in component.definitions.enumerated() {
            let offset = index < component.definitionOffsets.count ? component.definitionOffsets[index] : nil
            do {
                try validateDefinition(definition)
            } catch {
                throw error.located(at: offset)
            }
        }
        // Every resource the exports mention that the component did not import is
        // generated anew by each instantiation.
        let imported = Set(scope.importedResources)
        var defined: [ResourceID] = []
        for export in scope.exports {
            for resource in resources(in: export.type) where !imported.contains(resource) && !defined.contains(resource) {
                defined.append(resource)
            }
        }
        scope.definedResources = defined
        return scope
    }

    private func validateDefinition(_ definition: ComponentDefinition) throws(ComponentValidationError) {
        switch definition {
        case .custom:
            return
        case .coreModule(let module):
            try defineCoreModule(module)
        case .coreInstance(let instance):
            try defineCoreInstance(instance)
        case .coreType(let type):
            try defineCoreType(type)
        case .component(let nested):
            let scope = try validateComponent(nested)
            current.components.append(arena.add(.component(scope.componentType)))
        case .instance(let instance):
            try defineInstance(instance)
        case .alias(let alias):
            try defineAlias(alias)
        case .type(let type):
            current.types.append(try defineType(type))
        case .canonical(let function):
            try defineCanonical(function)
        case .start:
            throw ComponentValidationError("start definitions (🪙 values) are not supported")
        case .value:
            throw ComponentValidationError("value definitions (🪙 values) are not supported")
        case .import(let entry):
            try addImport(name: entry.name, descriptor: entry.type)
        case .export(let entry):
            try addExport(entry)
        }
    }

    /// Appends an entity to the index space of its sort.
    func push(_ entity: EntityType) {
        switch entity {
        case .module(let module): current.coreModules.append(module)
        case .function(let id): current.functions.append(id)
        case .value(let value): current.values.append(value)
        case .type(let id): current.types.append(id)
        case .instance(let id): current.instances.append(id)
        case .component(let id): current.components.append(id)
        }
    }

    /// The entity a component-level sort index names.
    func entity(_ target: ComponentSortIndex) throws(ComponentValidationError) -> EntityType {
        switch target.sort {
        case .core(.module): return .module(try current.coreModule(target.index))
        case .core(let sort):
            throw ComponentValidationError("core \(CoreTypeMatching.sortName(sort)) cannot be used here: only core modules are component-level items")
        case .function: return .function(try current.function(target.index))
        case .value: return .value(try current.value(target.index))
        case .type: return .type(try current.type(target.index))
        case .instance: return .instance(try current.instance(target.index))
        case .component: return .component(try current.component(target.index))
        }
    }
}
