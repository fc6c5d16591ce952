import Testing
@testable import WasmEngine

private typealias F = ValidationFixture
private let dead = FunctionValidationInfo.unreachable

/// The heights the translator maps to register slots: these must be exact.
@Suite struct ValidatorStackHeightTests {
    private func info(_ module: Module) throws -> FunctionValidationInfo {
        try #require(try Validator.validate(module).functions.first)
    }

    @Test func blockWithResultCountsOuterValues() throws {
        // i32.const 1; block (result i32) i32.const 2; i32.const 3; i32.add; end; i32.add; end
        let info = try info(F.module(parameters: [.i64], results: [.i32], locals: [.f32], [
            .i32Const(1), .block(.value(.i32)), .i32Const(2), .i32Const(3), .numeric(.i32Add), .end, .numeric(.i32Add),
        ]))
        #expect(info.stackHeights == [0, 1, 1, 2, 3, 2, 2, 1])
        #expect(info.maxStackHeight == 3)
    }

    @Test func codeAfterBranchIsDeadUntilTheBlockEnds() throws {
        let info = try info(F.module(results: [.i32], [
            .block(.value(.i32)), .i32Const(1), .br(labelIndex: 0), .i32Const(2), .drop, .end,
        ]))
        #expect(info.stackHeights == [0, 0, 1, dead, dead, dead, 1])
        #expect(info.maxStackHeight == 1)
        #expect(info.isUnreachable(3) && !info.isUnreachable(2))
    }

    @Test func ifElseArmsStartAtTheSameHeight() throws {
        let info = try info(F.module(parameters: [.i32], results: [.i32], [
            .localGet(0), .if(.value(.i32)), .i32Const(1), .else, .i32Const(2), .end,
        ]))
        #expect(info.stackHeights == [0, 1, 0, 1, 0, 1, 1])
        #expect(info.maxStackHeight == 1)
    }

    @Test func deadArmMakesItsElseUnreachable() throws {
        let info = try info(F.module(results: [.i32], [
            .i32Const(0), .if(.value(.i32)), .unreachable, .else, .i32Const(2), .end,
        ]))
        #expect(info.stackHeights == [0, 1, 0, dead, 0, 1, 1])
    }

    @Test func everythingAfterUnreachableIncludingNestedBlocksIsDead() throws {
        let info = try info(F.module([
            .i32Const(5), .unreachable, .numeric(.i32Add), .drop, .block(.empty), .i32Const(1), .drop, .end,
        ]))
        #expect(info.stackHeights == [0, 1, dead, dead, dead, dead, dead, dead, dead])
        #expect(info.maxStackHeight == 1)
    }

    @Test func codeAfterABlockThatBranchedIsLiveAgain() throws {
        let info = try info(F.module(results: [.i32], [
            .block(.empty), .br(labelIndex: 0), .end, .i32Const(7),
        ]))
        #expect(info.stackHeights == [0, 0, dead, 0, 1])
    }

    @Test func multiValueBlockParametersStayOnTheStack() throws {
        // i64.const; i32.const; i32.const; block ([i32 i32] -> [i32 i32]) i32.add; i32.const; end; drop; drop; drop
        let info = try info(F.module([
            .i64Const(9), .i32Const(1), .i32Const(2), .block(.typeIndex(1)), .numeric(.i32Add), .i32Const(3), .end,
            .drop, .drop, .drop,
        ]) { $0.types.append(FunctionType(parameters: [.i32, .i32], results: [.i32, .i32])) })
        #expect(info.stackHeights == [0, 1, 2, 3, 3, 2, 3, 3, 2, 1, 0])
        #expect(info.maxStackHeight == 3)
    }

    @Test func loopBranchAndBrTableHeights() throws {
        let info = try info(F.module(parameters: [.i32], [
            .loop(.empty), .localGet(0), .brIf(labelIndex: 0), .block(.empty), .localGet(0),
            .brTable(labelIndices: [0, 1], defaultIndex: 0), .end, .end,
        ]))
        #expect(info.stackHeights == [0, 0, 1, 0, 0, 1, dead, 0, 0])
    }

    @Test func callResultsCountTowardsTheMaximum() throws {
        let info = try info(F.module([
            .i32Const(0), .i32Const(1), .call(functionIndex: 0), .drop, .drop, .drop, .drop,
        ]) { module in
            module.types.append(FunctionType(parameters: [.i32, .i32], results: [.i64, .i64, .i64, .i64]))
            module.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 1))]
        })
        #expect(info.stackHeights == [0, 1, 2, 4, 3, 2, 1, 0])
        #expect(info.maxStackHeight == 4)
    }

    @Test func deadCodeAfterReturn() throws {
        let info = try info(F.module(results: [.i32], [.i32Const(1), .return, .i32Const(0)]))
        #expect(info.stackHeights == [0, 1, dead, dead])
    }
}
