import Testing
@testable import WasmEngine

@Suite struct ValidatorConstantExpressionTests {
    private static let importedI32 = Import(module: "test", name: "global-i32", descriptor: .global(GlobalType(valueType: .i32, isMutable: false)))
    private static let importedMutableI32 = Import(module: "test", name: "global-mut-i32", descriptor: .global(GlobalType(valueType: .i32, isMutable: true)))

    private func module(_ type: ValueType, _ initializer: [Instruction], imports: [Import] = []) -> Module {
        var module = Module()
        module.imports = imports
        module.globals = [Global(type: GlobalType(valueType: type, isMutable: false), initializer: ConstantExpression(initializer))]
        return module
    }

    @Test func constantsOfEachTypeAreAccepted() {
        expectValid(module(.i32, [.i32Const(1)]))
        expectValid(module(.i64, [.i64Const(1)]))
        expectValid(module(.f32, [.f32Const(bits: 0)]))
        expectValid(module(.f64, [.f64Const(bits: 0)]))
        expectValid(module(.externref, [.refNull(.externref)]))
        expectValid(module(.funcref, [.refNull(.funcref)]))
    }

    @Test func nonConstantInstructionsAreRejected() {
        expectInvalid(module(.i32, [.i32Const(0), .numeric(.i32Ctz)]), "constant expression required")
        expectInvalid(module(.i32, [.nop]), "constant expression required")
        expectInvalid(module(.i32, [.i32Const(0), .nop]), "constant expression required")
        expectInvalid(module(.f32, [.localGet(0)]), "constant expression required")
    }

    @Test func globalGetOnlySeesImportedImmutableGlobals() {
        expectValid(module(.i32, [.globalGet(0)], imports: [Self.importedI32]))
        expectInvalid(module(.i32, [.globalGet(0)], imports: [Self.importedMutableI32]), "constant expression required")
        expectInvalid(module(.i32, [.globalGet(1)], imports: [Self.importedI32]), "unknown global 1")
        var defined = module(.i32, [.i32Const(0)])
        defined.globals.append(Global(type: GlobalType(valueType: .i32, isMutable: false), initializer: ConstantExpression([.globalGet(0)])))
        expectInvalid(defined, "unknown global 0")
    }

    @Test func resultMustBeExactlyOneValueOfTheDeclaredType() {
        expectInvalid(module(.i32, []), "type mismatch")
        expectInvalid(module(.i32, [.i64Const(0)]), "type mismatch")
        expectInvalid(module(.i32, [.globalGet(0), .globalGet(0)], imports: [Self.importedI32]), "type mismatch")
        expectInvalid(module(.funcref, [.refNull(.externref)]), "type mismatch")
    }

    @Test func refFuncNeedsAnExistingFunctionAndDeclaresIt() throws {
        expectInvalid(module(.funcref, [.refFunc(functionIndex: 0)]), "unknown function 0")
        // A global initializer declares the function for `ref.func` in code.
        var declared = ValidationFixture.module([.refFunc(functionIndex: 0), .drop])
        declared.globals = [Global(type: GlobalType(valueType: .funcref, isMutable: false), initializer: ConstantExpression([.refFunc(functionIndex: 0)]))]
        expectValid(declared)
    }
}
