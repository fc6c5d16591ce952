import WasmEngine

/// Type definitions and declarators: defined value types, function types, resource
/// types, and the bodies of component and instance types.
extension ValidationRun {
    /// Validates a type definition and returns the new type's id.
    func defineType(_ definition: ComponentTypeDefinition) throws(ComponentValidationError) -> TypeID {
        switch definition {
        case .value(let value):
            return arena.add(.defined(try definedType(value)))
        case .function(let function):
            return arena.add(.function(try functionType(function)))
        case .component(let declarations):
            let scope = try typeScope(.componentType) { () throws(ComponentValidationError) in
                for declaration in declarations {
                    switch declaration {
                    case .import(let name, let descriptor): try addImport(name: name, descriptor: descriptor)
                    case .instance(let declaration): try declare(declaration)
                    }
                }
            }
            return arena.add(.component(scope.componentType))
        case .instance(let declarations):
            let scope = try typeScope(.instanceType) { () throws(ComponentValidationError) in
                for declaration in declarations { try declare(declaration) }
            }
            return arena.add(.instance(InstanceTypeInfo(exports: scope.exports, definedResources: scope.definedResources)))
        case .resource(let resource):
            guard current.kind == .component else {
                throw ComponentValidationError("resources can only be defined within a concrete component")
            }
            guard resource.representation == .i32 else {
                throw ComponentValidationError("resources can only be represented by `i32`")
            }
            if let destructor = resource.destructor {
                let type = try current.coreFunction(destructor)
                guard type == FunctionType(parameters: [.i32], results: []) else {
                    throw ComponentValidationError("wrong signature for a destructor: expected [i32] -> [], found \(CoreTypeMatching.text(type))")
                }
            }
            let id = arena.freshResource(named: "resource")
            current.localResources.insert(id)
            return arena.add(.resource(id))
        }
    }

    /// Runs `body` in a fresh type scope and returns the scope.
    private func typeScope(_ kind: ValidationScope.Kind,
                           _ body: () throws(ComponentValidationError) -> Void) throws(ComponentValidationError) -> ValidationScope {
        let scope = ValidationScope(kind: kind)
        scopes.append(scope)
        defer { scopes.removeLast() }
        try body()
        return scope
    }

    /// One `instancedecl` (also valid in component types).
    private func declare(_ declaration: InstanceTypeDeclaration) throws(ComponentValidationError) {
        switch declaration {
        case .coreType(let type):
            try defineCoreType(type)
        case .type(let type):
            current.types.append(try defineType(type))
        case .alias(let alias):
            switch alias.target {
            case .export:
                guard alias.sort == .instance || alias.sort == .type else {
                    throw ComponentValidationError("alias export declarators may only refer to types or instances")
                }
            case .outer:
                guard alias.sort == .core(.type) || alias.sort == .type else {
                    throw ComponentValidationError("alias outer declarators may only refer to types or instances")
                }
            case .coreExport:
                throw ComponentValidationError("core export aliases are not allowed in types: they may only refer to types or instances")
            }
            try defineAlias(alias)
        case .export(let name, let descriptor):
            try addTypeExport(name: name, descriptor: descriptor)
        }
    }

    /// Checks a `defvaltype` and resolves its inner type indices.
    func definedType(_ value: DefinedValueType) throws(ComponentValidationError) -> DefinedType {
        if let feature = value.unsupportedFeature {
            throw ComponentValidationError("\(feature) types are not supported (only the synchronous component model is)")
        }
        switch value {
        case .primitive(let primitive):
            return .primitive(primitive)
        case .record(let fields):
            guard !fields.isEmpty else { throw ComponentValidationError("record type must have at least one field") }
            try checkLabels(fields.map(\.label), what: "record field", previous: "field")
            var resolved: [LabeledVal] = []
            for field in fields { resolved.append(LabeledVal(label: field.label, type: try valType(field.type))) }
            return .record(resolved)
        case .variant(let cases):
            guard !cases.isEmpty else { throw ComponentValidationError("variant type must have at least one case") }
            try checkLabels(cases.map(\.label), what: "variant case", previous: "case")
            var resolved: [CaseVal] = []
            for entry in cases { resolved.append(CaseVal(label: entry.label, type: try entry.payload.map(valType))) }
            return .variant(resolved)
        case .list(let element):
            return .list(try valType(element))
        case .tuple(let types):
            guard !types.isEmpty else { throw ComponentValidationError("tuple type must have at least one type") }
            var resolved: [ValType] = []
            for type in types { resolved.append(try valType(type)) }
            return .tuple(resolved)
        case .flags(let labels):
            guard !labels.isEmpty else { throw ComponentValidationError("flags must have at least one entry") }
            guard labels.count <= 32 else { throw ComponentValidationError("cannot have more than 32 flags") }
            try checkLabels(labels, what: "flag", previous: "flag")
            return .flags(labels)
        case .enum(let labels):
            guard !labels.isEmpty else { throw ComponentValidationError("enum type must have at least one variant") }
            try checkLabels(labels, what: "enum tag", previous: "tag")
            return .enum(labels)
        case .option(let type):
            return .option(try valType(type))
        case .result(let ok, let error):
            return .result(ok: try ok.map(valType), error: try error.map(valType))
        case .own(let index):
            return .own(try resourceType(index))
        case .borrow(let index):
            return .borrow(try resourceType(index))
        case .fixedSizeList, .stream, .future, .map:
            throw ComponentValidationError("\(value) is not supported")
        }
    }

    /// Checks kebab case and strong uniqueness of labels, with the suite's wording.
    private func checkLabels(_ labels: [String], what: String, previous: String) throws(ComponentValidationError) {
        var seen: [String: String] = [:]
        for label in labels {
            guard !label.isEmpty else { throw ComponentValidationError("\(what) name cannot be empty") }
            guard ExternNameForm.isLabel(label) else {
                throw ComponentValidationError("\(what) name `\(label)` is not in kebab case")
            }
            if let earlier = seen[label.lowercased()] {
                throw ComponentValidationError("\(what) name `\(label)` conflicts with previous \(previous) name `\(earlier)`")
            }
            seen[label.lowercased()] = label
        }
    }

    /// Resolves a `valtype`: a primitive, or a type index that must name a defined type.
    func valType(_ type: ComponentValueType) throws(ComponentValidationError) -> ValType {
        switch type {
        case .primitive(let primitive):
            if primitive.isUnsupportedFeature {
                throw ComponentValidationError("error-context types are not supported (only the synchronous component model is)")
            }
            return .primitive(primitive)
        case .index(let index):
            let id = try current.type(index)
            guard arena.defined(id) != nil else {
                throw ComponentValidationError("type index \(index) is not a defined type")
            }
            return .defined(id)
        }
    }

    /// The id of a resource type, for `own` and `borrow`.
    func resourceType(_ index: UInt32) throws(ComponentValidationError) -> TypeID {
        let id = try current.type(index)
        guard arena.resource(id) != nil else { throw ComponentValidationError("type index \(index) is not a resource type") }
        return id
    }

    /// Checks a function type: kebab-case, unique parameter names, no `borrow` in the result.
    func functionType(_ function: ComponentFunctionType) throws(ComponentValidationError) -> FuncType {
        guard !function.isAsync else {
            throw ComponentValidationError("async function types (🔀) are not supported")
        }
        try checkLabels(function.parameters.map(\.label), what: "function parameter", previous: "parameter")
        var parameters: [LabeledVal] = []
        for parameter in function.parameters {
            parameters.append(LabeledVal(label: parameter.label, type: try valType(parameter.type)))
        }
        let result = try function.result.map(valType)
        if let result, containsBorrow(result) {
            throw ComponentValidationError("function result cannot contain a `borrow` type")
        }
        return FuncType(parameters: parameters, result: result)
    }

    /// Whether a value type transitively contains a `borrow` handle.
    func containsBorrow(_ type: ValType) -> Bool {
        guard case .defined(let id) = type, let defined = arena.defined(id) else { return false }
        switch defined {
        case .borrow: return true
        case .own, .primitive, .flags, .enum: return false
        case .record(let fields): return fields.contains { containsBorrow($0.type) }
        case .variant(let cases): return cases.contains { $0.type.map(containsBorrow) ?? false }
        case .list(let element), .option(let element): return containsBorrow(element)
        case .tuple(let types): return types.contains(where: containsBorrow)
        case .result(let ok, let error):
            return (ok.map(containsBorrow) ?? false) || (error.map(containsBorrow) ?? false)
        }
    }

    /// The entity type an `externtype` describes (a type bound makes a new type id).
    func entityType(_ descriptor: ExternDescriptor) throws(ComponentValidationError) -> EntityType {
        switch descriptor {
        case .coreModule(let index):
            guard case .module(let module) = try current.coreType(index) else {
                throw ComponentValidationError("core type index \(index) is not a module type")
            }
            return .module(module)
        case .function(let index):
            let id = try current.type(index)
            guard case .function = arena[id] else { throw ComponentValidationError("type index \(index) is not a function type") }
            return .function(id)
        case .value:
            throw ComponentValidationError("value imports and exports (🪙 values) are not supported")
        case .type(.equal(let index)):
            return .type(arena.add(arena[try current.type(index)]))
        case .type(.subResource):
            return .type(arena.add(.resource(arena.freshResource(named: "imported resource"))))
        case .component(let index):
            let id = try current.type(index)
            guard case .component = arena[id] else { throw ComponentValidationError("type index \(index) is not a component type") }
            return .component(id)
        case .instance(let index):
            let id = try current.type(index)
            guard case .instance = arena[id] else { throw ComponentValidationError("type index \(index) is not an instance type") }
            return .instance(id)
        }
    }
}
