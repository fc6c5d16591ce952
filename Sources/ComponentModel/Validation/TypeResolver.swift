/// Converts the validator's arena types into the public, index-free `Resolved*` types.
struct TypeResolver {
    let arena: TypeArena
    /// Resources the component imports (abstract), to mark them as such.
    let importedResources: Set<ResourceID>

    func resolve(_ entity: EntityType) -> ResolvedExternType {
        switch entity {
        case .module(let module): return .module(resolve(module))
        case .function(let id): return .function(function(id))
        case .value(let value): return .value(resolve(value))
        case .type(let id): return .type(definition(id))
        case .instance(let id): return .instance(instance(id))
        case .component(let id): return .component(component(id))
        }
    }

    private func definition(_ id: TypeID) -> ResolvedTypeDefinition {
        switch arena[id] {
        case .defined: return .value(resolve(.defined(id)))
        case .function: return .function(function(id))
        case .instance: return .instance(instance(id))
        case .component: return .component(component(id))
        case .resource(let resource): return .resource(self.resource(resource))
        }
    }

    private func resource(_ id: ResourceID) -> ResolvedResource {
        ResolvedResource(id: id.raw, isImported: importedResources.contains(id))
    }

    func function(_ id: TypeID) -> ResolvedFunctionType {
        guard case .function(let function) = arena[id] else { return ResolvedFunctionType(parameters: [], result: nil) }
        return ResolvedFunctionType(parameters: function.parameters.map { ResolvedParameter(name: $0.label, type: resolve($0.type)) },
                                    result: function.result.map(resolve))
    }

    private func instance(_ id: TypeID) -> ResolvedInstanceType {
        guard case .instance(let info) = arena[id] else { return ResolvedInstanceType(exports: []) }
        return ResolvedInstanceType(exports: info.exports.map { ResolvedExtern(name: $0.name, type: resolve($0.type)) })
    }

    private func component(_ id: TypeID) -> ResolvedComponentType {
        guard case .component(let info) = arena[id] else { return ResolvedComponentType(imports: [], exports: []) }
        return ResolvedComponentType(imports: info.imports.map { ResolvedExtern(name: $0.name, type: resolve($0.type)) },
                                     exports: info.exports.map { ResolvedExtern(name: $0.name, type: resolve($0.type)) })
    }

    private func resolve(_ module: ModuleTypeInfo) -> ResolvedModuleType {
        ResolvedModuleType(
            imports: module.imports.map { ResolvedCoreItem(name: "\($0.module)::\($0.name)", type: describe($0.type)) },
            exports: module.exportOrder.map { ResolvedCoreItem(name: $0, type: describe(module.exports[$0]!)) })
    }

    private func describe(_ item: CoreExtern) -> String {
        switch item {
        case .function(let type): return CoreTypeMatching.text(type)
        case .tag(let type): return "tag " + CoreTypeMatching.text(type)
        case .table(let table): return "table \(table.limits.min)\(table.limits.max.map { " \($0)" } ?? "") \(table.elementType)"
        case .memory(let memory): return "memory \(memory.limits.min)\(memory.limits.max.map { " \($0)" } ?? "")"
        case .global(let global): return "global \(global.isMutable ? "(mut \(global.valueType))" : "\(global.valueType)")"
        }
    }

    func resolve(_ value: ValType) -> ResolvedValueType {
        switch value {
        case .primitive(let primitive): return .primitive(primitive)
        case .defined(let id):
            guard let defined = arena.defined(id) else { return .primitive(.bool) }
            switch defined {
            case .primitive(let primitive): return .primitive(primitive)
            case .record(let fields): return .record(fields.map { ResolvedField(label: $0.label, type: resolve($0.type)) })
            case .variant(let cases): return .variant(cases.map { ResolvedCase(label: $0.label, type: $0.type.map(resolve)) })
            case .list(let element): return .list(resolve(element))
            case .tuple(let types): return .tuple(types.map(resolve))
            case .flags(let labels): return .flags(labels)
            case .enum(let labels): return .enum(labels)
            case .option(let type): return .option(resolve(type))
            case .result(let ok, let error): return .result(ok: ok.map(resolve), error: error.map(resolve))
            case .own(let handle): return .own(resource(arena.resource(handle) ?? ResourceID(raw: -1)))
            case .borrow(let handle): return .borrow(resource(arena.resource(handle) ?? ResourceID(raw: -1)))
            }
        }
    }
}
