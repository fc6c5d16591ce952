import WasmEngine

/// Canonical definitions: `canon lift` / `canon lower` signature and option checks, and
/// the resource built-ins.
extension ValidationRun {
    func defineCanonical(_ function: CanonicalFunction) throws(ComponentValidationError) {
        if let feature = function.unsupportedFeature {
            throw ComponentValidationError("`\(feature)` is not supported (only the synchronous component model is)")
        }
        switch function {
        case .lift(let coreIndex, let options, let typeIndex):
            let core = try current.coreFunction(coreIndex)
            let id = try current.type(typeIndex)
            guard case .function(let type) = arena[id] else {
                throw ComponentValidationError("type index \(typeIndex) is not a function type")
            }
            let options = try canonicalOptions(options, isLift: true)
            let signature = flatSignature(type, lift: true)
            guard core.parameters == signature.parameters else {
                throw ComponentValidationError("lowered parameter types `\(list(signature.parameters))` do not match parameter types `\(list(core.parameters))` of core function \(coreIndex)")
            }
            guard core.results == signature.results else {
                throw ComponentValidationError("lowered result types `\(list(signature.results))` do not match result types `\(list(core.results))` of core function \(coreIndex)")
            }
            try requireOptions(options, type: type, isLift: true)
            if let postReturn = options.postReturn {
                guard try current.coreFunction(postReturn) == FunctionType(parameters: signature.results, results: []) else {
                    throw ComponentValidationError("canonical option `post-return` uses a core function with an incorrect signature")
                }
            }
            current.functions.append(id)
        case .lower(let functionIndex, let options):
            let id = try current.function(functionIndex)
            guard case .function(let type) = arena[id] else {
                throw ComponentValidationError("function \(functionIndex) does not have a function type")
            }
            let options = try canonicalOptions(options, isLift: false)
            try requireOptions(options, type: type, isLift: false)
            let signature = flatSignature(type, lift: false)
            current.coreFunctions.append(FunctionType(parameters: signature.parameters, results: signature.results))
        case .resourceNew(let index):
            try localResource(index)
            current.coreFunctions.append(FunctionType(parameters: [.i32], results: [.i32]))
        case .resourceRep(let index):
            try localResource(index)
            current.coreFunctions.append(FunctionType(parameters: [.i32], results: [.i32]))
        case .resourceDrop(let index):
            _ = try resourceType(index)
            current.coreFunctions.append(FunctionType(parameters: [.i32], results: []))
        case .concurrency(let builtin):
            throw ComponentValidationError("`\(builtin.name)` is not supported (only the synchronous component model is)")
        }
    }

    /// `resource.new` and `resource.rep` only work on resources this component defines.
    private func localResource(_ index: UInt32) throws(ComponentValidationError) {
        guard let resource = arena.resource(try resourceType(index)), current.localResources.contains(resource) else {
            throw ComponentValidationError("type index \(index) is not a local resource")
        }
    }

    /// The options of one canonical definition, once each.
    struct CheckedOptions {
        var memory: UInt32?
        var realloc: UInt32?
        var postReturn: UInt32?
    }

    private func canonicalOptions(_ options: [CanonicalOption], isLift: Bool) throws(ComponentValidationError) -> CheckedOptions {
        var result = CheckedOptions()
        var encoding: StringEncoding?
        func name(_ encoding: StringEncoding) -> String {
            switch encoding {
            case .utf8: return "utf8"
            case .utf16: return "utf16"
            case .latin1OrUTF16: return "latin1-utf16"
            }
        }
        for option in options {
            switch option {
            case .stringEncoding(let new):
                if let encoding {
                    throw ComponentValidationError("canonical encoding option `\(name(encoding))` conflicts with option `\(name(new))`")
                }
                encoding = new
            case .memory(let index):
                guard result.memory == nil else { throw ComponentValidationError("canonical option `memory` is specified more than once") }
                _ = try current.coreMemory(index)
                result.memory = index
            case .realloc(let index):
                guard result.realloc == nil else { throw ComponentValidationError("canonical option `realloc` is specified more than once") }
                guard try current.coreFunction(index) == FunctionType(parameters: [.i32, .i32, .i32, .i32], results: [.i32]) else {
                    throw ComponentValidationError("canonical option `realloc` uses a core function with an incorrect signature")
                }
                result.realloc = index
            case .postReturn(let index):
                guard isLift else { throw ComponentValidationError("canonical option `post-return` cannot be specified for lowerings") }
                guard result.postReturn == nil else {
                    throw ComponentValidationError("canonical option `post-return` is specified more than once")
                }
                _ = try current.coreFunction(index)
                result.postReturn = index
            case .async, .callback:
                throw ComponentValidationError("async canonical options (🔀) are not supported")
            }
        }
        if result.realloc != nil && result.memory == nil {
            throw ComponentValidationError("canonical option `realloc` requires `memory` to also be specified")
        }
        return result
    }

    /// `memory` is needed whenever values pass through linear memory; `realloc` whenever
    /// the side receiving them must allocate (lift: parameters, lower: results).
    private func requireOptions(_ options: CheckedOptions, type: FuncType, isLift: Bool) throws(ComponentValidationError) {
        let parameters = type.parameters.map(\.type)
        let results = type.result.map { [$0] } ?? []
        let flatParameters = parameters.flatMap(flatten).count
        let flatResults = results.flatMap(flatten).count
        let parametersInMemory = parameters.contains(where: usesMemory) || flatParameters > CanonicalABILimits.maxFlatParameters
        let resultsInMemory = results.contains(where: usesMemory) || flatResults > CanonicalABILimits.maxFlatResults
        if (parametersInMemory || resultsInMemory) && options.memory == nil {
            throw ComponentValidationError("canonical option `memory` is required")
        }
        let needsRealloc = isLift ? parametersInMemory : results.contains(where: usesMemory)
        if needsRealloc && options.realloc == nil {
            throw ComponentValidationError("canonical option `realloc` is required")
        }
    }

    /// Whether a value of this type has parts in linear memory (strings, lists).
    private func usesMemory(_ type: ValType) -> Bool {
        switch type {
        case .primitive(let primitive): return primitive == .string
        case .defined(let id):
            guard let defined = arena.defined(id) else { return false }
            switch defined {
            case .list: return true
            case .primitive(let primitive): return primitive == .string
            default: return children(of: defined).contains(where: usesMemory)
            }
        }
    }

    /// The core signature of a synchronous lift or lower (`flatten_functype`).
    func flatSignature(_ type: FuncType, lift: Bool) -> (parameters: [ValueType], results: [ValueType]) {
        var parameters = type.parameters.flatMap { flatten($0.type) }
        var results = type.result.map(flatten) ?? []
        if parameters.count > CanonicalABILimits.maxFlatParameters { parameters = [.i32] }
        if results.count > CanonicalABILimits.maxFlatResults {
            if lift {
                results = [.i32]
            } else {
                parameters.append(.i32)
                results = []
            }
        }
        return (parameters, results)
    }

    /// `flatten_type` of the Canonical ABI.
    func flatten(_ type: ValType) -> [ValueType] {
        let defined: DefinedType
        switch type {
        case .primitive(let primitive): return flatten(primitive)
        case .defined(let id):
            guard let resolved = arena.defined(id) else { return [.i32] }
            defined = resolved
        }
        switch defined {
        case .primitive(let primitive): return flatten(primitive)
        case .flags, .own, .borrow, .enum: return [.i32]
        case .list: return [.i32, .i32]
        case .record(let fields): return fields.flatMap { flatten($0.type) }
        case .tuple(let types): return types.flatMap(flatten)
        case .variant(let cases): return flattenVariant(cases.map(\.type))
        case .option(let some): return flattenVariant([nil, some])
        case .result(let ok, let error): return flattenVariant([ok, error])
        }
    }

    private func flatten(_ primitive: PrimitiveValueType) -> [ValueType] {
        switch primitive {
        case .s64, .u64: return [.i64]
        case .f32: return [.f32]
        case .f64: return [.f64]
        case .string: return [.i32, .i32]
        default: return [.i32]
        }
    }

    private func flattenVariant(_ payloads: [ValType?]) -> [ValueType] {
        var joined: [ValueType] = []
        for payload in payloads {
            guard let payload else { continue }
            for (index, type) in flatten(payload).enumerated() {
                if index < joined.count { joined[index] = ABIType.join(joined[index], type) } else { joined.append(type) }
            }
        }
        return [.i32] + joined
    }

    /// `[I32, I64]`: core types as the suite's messages print them.
    private func list(_ types: [ValueType]) -> String {
        "[" + types.map { $0.description.uppercased().prefix(1) + $0.description.dropFirst() }.joined(separator: ", ") + "]"
    }
}
