/// External visibility of types (Explainer.md, "External Visibility of Types"): the
/// resource, record, variant, enum and flags types that an import or export mentions
/// must have been given a name by an earlier import (or, for exports, export).
extension ValidationRun {
    /// Throws "<sort> not valid to be used as <role>" unless `entity` only mentions
    /// nameable types whose ids are in `allowed`.
    func checkVisible(_ entity: EntityType, allowed: Set<TypeID>, role: String) throws(ComponentValidationError) {
        guard isVisible(entity, allowed: allowed) else {
            throw ComponentValidationError(
                "\(entity.kindName) not valid to be used as \(role): it refers to a resource, record, variant, enum or flags type that has no \(role)ed name")
        }
    }

    private func isVisible(_ entity: EntityType, allowed: Set<TypeID>) -> Bool {
        switch entity {
        case .module, .component: return true
        case .function(let id), .type(let id): return contentsVisible(id, allowed: allowed)
        case .value(let value): return isVisible(value, allowed: allowed)
        case .instance(let id):
            guard case .instance(let info) = arena[id] else { return true }
            let inner = allowed.union(typeExports(of: id))
            return info.exports.allSatisfy { isVisible($0.type, allowed: inner) }
        }
    }

    /// Whether the types a type is made of are visible (the type itself gets a name).
    private func contentsVisible(_ id: TypeID, allowed: Set<TypeID>) -> Bool {
        switch arena[id] {
        case .resource, .component: return true
        case .defined(let defined): return children(of: defined).allSatisfy { isVisible($0, allowed: allowed) }
        case .function(let function):
            return function.parameters.allSatisfy { isVisible($0.type, allowed: allowed) }
                && (function.result.map { isVisible($0, allowed: allowed) } ?? true)
        case .instance: return isVisible(.instance(id), allowed: allowed)
        }
    }

    private func isVisible(_ value: ValType, allowed: Set<TypeID>) -> Bool {
        guard case .defined(let id) = value, let defined = arena.defined(id) else { return true }
        switch defined {
        case .record, .variant, .enum, .flags: return allowed.contains(id)
        case .own(let resource), .borrow(let resource): return allowed.contains(resource)
        default: return children(of: defined).allSatisfy { isVisible($0, allowed: allowed) }
        }
    }

    /// The value types directly inside a defined type.
    func children(of defined: DefinedType) -> [ValType] {
        switch defined {
        case .primitive, .flags, .enum, .own, .borrow: return []
        case .record(let fields): return fields.map(\.type)
        case .variant(let cases): return cases.compactMap(\.type)
        case .list(let element), .option(let element): return [element]
        case .tuple(let types): return types
        case .result(let ok, let error): return [ok, error].compactMap { $0 }
        }
    }

    /// Whether a type transitively refers to a resource type (outer aliases across a
    /// component boundary may not, resources being generative).
    func refersToResources(_ entity: EntityType) -> Bool {
        !resources(in: entity).isEmpty
    }

    /// The resources an entity's type mentions, in first-seen order.
    func resources(in entity: EntityType) -> [ResourceID] {
        var found: [ResourceID] = []
        var visited: Set<TypeID> = []
        func visit(_ id: TypeID) {
            guard visited.insert(id).inserted else { return }
            switch arena[id] {
            case .resource(let resource): if !found.contains(resource) { found.append(resource) }
            case .defined(let defined):
                switch defined {
                case .own(let handle), .borrow(let handle): visit(handle)
                default: children(of: defined).forEach(value)
                }
            case .function(let function):
                function.parameters.forEach { value($0.type) }
                function.result.map(value)
            case .instance(let info): info.exports.forEach { entityVisit($0.type) }
            case .component(let info): (info.imports + info.exports).forEach { entityVisit($0.type) }
            }
        }
        func value(_ type: ValType) {
            if case .defined(let id) = type { visit(id) }
        }
        func entityVisit(_ entity: EntityType) {
            switch entity {
            case .module: break
            case .value(let type): value(type)
            case .function(let id), .type(let id), .instance(let id), .component(let id): visit(id)
            }
        }
        entityVisit(entity)
        return found
    }
}
