/// The WebAssembly 2.0 validator (without SIMD): decides whether a decoded `Module` is
/// valid.
///
/// Module-level rules are checked in the order of the module's sections (types, imports,
/// functions, tables, memories, globals, exports, start, elements, data, code), then every
/// body with `FunctionValidator`. The first broken rule is thrown as a `ValidationError`.
/// The work is linear in the module's size; bodies reuse one set of stacks.
public enum Validator {
    /// The largest memory, in 64 KiB pages (4 GiB), that a 32-bit address space allows.
    static let maxMemoryPages: UInt64 = 65536
    /// The largest table size the binary format can express (2^32 - 1 elements).
    static let maxTableElements: UInt64 = 0xFFFF_FFFF

    /// Validates `module` and returns it as a `ValidatedModule`; throws the first
    /// `ValidationError` found.
    ///
    /// `features` chooses the optional parts accepted (all that the engine implements by
    /// default; `.wasm2` rejects a second memory with "multiple memories").
    public static func validate(_ module: Module, features: WasmFeatures = .all) throws -> ValidatedModule {
        let context = ValidationContext(module: module)
        try validateTypes(module)
        try validateImports(module, context: context)
        for typeIndex in module.functions {
            try checkFunctionTypeIndex(typeIndex, module: module)
        }
        for table in module.tables { try validateTable(table) }
        for memory in module.memories { try validateMemory(memory) }
        if !features.contains(.multiMemory) && context.memories.count > 1 { throw ValidationError("multiple memories") }
        for global in module.globals {
            try checkSupported(global.type.valueType)
            try ConstantExpressionValidator.validate(global.initializer, producing: global.type.valueType, context: context)
        }
        try validateExports(module, context: context)
        try validateStart(module, context: context)
        try validateElements(module, context: context)
        try validateData(module, context: context)
        try validateCode(module, context: context)
        return ValidatedModule(module: module)
    }

    /// Rejects `v128`, which only SIMD code could use.
    static func checkSupported(_ type: ValueType) throws {
        if type == .v128 { throw ValidationError("SIMD type v128 is not supported") }
    }

    private static func validateTypes(_ module: Module) throws {
        for type in module.types {
            for valueType in type.parameters { try checkSupported(valueType) }
            for valueType in type.results { try checkSupported(valueType) }
        }
    }

    private static func checkFunctionTypeIndex(_ typeIndex: UInt32, module: Module) throws {
        guard Int(typeIndex) < module.types.count else { throw ValidationError("unknown type \(typeIndex)") }
    }

    private static func validateImports(_ module: Module, context: ValidationContext) throws {
        for entry in module.imports {
            switch entry.descriptor {
            case .function(let typeIndex): try checkFunctionTypeIndex(typeIndex, module: module)
            case .table(let type): try validateTable(type)
            case .memory(let type): try validateMemory(type)
            case .global(let type): try checkSupported(type.valueType)
            }
        }
    }

    /// Table limits: within 2^32 - 1 elements and minimum <= maximum; elements are references.
    static func validateTable(_ table: TableType) throws {
        guard table.elementType.isReference else { throw ValidationError("malformed reference type") }
        try validateLimits(table.limits, range: maxTableElements,
                           rangeMessage: "table size must be at most 2^32-1")
    }

    /// Memory limits: within 65536 pages and minimum <= maximum; no shared memories in 2.0.
    static func validateMemory(_ memory: MemoryType) throws {
        try validateLimits(memory.limits, range: maxMemoryPages,
                           rangeMessage: "memory size must be at most 65536 pages (4GiB)")
        if memory.isShared { throw ValidationError("shared memories are not supported") }
    }

    /// The spec's limits rule: both bounds within `range` (checked first), then min <= max.
    private static func validateLimits(_ limits: Limits, range: UInt64, rangeMessage: String) throws {
        guard limits.min <= range else { throw ValidationError(rangeMessage) }
        if let max = limits.max {
            guard max <= range else { throw ValidationError(rangeMessage) }
            guard limits.min <= max else {
                throw ValidationError("size minimum must not be greater than maximum")
            }
        }
    }

    private static func validateExports(_ module: Module, context: ValidationContext) throws {
        // Compared as UTF-8 bytes: Swift string equality treats canonically equivalent
        // names (precomposed and decomposed accents) as equal, but Wasm names are byte strings.
        var names = Set<[UInt8]>()
        names.reserveCapacity(module.exports.count)
        for export in module.exports {
            switch export.descriptor {
            case .function(let index):
                guard Int(index) < context.functionTypeIndices.count else { throw ValidationError("unknown function \(index)") }
            case .table(let index):
                guard Int(index) < context.tables.count else { throw ValidationError("unknown table \(index)") }
            case .memory(let index):
                guard Int(index) < context.memories.count else { throw ValidationError("unknown memory \(index)") }
            case .global(let index):
                guard Int(index) < context.globals.count else { throw ValidationError("unknown global \(index)") }
            }
            guard names.insert(Array(export.name.utf8)).inserted else {
                throw ValidationError("duplicate export name \"\(export.name)\"")
            }
        }
    }

    /// The start function must exist and take and return nothing.
    private static func validateStart(_ module: Module, context: ValidationContext) throws {
        guard let start = module.start else { return }
        guard let type = context.functionType(start) else { throw ValidationError("unknown function \(start)") }
        guard type.parameters.isEmpty, type.results.isEmpty else {
            throw ValidationError("start function must have type [] -> [], not \(type)")
        }
    }

    private static func validateElements(_ module: Module, context: ValidationContext) throws {
        for segment in module.elements {
            guard segment.type.isReference else { throw ValidationError("malformed reference type") }
            for item in segment.initializers {
                try ConstantExpressionValidator.validate(item, producing: segment.type, context: context)
            }
            if case .active(let tableIndex, let offset) = segment.mode {
                guard Int(tableIndex) < context.tables.count else { throw ValidationError("unknown table \(tableIndex)") }
                if context.tables[Int(tableIndex)].elementType != segment.type {
                    throw ValidationError("type mismatch")
                }
                try ConstantExpressionValidator.validate(offset, producing: .i32, context: context)
            }
        }
    }

    private static func validateData(_ module: Module, context: ValidationContext) throws {
        if let dataCount = module.dataCount, Int(dataCount) != module.data.count {
            throw ValidationError("data count and data section have inconsistent lengths")
        }
        for segment in module.data {
            if case .active(let memoryIndex, let offset) = segment.mode {
                guard Int(memoryIndex) < context.memories.count else { throw ValidationError("unknown memory \(memoryIndex)") }
                try ConstantExpressionValidator.validate(offset, producing: .i32, context: context)
            }
        }
    }

    private static func validateCode(_ module: Module, context: ValidationContext) throws {
        guard module.code.count == module.functions.count else {
            throw ValidationError("function and code section have inconsistent lengths")
        }
        var validator = FunctionValidator(context: context)
        for (index, body) in module.code.enumerated() {
            let type = module.types[Int(module.functions[index])]
            try validator.validate(body, type: type)
        }
    }
}
