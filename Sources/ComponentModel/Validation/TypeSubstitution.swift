/// What instantiation (and the freshening of abstract resources) replaces: type ids
/// (an import's type by the argument's) and resource identities.
struct Substitution {
    var types: [TypeID: TypeID] = [:]
    var resources: [ResourceID: ResourceID] = [:]

    var isEmpty: Bool { types.isEmpty && resources.isEmpty }
}

extension ValidationRun {
    /// `entity` with the substitution applied; unchanged types keep their ids.
    func substitute(_ entity: EntityType, _ substitution: Substitution) -> EntityType {
        guard !substitution.isEmpty else { return entity }
        var memo: [TypeID: TypeID] = [:]
        return substitute(entity, substitution, &memo)
    }

    /// Named entities with one substitution applied consistently (a type shared by two
    /// exports stays shared).
    func substitute(_ entities: [NamedEntity], _ substitution: Substitution) -> [NamedEntity] {
        guard !substitution.isEmpty else { return entities }
        var memo: [TypeID: TypeID] = [:]
        return entities.map { NamedEntity(name: $0.name, type: substitute($0.type, substitution, &memo)) }
    }

    private func substitute(_ entity: EntityType, _ s: Substitution, _ memo: inout [TypeID: TypeID]) -> EntityType {
        switch entity {
        case .module: return entity
        case .value(let value): return .value(substitute(value, s, &memo))
        case .function(let id): return .function(substitute(id, s, &memo))
        case .type(let id): return .type(substitute(id, s, &memo))
        case .instance(let id): return .instance(substitute(id, s, &memo))
        case .component(let id): return .component(substitute(id, s, &memo))
        }
    }

    private func substitute(_ value: ValType, _ s: Substitution, _ memo: inout [TypeID: TypeID]) -> ValType {
        guard case .defined(let id) = value else { return value }
        return .defined(substitute(id, s, &memo))
    }

    private func substitute(_ id: TypeID, _ s: Substitution, _ memo: inout [TypeID: TypeID]) -> TypeID {
        if let mapped = s.types[id] { return mapped }
        if let done = memo[id] { return done }
        memo[id] = id  // types are acyclic; this only guards against revisiting
        let entry = arena[id]
        let replaced: TypeEntry
        switch entry {
        case .resource(let resource):
            replaced = .resource(s.resources[resource] ?? resource)
        case .defined(let defined):
            replaced = .defined(substitute(defined, s, &memo))
        case .function(let function):
            replaced = .function(FuncType(
                parameters: function.parameters.map { LabeledVal(label: $0.label, type: substitute($0.type, s, &memo)) },
                result: function.result.map { substitute($0, s, &memo) }))
        case .instance(let info):
            replaced = .instance(InstanceTypeInfo(
                exports: info.exports.map { NamedEntity(name: $0.name, type: substitute($0.type, s, &memo)) },
                definedResources: info.definedResources))
        case .component(let info):
            replaced = .component(ComponentTypeInfo(
                imports: info.imports.map { NamedEntity(name: $0.name, type: substitute($0.type, s, &memo)) },
                exports: info.exports.map { NamedEntity(name: $0.name, type: substitute($0.type, s, &memo)) },
                importedResources: info.importedResources, definedResources: info.definedResources))
        }
        let result = replaced == entry ? id : arena.add(replaced)
        memo[id] = result
        return result
    }

    private func substitute(_ defined: DefinedType, _ s: Substitution, _ memo: inout [TypeID: TypeID]) -> DefinedType {
        switch defined {
        case .primitive, .flags, .enum: return defined
        case .record(let fields):
            return .record(fields.map { LabeledVal(label: $0.label, type: substitute($0.type, s, &memo)) })
        case .variant(let cases):
            return .variant(cases.map { CaseVal(label: $0.label, type: $0.type.map { substitute($0, s, &memo) }) })
        case .list(let element): return .list(substitute(element, s, &memo))
        case .tuple(let types): return .tuple(types.map { substitute($0, s, &memo) })
        case .option(let type): return .option(substitute(type, s, &memo))
        case .result(let ok, let error):
            return .result(ok: ok.map { substitute($0, s, &memo) }, error: error.map { substitute($0, s, &memo) })
        case .own(let handle): return .own(substitute(handle, s, &memo))
        case .borrow(let handle): return .borrow(substitute(handle, s, &memo))
        }
    }

    /// Matches the abstract resources of `expected` (those in `unbound`) with the
    /// resources `actual` supplies at the same export paths.
    func bind(expected: EntityType, actual: EntityType, unbound: Set<ResourceID>, into substitution: inout Substitution) {
        switch (expected, actual) {
        case (.type(let e), .type(let a)):
            if let expectedResource = arena.resource(e), unbound.contains(expectedResource),
               substitution.resources[expectedResource] == nil, let actualResource = arena.resource(a) {
                substitution.resources[expectedResource] = actualResource
                substitution.types[e] = a
            }
        case (.instance(let e), .instance(let a)):
            guard case .instance(let expectedInfo) = arena[e], case .instance(let actualInfo) = arena[a] else { return }
            for export in expectedInfo.exports {
                if let other = actualInfo.export(named: export.name) {
                    bind(expected: export.type, actual: other, unbound: unbound, into: &substitution)
                }
            }
        default:
            return
        }
    }
}
