import WasmEngine

/// Core-level definitions: embedded modules, core instances, core types and core export
/// aliases, with the core type matching that instantiation needs.
extension ValidationRun {
    /// Validates an embedded module with the engine's validator and records its type.
    func defineCoreModule(_ definition: CoreModuleDefinition) throws(ComponentValidationError) {
        let module = definition.module
        do {
            _ = try Validator.validate(module)
        } catch let error as ValidationError {
            throw ComponentValidationError("invalid core module: \(error.message)",
                                           offset: error.offset.map { definition.byteRange.lowerBound + $0 })
        } catch {
            throw ComponentValidationError("invalid core module: \(error)")
        }
        var seen: Set<String> = []
        for entry in module.imports where !seen.insert(entry.module + "\u{0}" + entry.name).inserted {
            throw ComponentValidationError("duplicate import name `\(entry.module):\(entry.name)` in core module")
        }
        current.coreModules.append(ValidationRun.moduleType(of: module))
    }

    /// The imports and exports of a (valid) core module, with types resolved.
    static func moduleType(of module: Module) -> ModuleTypeInfo {
        var functions: [FunctionType] = [], tables: [TableType] = [], memories: [MemoryType] = [], globals: [GlobalType] = []
        var imports: [ModuleTypeInfo.Import] = []
        for entry in module.imports {
            let type: CoreExtern
            switch entry.descriptor {
            case .function(let index): type = .function(module.types[Int(index)]); functions.append(module.types[Int(index)])
            case .table(let table): type = .table(table); tables.append(table)
            case .memory(let memory): type = .memory(memory); memories.append(memory)
            case .global(let global): type = .global(global); globals.append(global)
            }
            imports.append(.init(module: entry.module, name: entry.name, type: type))
        }
        functions += module.functions.map { module.types[Int($0)] }
        tables += module.tables
        memories += module.memories
        globals += module.globals.map(\.type)
        var exports: [String: CoreExtern] = [:]
        var order: [String] = []
        for export in module.exports {
            switch export.descriptor {
            case .function(let index): exports[export.name] = .function(functions[Int(index)])
            case .table(let index): exports[export.name] = .table(tables[Int(index)])
            case .memory(let index): exports[export.name] = .memory(memories[Int(index)])
            case .global(let index): exports[export.name] = .global(globals[Int(index)])
            }
            order.append(export.name)
        }
        return ModuleTypeInfo(imports: imports, exports: exports, exportOrder: order)
    }

    /// A core instance definition.
    func defineCoreInstance(_ instance: CoreInstance) throws(ComponentValidationError) {
        switch instance {
        case .instantiate(let moduleIndex, let arguments):
            let module = try current.coreModule(moduleIndex)
            var supplied: [String: [String: CoreExtern]] = [:]
            for argument in arguments {
                guard supplied[argument.name] == nil else {
                    throw ComponentValidationError("duplicate module instantiation argument named `\(argument.name)`")
                }
                supplied[argument.name] = try current.coreInstance(argument.instance)
            }
            for entry in module.imports {
                guard let instance = supplied[entry.module] else {
                    throw ComponentValidationError("missing module instantiation argument named `\(entry.module)`")
                }
                guard let actual = instance[entry.name] else {
                    throw ComponentValidationError(
                        "module instantiation argument `\(entry.module)` does not export an item named `\(entry.name)`")
                }
                do {
                    try CoreTypeMatching.check(actual, matches: entry.type)
                } catch {
                    throw error.inContext("type mismatch for export `\(entry.name)` of module instantiation argument `\(entry.module)`")
                }
            }
            current.coreInstances.append(module.exports)
        case .fromExports(let exports):
            var result: [String: CoreExtern] = [:]
            for export in exports {
                guard result[export.name] == nil else {
                    throw ComponentValidationError("export name `\(export.name)` already defined")
                }
                result[export.name] = try coreItem(export.target)
            }
            current.coreInstances.append(result)
        }
    }

    /// The type of a core sort index usable as an instance export.
    private func coreItem(_ target: CoreSortIndex) throws(ComponentValidationError) -> CoreExtern {
        switch target.sort {
        case .function: return .function(try current.coreFunction(target.index))
        case .table: return .table(try current.coreTable(target.index))
        case .memory: return .memory(try current.coreMemory(target.index))
        case .global: return .global(try current.coreGlobal(target.index))
        case .tag: return .tag(try current.coreTag(target.index))
        case .type, .module, .instance:
            throw ComponentValidationError("core instances may only export functions, tables, memories, globals and tags")
        }
    }

    /// `(alias core export i "name" (core sort))`.
    func aliasCoreExport(instance index: UInt32, name: String, sort: CoreSort) throws(ComponentValidationError) {
        let instance = try current.coreInstance(index)
        guard let item = instance[name] else {
            throw ComponentValidationError("core instance \(index) has no export named `\(name)`")
        }
        switch (sort, item) {
        case (.function, .function(let type)): current.coreFunctions.append(type)
        case (.table, .table(let type)): current.coreTables.append(type)
        case (.memory, .memory(let type)): current.coreMemories.append(type)
        case (.global, .global(let type)): current.coreGlobals.append(type)
        case (.tag, .tag(let type)): current.coreTags.append(type)
        default:
            throw ComponentValidationError("export `\(name)` for core instance \(index) is not a \(CoreTypeMatching.sortName(sort))")
        }
    }

    /// A core type definition (or declarator); module types get their own core type space.
    func defineCoreType(_ type: CoreType) throws(ComponentValidationError) {
        switch type {
        case .function(let function):
            current.coreTypes.append(.function(function))
        case .subtype(let subtype):
            current.coreTypes.append(.function(subtype.function))
        case .recursionGroup(let subtypes):
            for subtype in subtypes { current.coreTypes.append(.function(subtype.function)) }
        case .module(let declarations):
            current.coreTypes.append(.module(try moduleType(declarations)))
        }
    }

    /// Resolves a `core:moduletype`'s declarations.
    private func moduleType(_ declarations: [CoreModuleDeclaration]) throws(ComponentValidationError) -> ModuleTypeInfo {
        var types: [FunctionType] = []
        var imports: [ModuleTypeInfo.Import] = []
        var exports: [String: CoreExtern] = [:]
        var order: [String] = []
        var importKeys: Set<String> = []
        func resolve(_ type: CoreExternType) throws(ComponentValidationError) -> CoreExtern {
            func function(_ index: UInt32) throws(ComponentValidationError) -> FunctionType {
                guard Int(index) < types.count else {
                    throw ComponentValidationError("type index out of bounds: core type \(index) is not defined in the module type")
                }
                return types[Int(index)]
            }
            switch type {
            case .function(let index): return .function(try function(index))
            case .table(let table): return .table(table)
            case .memory(let memory):
                if memory.limits.min > 65536 || (memory.limits.max ?? 0) > 65536 {
                    throw ComponentValidationError("memory size must be at most 65536 pages (4GiB)")
                }
                return .memory(memory)
            case .global(let global): return .global(global)
            case .tag(let index): return .tag(try function(index))
            }
        }
        for declaration in declarations {
            switch declaration {
            case .import(let module, let name, let type):
                guard importKeys.insert(module + "\u{0}" + name).inserted else {
                    throw ComponentValidationError("duplicate import name `\(module):\(name)`")
                }
                imports.append(.init(module: module, name: name, type: try resolve(type)))
            case .type(let type):
                switch type {
                case .function(let function): types.append(function)
                case .subtype(let subtype): types.append(subtype.function)
                case .recursionGroup(let subtypes): types += subtypes.map(\.function)
                case .module: throw ComponentValidationError("module types cannot be nested")
                }
            case .outerTypeAlias(let count, let index):
                guard count == 1 else { throw ComponentValidationError("invalid outer alias count of \(count)") }
                guard case .function(let function) = try current.coreType(index) else {
                    throw ComponentValidationError("core type index \(index) is not a function type")
                }
                types.append(function)
            case .export(let name, let type):
                guard exports[name] == nil else { throw ComponentValidationError("export name `\(name)` already defined in the module type") }
                exports[name] = try resolve(type)
                order.append(name)
            }
        }
        return ModuleTypeInfo(imports: imports, exports: exports, exportOrder: order)
    }
}

/// Core extern type matching (the core spec's import subtyping, with limits subtyping).
enum CoreTypeMatching {
    static func sortName(_ sort: CoreSort) -> String {
        switch sort {
        case .function: return "func"
        case .table: return "table"
        case .memory: return "memory"
        case .global: return "global"
        case .tag: return "tag"
        case .type: return "type"
        case .module: return "module"
        case .instance: return "instance"
        }
    }

    /// Checks that `actual` can satisfy an import of type `expected`.
    static func check(_ actual: CoreExtern, matches expected: CoreExtern) throws(ComponentValidationError) {
        switch (actual, expected) {
        case (.function(let a), .function(let b)), (.tag(let a), .tag(let b)):
            guard a == b else { throw ComponentValidationError("type mismatch: expected: \(text(b)), found: \(text(a))") }
        case (.table(let a), .table(let b)):
            guard a.elementType == b.elementType else {
                throw ComponentValidationError("expected table element type \(b.elementType), found \(a.elementType)")
            }
            guard limits(a.limits, match: b.limits) else { throw ComponentValidationError("mismatch in table limits") }
        case (.memory(let a), .memory(let b)):
            guard a.isShared == b.isShared else { throw ComponentValidationError("mismatch in the shared flag for memories") }
            guard limits(a.limits, match: b.limits) else { throw ComponentValidationError("mismatch in memory limits") }
        case (.global(let a), .global(let b)):
            guard a.valueType == b.valueType else {
                throw ComponentValidationError("expected global type \(b.valueType), found \(a.valueType)")
            }
            guard a.isMutable == b.isMutable else { throw ComponentValidationError("global types differ in mutability") }
        default:
            throw ComponentValidationError("expected \(expected.kindName), found \(actual.kindName)")
        }
    }

    /// Limits subtyping: at least the expected minimum, and a maximum within the expected one.
    static func limits(_ actual: Limits, match expected: Limits) -> Bool {
        guard actual.min >= expected.min else { return false }
        guard let expectedMax = expected.max else { return true }
        guard let actualMax = actual.max else { return false }
        return actualMax <= expectedMax
    }

    /// A function type in text form, e.g. `(func (param i32) (result i64))`.
    static func text(_ type: FunctionType) -> String {
        var parts = ["func"]
        if !type.parameters.isEmpty { parts.append("(param " + type.parameters.map(\.description).joined(separator: " ") + ")") }
        if !type.results.isEmpty { parts.append("(result " + type.results.map(\.description).joined(separator: " ") + ")") }
        return "(" + parts.joined(separator: " ") + ")"
    }
}
