import Testing
@testable import WasmEngine

/// Shared helpers for the validator tests: modules are built by hand because the branch
/// has no decoder or text parser.
enum ValidationFixture {
    /// A module with one function of type `parameters -> results` whose body is `code`
    /// followed by the function's final `end`. Instruction `i` is at byte offset `100 + 10 * i`.
    static func module(parameters: [ValueType] = [], results: [ValueType] = [], locals: [ValueType] = [],
                       _ code: [Instruction], configure: (inout Module) -> Void = { _ in }) -> Module {
        var module = Module()
        module.types = [FunctionType(parameters: parameters, results: results)]
        module.functions = [0]
        let instructions = code + [.end]
        module.code = [FunctionBody(
            locals: locals, instructions: instructions,
            instructionOffsets: instructions.indices.map { UInt32(100 + 10 * $0) }, byteOffset: 90)]
        configure(&module)
        return module
    }

    /// The error `Validator.validate` throws for `module`, or `nil` when it accepts it.
    static func error(_ module: Module) -> ValidationError? {
        do {
            _ = try Validator.validate(module)
            return nil
        } catch let error as ValidationError {
            return error
        } catch {
            Issue.record("unexpected error type \(error)")
            return nil
        }
    }
}

/// Expects `module` to be rejected with a message starting with `message`.
func expectInvalid(_ module: Module, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let error = ValidationFixture.error(module) else {
        Issue.record("expected \"\(message)\" but the module was accepted", sourceLocation: sourceLocation)
        return
    }
    #expect(error.message.hasPrefix(message), "got \"\(error.message)\"", sourceLocation: sourceLocation)
}

/// Expects `module` to be accepted.
func expectValid(_ module: Module, sourceLocation: SourceLocation = #_sourceLocation) {
    if let error = ValidationFixture.error(module) {
        Issue.record("expected valid, got \(error)", sourceLocation: sourceLocation)
    }
}

@Suite struct ValidatorModuleRuleTests {
    @Test func emptyModuleIsValid() throws {
        let validated = try Validator.validate(Module())
        #expect(validated.module.code.isEmpty && validated.module.types.isEmpty)
    }

    @Test func memoryLimitsAreBounded() {
        var module = Module()
        module.memories = [MemoryType(limits: Limits(min: 65537))]
        expectInvalid(module, "memory size must be at most 65536 pages (4GiB)")
        module.memories = [MemoryType(limits: Limits(min: 0, max: 65537))]
        expectInvalid(module, "memory size must be at most 65536 pages (4GiB)")
        module.memories = [MemoryType(limits: Limits(min: 2, max: 1))]
        expectInvalid(module, "size minimum must not be greater than maximum")
        module.memories = [MemoryType(limits: Limits(min: 65536, max: 65536))]
        expectValid(module)
    }

    @Test func tableLimitsNeedMinimumBelowMaximum() {
        var module = Module()
        module.tables = [TableType(elementType: .funcref, limits: Limits(min: 0xFFFF_FFFF, max: 0))]
        expectInvalid(module, "size minimum must not be greater than maximum")
        module.tables = [TableType(elementType: .funcref, limits: Limits(min: 0x1_0000_0000))]
        expectInvalid(module, "table size must be at most 2^32-1")
        module.tables = [TableType(elementType: .externref, limits: Limits(min: 1, max: 10))]
        expectValid(module)
    }

    @Test func importedMemoryCountsTowardsTheSingleMemoryOfWasm2() {
        var module = Module()
        module.imports = [Import(module: "spectest", name: "memory", descriptor: .memory(MemoryType(limits: Limits(min: 0))))]
        module.memories = [MemoryType(limits: Limits(min: 0))]
        #expect(throws: ValidationError.self) { try Validator.validate(module, features: .wasm2) }
        expectValid(module)  // multi-memory is accepted by default
        module.memories = []
        #expect(throws: Never.self) { try Validator.validate(module, features: .wasm2) }
    }

    @Test func multipleTablesAreAllowed() {
        var module = Module()
        module.tables = [TableType(elementType: .funcref, limits: Limits(min: 0)),
                         TableType(elementType: .externref, limits: Limits(min: 0))]
        expectValid(module)
    }

    @Test func exportNamesMustBeUnique() {
        let module = ValidationFixture.module([]) { module in
            module.exports = [Export(name: "a", descriptor: .function(0)), Export(name: "a", descriptor: .function(0))]
        }
        expectInvalid(module, "duplicate export name")
    }

    @Test func exportsMustNameExistingEntities() {
        var module = Module()
        module.exports = [Export(name: "f", descriptor: .function(0))]
        expectInvalid(module, "unknown function 0")
        module.exports = [Export(name: "t", descriptor: .table(0))]
        expectInvalid(module, "unknown table 0")
        module.exports = [Export(name: "m", descriptor: .memory(1))]
        expectInvalid(module, "unknown memory 1")
        module.exports = [Export(name: "g", descriptor: .global(0))]
        expectInvalid(module, "unknown global 0")
    }

    @Test func startFunctionMustTakeAndReturnNothing() {
        expectValid(ValidationFixture.module([]) { $0.start = 0 })
        expectInvalid(ValidationFixture.module(results: [.i32], [.i32Const(0)]) { $0.start = 0 }, "start function")
        expectInvalid(ValidationFixture.module(parameters: [.i32], []) { $0.start = 0 }, "start function")
        expectInvalid(ValidationFixture.module([]) { $0.start = 1 }, "unknown function 1")
    }

    @Test func functionAndImportTypeIndicesMustExist() {
        expectInvalid(ValidationFixture.module([]) { $0.functions = [3] }, "unknown type 3")
        var module = Module()
        module.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 0))]
        expectInvalid(module, "unknown type 0")
    }

    @Test func codeAndFunctionCountsMustAgree() {
        expectInvalid(ValidationFixture.module([]) { $0.code = [] }, "function and code section have inconsistent lengths")
    }

    @Test func dataCountMustMatchDataSegments() {
        var module = Module()
        module.dataCount = 1
        expectInvalid(module, "data count and data section have inconsistent lengths")
    }

    @Test func activeDataNeedsAMemoryAndAnI32Offset() {
        var module = Module()
        module.data = [DataSegment(bytes: [1], mode: .active(memory: 0, offset: ConstantExpression([.i32Const(0)])))]
        expectInvalid(module, "unknown memory 0")
        module.memories = [MemoryType(limits: Limits(min: 1))]
        expectValid(module)
        module.data[0].mode = .active(memory: 0, offset: ConstantExpression([.i64Const(0)]))
        expectInvalid(module, "type mismatch")
    }

    @Test func elementSegmentsMatchTheirTableAndItems() {
        var module = ValidationFixture.module([])
        module.tables = [TableType(elementType: .funcref, limits: Limits(min: 1))]
        module.elements = [ElementSegment(type: .funcref, initializers: [ConstantExpression([.refFunc(functionIndex: 0)])],
                                          mode: .active(table: 0, offset: ConstantExpression([.i32Const(0)])))]
        expectValid(module)

        var wrongTable = module
        wrongTable.elements[0].mode = .active(table: 1, offset: ConstantExpression([.i32Const(0)]))
        expectInvalid(wrongTable, "unknown table 1")

        var externTable = module
        externTable.tables = [TableType(elementType: .externref, limits: Limits(min: 1))]
        expectInvalid(externTable, "type mismatch")

        var wrongItem = module
        wrongItem.elements[0].mode = .passive
        wrongItem.elements[0].initializers = [ConstantExpression([.refNull(.externref)])]
        expectInvalid(wrongItem, "type mismatch")

        var unknownFunction = module
        unknownFunction.elements[0].initializers = [ConstantExpression([.refFunc(functionIndex: 5)])]
        expectInvalid(unknownFunction, "unknown function 5")
    }

    @Test func simdTypesAreRejected() {
        expectInvalid(ValidationFixture.module(locals: [.v128], []), "SIMD type v128 is not supported")
    }

    @Test func importedAndDefinedFunctionsShareTheIndexSpace() throws {
        var module = ValidationFixture.module([])
        module.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 0))]
        module.functions = [0, 0]
        module.code = [module.code[0], module.code[0]]
        let validated = try Validator.validate(module)
        #expect(validated.module.code.count == 2)
        // Function 2 is the second defined one; 3 does not exist.
        expectValid(ValidationFixture.module([.call(functionIndex: 2)]) { $0.imports = module.imports; $0.functions = [0, 0]; $0.code.append($0.code[0]) })
        expectInvalid(ValidationFixture.module([.call(functionIndex: 3)]) { $0.imports = module.imports; $0.functions = [0, 0]; $0.code.append($0.code[0]) }, "unknown function 3")
    }
}
