import Testing
@testable import WasmEngine

private typealias F = ValidationFixture

@Suite struct ValidatorNumericAndVariableTests {
    @Test func numericOperatorsUseTheirSignatures() {
        expectValid(F.module(results: [.i32], [.i32Const(1), .i32Const(2), .numeric(.i32Add)]))
        expectValid(F.module(results: [.f64], [.i64Const(1), .numeric(.f64ConvertI64S)]))
        expectValid(F.module(results: [.i32], [.f32Const(bits: 0), .numeric(.i32TruncSatF32S)]))
        expectInvalid(F.module(results: [.i32], [.i32Const(1), .i64Const(2), .numeric(.i32Add)]), "type mismatch")
        expectInvalid(F.module(results: [.i32], [.i32Const(1), .numeric(.i32Add)]), "type mismatch")
        expectInvalid(F.module(results: [.i32], [.numeric(.i32Eqz)]), "type mismatch")
        expectInvalid(F.module(results: [.i64], [.i32Const(1), .numeric(.i32Eqz)]), "type mismatch")
    }

    @Test func everyNumericOperatorValidatesWithItsOperands() {
        for op in NumericOperator.allCases {
            let signature = op.signature
            let operands: [Instruction] = signature.parameters.map { type in
                switch type {
                case .i32: return .i32Const(0)
                case .i64: return .i64Const(0)
                case .f32: return .f32Const(bits: 0)
                default: return .f64Const(bits: 0)
                }
            }
            expectValid(F.module(results: [signature.result], operands + [.numeric(op)]))
        }
    }

    @Test func functionMustLeaveExactlyItsResults() {
        expectInvalid(F.module([.i32Const(1)]), "type mismatch")
        expectInvalid(F.module(results: [.i32], []), "type mismatch")
        expectInvalid(F.module(results: [.i32], [.i64Const(0)]), "type mismatch")
    }

    @Test func localsIncludeParametersThenDeclaredLocals() {
        expectValid(F.module(parameters: [.i32], results: [.i64], locals: [.i64],
                             [.localGet(0), .localSet(0), .i64Const(3), .localTee(1)]))
        expectInvalid(F.module(parameters: [.i32], locals: [.i64], [.localGet(2), .drop]), "unknown local 2")
        expectInvalid(F.module(locals: [.i64], [.i32Const(0), .localSet(0)]), "type mismatch")
        expectInvalid(F.module(locals: [.i64], [.i32Const(0), .localTee(0), .drop]), "type mismatch")
    }

    @Test func globalsAreTypedAndOnlyMutableOnesCanBeSet() {
        let withGlobals: (inout Module) -> Void = { module in
            module.globals = [
                Global(type: GlobalType(valueType: .i32, isMutable: false), initializer: ConstantExpression([.i32Const(0)])),
                Global(type: GlobalType(valueType: .f32, isMutable: true), initializer: ConstantExpression([.f32Const(bits: 0)])),
            ]
        }
        expectValid(F.module(results: [.i32], [.globalGet(0)], configure: withGlobals))
        expectValid(F.module([.f32Const(bits: 0), .globalSet(1)], configure: withGlobals))
        expectInvalid(F.module([.i32Const(0), .globalSet(0)], configure: withGlobals), "global is immutable")
        expectInvalid(F.module([.i32Const(0), .globalSet(1)], configure: withGlobals), "type mismatch")
        expectInvalid(F.module([.globalGet(2), .drop], configure: withGlobals), "unknown global 2")
    }

    @Test func untypedSelectIsForNumericOperandsOnly() {
        expectValid(F.module(results: [.i64], [.i64Const(1), .i64Const(2), .i32Const(0), .select]))
        expectInvalid(F.module(results: [.i64], [.i64Const(1), .i32Const(2), .i32Const(0), .select]), "type mismatch")
        expectInvalid(F.module([.refNull(.funcref), .refNull(.funcref), .i32Const(0), .select, .drop]), "type mismatch")
        // In dead code the unknown operands count as numeric, but a known reference does not.
        expectValid(F.module(results: [.i32], [.unreachable, .select]))
        expectInvalid(F.module([.unreachable, .refNull(.funcref), .i32Const(1), .select, .drop]), "type mismatch")
    }

    @Test func typedSelectHasExactlyOneResult() {
        expectValid(F.module(results: [.funcref], [.refNull(.funcref), .refNull(.funcref), .i32Const(0), .typedSelect([.funcref])]))
        expectInvalid(F.module([.i32Const(0), .typedSelect([])]), "invalid result arity")
        expectInvalid(F.module([.i32Const(0), .i32Const(0), .i32Const(0), .i32Const(0), .i32Const(1),
                                .typedSelect([.i32, .i32]), .drop, .drop]), "invalid result arity")
        expectInvalid(F.module(results: [.funcref], [.refNull(.externref), .refNull(.funcref), .i32Const(0), .typedSelect([.funcref])]), "type mismatch")
    }

    @Test func dropNeedsAnOperand() {
        expectInvalid(F.module([.drop]), "type mismatch")
        expectValid(F.module([.unreachable, .drop, .drop]))
    }

    @Test func errorsCarryTheInstructionOffset() {
        let error = F.error(F.module([.nop, .i32Const(1), .i64Const(2), .numeric(.i32Add), .drop]))
        #expect(error?.message == "type mismatch")
        #expect(error?.offset == 130)
    }

    @Test func deadCodeIsStillTypeChecked() {
        expectInvalid(F.module([.unreachable, .i64Const(0), .numeric(.i32Add), .drop]), "type mismatch")
        expectValid(F.module(results: [.i32], [.unreachable, .i32Const(0), .numeric(.i32Add)]))
    }
}

@Suite struct ValidatorControlTests {
    @Test func blocksTakeTheirParametersAndLeaveTheirResults() {
        let pair = FunctionType(parameters: [.i32, .i32], results: [.i32])
        expectValid(F.module(results: [.i32], [.i32Const(1), .i32Const(2), .block(.typeIndex(1)), .numeric(.i32Add), .end]) {
            $0.types.append(pair)
        })
        expectInvalid(F.module(results: [.i32], [.i32Const(1), .block(.typeIndex(1)), .numeric(.i32Add), .end]) {
            $0.types.append(pair)
        }, "type mismatch")
        expectInvalid(F.module([.block(.typeIndex(7)), .end]), "unknown type 7")
        expectInvalid(F.module(results: [.i32], [.block(.value(.i32)), .i64Const(0), .end]), "type mismatch")
        expectInvalid(F.module([.block(.empty), .i32Const(0), .end]), "type mismatch")
        // A block cannot pop values of its enclosing block.
        expectInvalid(F.module([.i32Const(0), .block(.empty), .drop, .end, .drop]), "type mismatch")
    }

    @Test func loopLabelsCarryTheLoopParameters() {
        let loopType = FunctionType(parameters: [.i32], results: [.i64])
        expectValid(F.module(results: [.i64], [.i32Const(1), .loop(.typeIndex(1)), .i32Const(1), .brIf(labelIndex: 0), .drop, .i64Const(0), .end]) {
            $0.types.append(loopType)
        })
        expectInvalid(F.module(results: [.i64], [.i32Const(1), .loop(.typeIndex(1)), .i64Const(1), .br(labelIndex: 0), .end]) {
            $0.types.append(loopType)
        }, "type mismatch")
    }

    @Test func ifWithoutElseMustPassItsParametersThrough() {
        expectValid(F.module(parameters: [.i32], results: [.i32], [.localGet(0), .i32Const(1), .if(.value(.i32)), .i32Const(2), .else, .i32Const(3), .end, .numeric(.i32Add)]))
        expectInvalid(F.module(results: [.i32], [.i32Const(1), .if(.value(.i32)), .i32Const(2), .end]), "type mismatch")
        let passThrough = FunctionType(parameters: [.i32], results: [.i32])
        expectValid(F.module(results: [.i32], [.i32Const(5), .i32Const(1), .if(.typeIndex(1)), .end]) { $0.types.append(passThrough) })
        expectInvalid(F.module([.if(.empty), .end]), "type mismatch")
        expectInvalid(F.module([.i64Const(0), .if(.empty), .end]), "type mismatch")
        expectInvalid(F.module([.i32Const(0), .if(.value(.i32)), .i32Const(0), .else, .end, .drop]), "type mismatch")
    }

    @Test func elseAndEndMustMatchTheStructure() {
        expectInvalid(F.module([.else]), "`else` without a matching `if`")
        expectInvalid(F.module([.block(.empty), .else, .end]), "`else` without a matching `if`")
        var missingEnd = F.module([.block(.empty)])
        expectInvalid(missingEnd, "unexpected end of function body")
        missingEnd.code[0].instructions.append(contentsOf: [.end, .nop])
        missingEnd.code[0].instructionOffsets.append(contentsOf: [1, 2])
        expectInvalid(missingEnd, "instructions after the end of the function body")
    }

    @Test func branchesNeedExistingLabelsAndTheirTypes() {
        expectInvalid(F.module([.br(labelIndex: 1)]), "unknown label 1")
        expectInvalid(F.module([.block(.empty), .i32Const(0), .brIf(labelIndex: 2), .end]), "unknown label 2")
        expectValid(F.module(results: [.i32], [.i32Const(7), .br(labelIndex: 0)]))
        expectInvalid(F.module(results: [.i32], [.i64Const(7), .br(labelIndex: 0)]), "type mismatch")
        expectInvalid(F.module(results: [.i32], [.block(.value(.i32)), .i32Const(1), .brIf(labelIndex: 0), .end]), "type mismatch")
        expectValid(F.module(results: [.i32], [.block(.value(.i32)), .i32Const(1), .i32Const(1), .brIf(labelIndex: 0), .end]))
    }

    @Test func brTableLabelsShareArityAndTypes() {
        let twoBlocks: [Instruction] = [.block(.value(.i32)), .block(.value(.i32)), .i32Const(1), .i32Const(0),
                                        .brTable(labelIndices: [0, 1], defaultIndex: 0), .end, .end]
        expectValid(F.module(results: [.i32], twoBlocks))
        expectInvalid(F.module(results: [.i32], [.block(.value(.i32)), .block(.empty), .i32Const(1), .i32Const(0),
                                                  .brTable(labelIndices: [1], defaultIndex: 0), .end, .i32Const(0), .end]), "type mismatch")
        expectInvalid(F.module([.block(.value(.f32)), .block(.value(.i64)), .i64Const(1), .i32Const(0),
                                .brTable(labelIndices: [1], defaultIndex: 0), .end, .drop, .f32Const(bits: 0), .end, .drop]), "type mismatch")
        expectInvalid(F.module([.block(.empty), .i32Const(0), .brTable(labelIndices: [3], defaultIndex: 0), .end]), "unknown label 3")
        expectInvalid(F.module([.block(.empty), .brTable(labelIndices: [], defaultIndex: 0), .end]), "type mismatch")
        // With a polymorphic stack each label is checked against unknown operands, so
        // labels of the same arity but different types are fine.
        expectValid(F.module([.block(.value(.f32)), .block(.value(.i64)), .unreachable,
                              .brTable(labelIndices: [0], defaultIndex: 1), .end, .drop, .f32Const(bits: 0), .end, .drop]))
    }

    @Test func returnPopsTheFunctionResults() {
        expectValid(F.module(results: [.i32], [.block(.empty), .i32Const(1), .return, .end, .i32Const(2)]))
        expectInvalid(F.module(results: [.i32], [.return]), "type mismatch")
        expectInvalid(F.module(results: [.i32], [.f32Const(bits: 0), .return]), "type mismatch")
    }

    @Test func callsUseTheCalleeType() {
        let callee: (inout Module) -> Void = { module in
            module.types.append(FunctionType(parameters: [.i32, .i64], results: [.f32]))
            module.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 1))]
        }
        expectValid(F.module(results: [.f32], [.i32Const(0), .i64Const(0), .call(functionIndex: 0)], configure: callee))
        expectInvalid(F.module(results: [.f32], [.i64Const(0), .i32Const(0), .call(functionIndex: 0)], configure: callee), "type mismatch")
        expectInvalid(F.module([.call(functionIndex: 2)], configure: callee), "unknown function 2")
    }

    @Test func callIndirectNeedsAFuncrefTableAndAType() {
        let funcTable: (inout Module) -> Void = { $0.tables = [TableType(elementType: .funcref, limits: Limits(min: 1))] }
        expectValid(F.module([.i32Const(0), .callIndirect(typeIndex: 0, tableIndex: 0)], configure: funcTable))
        expectInvalid(F.module([.i32Const(0), .callIndirect(typeIndex: 0, tableIndex: 0)]), "unknown table 0")
        expectInvalid(F.module([.i32Const(0), .callIndirect(typeIndex: 4, tableIndex: 0)], configure: funcTable), "unknown type 4")
        expectInvalid(F.module([.i64Const(0), .callIndirect(typeIndex: 0, tableIndex: 0)], configure: funcTable), "type mismatch")
        expectInvalid(F.module([.i32Const(0), .callIndirect(typeIndex: 0, tableIndex: 0)]) {
            $0.tables = [TableType(elementType: .externref, limits: Limits(min: 1))]
        }, "type mismatch")
    }
}

@Suite struct ValidatorReferenceTests {
    @Test func refFuncNeedsADeclaredFunction() {
        expectInvalid(F.module([.refFunc(functionIndex: 0), .drop]), "undeclared function reference")
        expectInvalid(F.module([.refFunc(functionIndex: 0), .drop]) { $0.start = 0 }, "undeclared function reference")
        expectInvalid(F.module([.refFunc(functionIndex: 1), .drop]), "unknown function 1")
        expectValid(F.module([.refFunc(functionIndex: 0), .drop]) {
            $0.exports = [Export(name: "f", descriptor: .function(0))]
        })
        expectValid(F.module(results: [.funcref], [.refFunc(functionIndex: 0)]) {
            $0.elements = [ElementSegment(type: .funcref, initializers: [ConstantExpression([.refFunc(functionIndex: 0)])], mode: .declarative)]
        })
    }

    @Test func refIsNullNeedsAReference() {
        expectValid(F.module(results: [.i32], [.refNull(.externref), .refIsNull]))
        expectInvalid(F.module(results: [.i32], [.i32Const(0), .refIsNull]), "type mismatch")
        expectValid(F.module(results: [.i32], [.unreachable, .refIsNull]))
    }
}
