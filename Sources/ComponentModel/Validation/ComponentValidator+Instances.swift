/// Component instances, aliases, imports and exports.
extension ValidationRun {
    /// A component instance definition.
    func defineInstance(_ instance: ComponentInstanceDefinition) throws(ComponentValidationError) {
        switch instance {
        case .instantiate(let componentIndex, let arguments):
            let componentID = try current.component(componentIndex)
            guard case .component(let component) = arena[componentID] else {
                throw ComponentValidationError("component index \(componentIndex) is not a component")
            }
            var supplied: [String: EntityType] = [:]
            for argument in arguments {
                guard supplied[argument.name] == nil else {
                    throw ComponentValidationError("instantiation argument `\(argument.name)` conflicts with previous argument `\(argument.name)`")
                }
                supplied[argument.name] = try entity(argument.target)
            }
            current.instances.append(try instantiate(component, with: supplied))
        case .fromExports(let exports):
            var names = StrongNameSet(kind: "export")
            var resourceNames: [TypeID: String] = [:]
            var result: [NamedEntity] = []
            for export in exports {
                let form = try checkName(export.name, isInstance: export.target.sort == .instance)
                try names.insert(export.name.name)
                var item = try entity(export.target)
                if case .type(let id) = item { item = .type(arena.add(arena[id])) }
                try checkAnnotatedName(export.name.name, form: form, entity: item, resourceNames: resourceNames)
                if case .type(let id) = item, arena.resource(id) != nil, case .plain(let label) = form {
                    resourceNames[id] = label
                }
                result.append(NamedEntity(name: export.name.name, type: item))
            }
            current.instances.append(arena.add(.instance(InstanceTypeInfo(exports: result, definedResources: []))))
        }
    }

    /// Type-checks the arguments of an instantiation and returns the new instance's type.
    func instantiate(_ component: ComponentTypeInfo, with supplied: [String: EntityType]) throws(ComponentValidationError) -> TypeID {
        var substitution = Substitution()
        let unbound = Set(component.importedResources)
        for entry in component.imports {
            guard let argument = supplied[entry.name] else {
                throw ComponentValidationError("missing import named `\(entry.name)`")
            }
            bind(expected: entry.type, actual: argument, unbound: unbound, into: &substitution)
        }
        for entry in component.imports {
            let argument = supplied[entry.name]!
            let expected = substitute(entry.type, substitution)
            do {
                try TypeChecker(arena: arena, run: self).check(argument, isSubtypeOf: expected)
            } catch {
                throw error.inContext("type mismatch for component instantiation argument `\(entry.name)`")
            }
            // Eq-bound type imports now stand for the argument's type.
            if case .type(let expectedID) = entry.type, case .type(let actualID) = argument {
                substitution.types[expectedID] = actualID
            }
        }
        for resource in component.definedResources {
            substitution.resources[resource] = arena.freshResource(named: arena.resourceNames[resource])
        }
        let exports = substitute(component.exports, substitution)
        return arena.add(.instance(InstanceTypeInfo(exports: exports, definedResources: [])))
    }

    /// An alias definition or declarator.
    func defineAlias(_ alias: Alias) throws(ComponentValidationError) {
        switch alias.target {
        case .export(let instanceIndex, let name):
            let id = try current.instance(instanceIndex)
            guard case .instance(let instance) = arena[id], let item = instance.export(named: name) else {
                throw ComponentValidationError("instance \(instanceIndex) has no export named `\(name)`")
            }
            guard item.sort == alias.sort else {
                throw ComponentValidationError("export `\(name)` for instance \(instanceIndex) is not a \(alias.sort == .core(.module) ? "module" : alias.sort.name)")
            }
            push(item)
        case .coreExport(let instanceIndex, let name):
            guard case .core(let sort) = alias.sort else {
                throw ComponentValidationError("core export aliases must have a core sort")
            }
            try aliasCoreExport(instance: instanceIndex, name: name, sort: sort)
        case .outer(let count, let index):
            guard Int(count) < scopes.count else {
                throw ComponentValidationError("invalid outer alias count of \(count)")
            }
            let target = scopes[scopes.count - 1 - Int(count)]
            let crossesComponent = scopes[(scopes.count - Int(count))...].contains { $0.kind == .component }
            switch alias.sort {
            case .core(.module):
                current.coreModules.append(try target.coreModule(index))
            case .core(.type):
                current.coreTypes.append(try target.coreType(index))
            case .component:
                current.components.append(try target.component(index))
            case .type:
                let id = try target.type(index)
                if crossesComponent && refersToResources(.type(id)) {
                    throw ComponentValidationError("type index \(index) transitively refers to resources and cannot be aliased across a component boundary")
                }
                current.types.append(id)
            default:
                throw ComponentValidationError("outer aliases may only refer to core modules, core types, types and components")
            }
        }
    }

    /// `import` of a component or component type.
    func addImport(name: ExternName, descriptor: ExternDescriptor) throws(ComponentValidationError) {
        let form = try checkName(name, isInstance: descriptor.sort == .instance)
        try current.importNames.insert(name.name)
        var item = try entityType(descriptor)
        if case .instance(let id) = item {
            let (fresh, resources) = freshen(instance: id)
            item = .instance(fresh)
            current.importedResources += resources
        }
        if case .type(.subResource) = descriptor, case .type(let id) = item, let resource = arena.resource(id) {
            current.importedResources.append(resource)
        }
        try checkVisible(item, allowed: current.importedTypeIDs, role: "import")
        try checkAnnotatedName(name.name, form: form, entity: item, resourceNames: current.importedResourceNames)
        switch item {
        case .type(let id):
            current.importedTypeIDs.insert(id)
            if arena.resource(id) != nil, case .plain(let label) = form { current.importedResourceNames[id] = label }
        case .instance(let id):
            current.importedTypeIDs.formUnion(typeExports(of: id))
        default:
            break
        }
        push(item)
        current.imports.append(NamedEntity(name: name.name, type: item))
    }

    /// `export` definition of a component.
    func addExport(_ export: ComponentExport) throws(ComponentValidationError) {
        let form = try checkName(export.name, isInstance: export.target.sort == .instance)
        try current.exportNames.insert(export.name.name)
        var item = try entity(export.target)
        if let ascribed = export.ascribedType {
            var expected = try entityType(ascribed)
            if case .type(.subResource) = ascribed, case .type(let id) = item, let resource = arena.resource(id) {
                // `(sub resource)` hides which resource this is: outside, it is a resource
                // of its own; inside, it keeps the original's local powers.
                let hidden = arena.freshResource(named: arena.resourceNames[resource])
                if current.localResources.contains(resource) { current.localResources.insert(hidden) }
                expected = .type(arena.add(.resource(hidden)))
                item = expected
            }
            do {
                try TypeChecker(arena: arena, run: self).check(item, isSubtypeOf: expected)
            } catch {
                throw error.inContext("ascribed type of export is not compatible with item's type")
            }
            item = expected
        } else if case .type(let id) = item {
            item = .type(arena.add(arena[id]))
        }
        try registerExport(name: export.name.name, form: form, item: item)
    }

    /// `export` declarator of a component or instance type.
    func addTypeExport(name: ExternName, descriptor: ExternDescriptor) throws(ComponentValidationError) {
        let form = try checkName(name, isInstance: descriptor.sort == .instance)
        try current.exportNames.insert(name.name)
        var item = try entityType(descriptor)
        if case .instance(let id) = item {
            let (fresh, resources) = freshen(instance: id)
            item = .instance(fresh)
            current.definedResources += resources
        }
        if case .type(.subResource) = descriptor, case .type(let id) = item, let resource = arena.resource(id) {
            current.definedResources.append(resource)
        }
        try registerExport(name: name.name, form: form, item: item)
    }

    /// The checks and bookkeeping shared by export definitions and declarators.
    private func registerExport(name: String, form: ExternNameForm, item: EntityType) throws(ComponentValidationError) {
        // Instance types defer external visibility until they are imported or exported.
        if current.kind != .instanceType {
            try checkVisible(item, allowed: current.importedTypeIDs.union(current.exportedTypeIDs), role: "export")
        }
        try checkAnnotatedName(name, form: form, entity: item, resourceNames: current.exportedResourceNames)
        switch item {
        case .type(let id):
            current.exportedTypeIDs.insert(id)
            if arena.resource(id) != nil, case .plain(let label) = form { current.exportedResourceNames[id] = label }
        case .instance(let id):
            current.exportedTypeIDs.formUnion(typeExports(of: id))
        default:
            break
        }
        push(item)
        current.exports.append(NamedEntity(name: name, type: item))
    }

    /// A copy of an instance type whose abstract resources are fresh, and those resources.
    func freshen(instance id: TypeID) -> (TypeID, [ResourceID]) {
        guard case .instance(let info) = arena[id], !info.definedResources.isEmpty else { return (id, []) }
        var substitution = Substitution()
        var fresh: [ResourceID] = []
        for resource in info.definedResources {
            let new = arena.freshResource(named: arena.resourceNames[resource])
            substitution.resources[resource] = new
            fresh.append(new)
        }
        let exports = substitute(info.exports, substitution)
        return (arena.add(.instance(InstanceTypeInfo(exports: exports, definedResources: []))), fresh)
    }

    /// The type ids an instance exports, through nested instances too.
    func typeExports(of id: TypeID) -> Set<TypeID> {
        guard case .instance(let info) = arena[id] else { return [] }
        var result: Set<TypeID> = []
        for export in info.exports {
            switch export.type {
            case .type(let type): result.insert(type)
            case .instance(let nested): result.formUnion(typeExports(of: nested))
            default: break
            }
        }
        return result
    }
}

extension EntityType {
    /// The component-level sort of an entity.
    var sort: ComponentSort {
        switch self {
        case .module: return .core(.module)
        case .function: return .function
        case .value: return .value
        case .type: return .type
        case .instance: return .instance
        case .component: return .component
        }
    }
}

extension ComponentSort {
    /// The sort's name in the text format.
    var name: String {
        switch self {
        case .core(let sort): return "core " + CoreTypeMatching.sortName(sort)
        case .function: return "func"
        case .value: return "value"
        case .type: return "type"
        case .component: return "component"
        case .instance: return "instance"
        }
    }
}
