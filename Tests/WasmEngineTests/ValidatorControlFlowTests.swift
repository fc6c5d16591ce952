import Testing
@testable import WasmEngine

private typealias F = ValidationFixture

/// Verdicts on structured control flow: blocks that keep outer values, if/else arms,
/// dead code after branches, multi-value block parameters. Each accepted body has a
/// near twin that must be rejected, so the checks cannot pass by accepting everything.
@Suite struct ValidatorControlFlowTests {
    @Test func blockWithResultKeepsOuterValues() {
        expectValid(F.module(parameters: [.i64], results: [.i32], locals: [.f32], [
            .i32Const(1), .block(.value(.i32)), .i32Const(2), .i32Const(3), .numeric(.i32Add), .end, .numeric(.i32Add),
        ]))
        // The block cannot reach the outer `i32.const 1`.
        expectInvalid(F.module(parameters: [.i64], results: [.i32], [
            .i32Const(1), .block(.value(.i32)), .i32Const(2), .numeric(.i32Add), .end,
        ]), "type mismatch")
    }

    @Test func codeAfterBranchIsPolymorphicUntilTheBlockEnds() {
        expectValid(F.module(results: [.i32], [
            .block(.value(.i32)), .i32Const(1), .br(labelIndex: 0), .i32Const(2), .drop, .end,
        ]))
        // Dead code is still type-checked.
        expectInvalid(F.module(results: [.i32], [
            .block(.value(.i32)), .i32Const(1), .br(labelIndex: 0), .i64Const(2), .numeric(.i32Eqz), .end,
        ]), "type mismatch")
    }

    @Test func ifElseArmsEachProduceTheResult() {
        expectValid(F.module(parameters: [.i32], results: [.i32], [
            .localGet(0), .if(.value(.i32)), .i32Const(1), .else, .i32Const(2), .end,
        ]))
        expectInvalid(F.module(parameters: [.i32], results: [.i32], [
            .localGet(0), .if(.value(.i32)), .i32Const(1), .else, .end,
        ]), "type mismatch")
    }

    @Test func deadThenArmDoesNotAffectTheElseArm() {
        expectValid(F.module(results: [.i32], [
            .i32Const(0), .if(.value(.i32)), .unreachable, .else, .i32Const(2), .end,
        ]))
        expectInvalid(F.module(results: [.i32], [
            .i32Const(0), .if(.value(.i32)), .unreachable, .else, .end,
        ]), "type mismatch")
    }

    @Test func nestedBlocksAfterUnreachableAreChecked() {
        expectValid(F.module([
            .i32Const(5), .unreachable, .numeric(.i32Add), .drop, .block(.empty), .i32Const(1), .drop, .end,
        ]))
        // A block entered from dead code has an ordinary (non-polymorphic) stack.
        expectInvalid(F.module([
            .unreachable, .block(.empty), .drop, .end,
        ]), "type mismatch")
    }

    @Test func codeAfterABlockThatBranchedIsLiveAgain() {
        expectValid(F.module(results: [.i32], [.block(.empty), .br(labelIndex: 0), .end, .i32Const(7)]))
        expectInvalid(F.module(results: [.i32], [.block(.empty), .br(labelIndex: 0), .end]), "type mismatch")
    }

    @Test func multiValueBlockParametersStayOnTheStack() {
        let withBlockType: (inout Module) -> Void = {
            $0.types.append(FunctionType(parameters: [.i32, .i32], results: [.i32, .i32]))
        }
        expectValid(F.module([
            .i64Const(9), .i32Const(1), .i32Const(2), .block(.typeIndex(1)), .numeric(.i32Add), .i32Const(3), .end,
            .drop, .drop, .drop,
        ], configure: withBlockType))
        expectInvalid(F.module([
            .i64Const(9), .i32Const(1), .block(.typeIndex(1)), .end, .drop, .drop, .drop,
        ], configure: withBlockType), "type mismatch")
    }

    @Test func loopBranchAndBrTable() {
        expectValid(F.module(parameters: [.i32], [
            .loop(.empty), .localGet(0), .brIf(labelIndex: 0), .block(.empty), .localGet(0),
            .brTable(labelIndices: [0, 1], defaultIndex: 0), .end, .end,
        ]))
        expectInvalid(F.module(parameters: [.i32], [
            .loop(.empty), .block(.empty), .localGet(0),
            .brTable(labelIndices: [0, 3], defaultIndex: 0), .end, .end,
        ]), "unknown label 3")
    }

    @Test func callResultsArePushedInOrder() {
        let withImport: (inout Module) -> Void = { module in
            module.types.append(FunctionType(parameters: [.i32, .i32], results: [.i64, .i64, .i64, .i32]))
            module.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 1))]
        }
        expectValid(F.module([
            .i32Const(0), .i32Const(1), .call(functionIndex: 0), .numeric(.i32Eqz), .drop, .drop, .drop, .drop,
        ], configure: withImport))
        expectInvalid(F.module([
            .i32Const(0), .i32Const(1), .call(functionIndex: 0), .numeric(.i64Eqz), .drop, .drop, .drop, .drop,
        ], configure: withImport), "type mismatch")
    }

    @Test func deadCodeAfterReturn() {
        expectValid(F.module(results: [.i32], [.i32Const(1), .return, .i32Const(0)]))
        expectInvalid(F.module(results: [.i32], [.i32Const(1), .return, .f32Const(bits: 0), .numeric(.i32Eqz)]), "type mismatch")
    }
}
