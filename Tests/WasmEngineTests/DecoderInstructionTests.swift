import Testing
@testable import WasmEngine

/// Instruction decoding: immediates, block types, prefixed opcodes and nesting.
@Suite struct DecoderInstructionTests {
    typealias W = WasmBytes

    private func instructions(_ code: [UInt8]) throws -> [Instruction] {
        try Module(decoding: W.singleFunctionModule(code)).code[0].instructions
    }

    @Test func controlInstructionsAndBlockTypes() throws {
        let code: [UInt8] = [
            0x02, 0x40,                    // block (empty)
            0x03, 0x7F,                    //   loop (result i32)
            0x41, 0x01, 0x04, 0x00,        //     i32.const 1, if (type 0)
            0x0C, 0x01, 0x05,              //       br 1, else
            0x0D, 0x00, 0x0B,              //       br_if 0, end
            0x41, 0x00,
            0x0E, 0x02, 0x00, 0x01, 0x02,  //     br_table [0 1] 2
            0x0B, 0x0B,                    //   end, end
            0x02, 0x80, 0x80, 0x80, 0x80, 0x00,  // block with 5-byte s33 type index 0
            0x0B,
            0x00, 0x01, 0x0F,              // unreachable, nop, return
            0x10, 0x00,                    // call 0
            0x11, 0x00, 0x00,              // call_indirect type 0 table 0
            0x0B,
        ]
        #expect(try instructions(code) == [
            .block(.empty), .loop(.value(.i32)), .i32Const(1), .if(.typeIndex(0)),
            .br(labelIndex: 1), .else, .brIf(labelIndex: 0), .end,
            .i32Const(0), .brTable(labelIndices: [0, 1], defaultIndex: 2), .end, .end,
            .block(.typeIndex(0)), .end,
            .unreachable, .nop, .return, .call(functionIndex: 0), .callIndirect(typeIndex: 0, tableIndex: 0),
            .end,
        ])
    }

    @Test func parametricVariableAndReferenceInstructions() throws {
        let code: [UInt8] = [
            0x1A, 0x1B, 0x1C, 0x01, 0x70,  // drop, select, select (result funcref)
            0x20, 0x00, 0x21, 0x01, 0x22, 0x02, 0x23, 0x03, 0x24, 0x04,
            0x25, 0x00, 0x26, 0x00,        // table.get 0, table.set 0
            0xD0, 0x6F, 0xD1, 0xD2, 0x07,  // ref.null extern, ref.is_null, ref.func 7
            0x0B,
        ]
        #expect(try instructions(code) == [
            .drop, .select, .typedSelect([.funcref]),
            .localGet(0), .localSet(1), .localTee(2), .globalGet(3), .globalSet(4),
            .tableGet(0), .tableSet(0), .refNull(.externref), .refIsNull, .refFunc(functionIndex: 7), .end,
        ])
    }

    @Test func memoryInstructionsAndConstants() throws {
        let code: [UInt8] = [
            0x28, 0x02, 0x10,              // i32.load align=4 offset=16
            0x31, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F,  // i64.load8_u offset=u32 max
            0x3E, 0x03, 0x00,              // i64.store32
            0x3F, 0x00, 0x40, 0x00,        // memory.size, memory.grow
            0x41, 0x7F, 0x42, 0x80, 0x01,  // i32.const -1, i64.const 128
            0x43, 0x00, 0x00, 0xC0, 0x7F,  // f32.const nan
            0x44, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF0, 0x7F,  // f64.const nan:0x1
            0x0B,
        ]
        #expect(try instructions(code) == [
            .load(.i32Load, MemoryArgument(alignment: 2, offset: 16)),
            .load(.i64Load8U, MemoryArgument(alignment: 0, offset: 0xFFFF_FFFF)),
            .store(.i64Store32, MemoryArgument(alignment: 3, offset: 0)),
            .memorySize(memoryIndex: 0), .memoryGrow(memoryIndex: 0),
            .i32Const(-1), .i64Const(128), .f32Const(bits: 0x7FC0_0000), .f64Const(bits: 0x7FF0_0000_0000_0001),
            .end,
        ])
    }

    @Test func everyNumericOpcodeMapsToItsOperator() throws {
        let plain = (UInt8(0x45)...UInt8(0xC4)).map { [$0] }
        let saturating = (UInt8(0)...UInt8(7)).map { [0xFC, $0] }
        let decoded = try instructions((plain + saturating).flatMap { $0 } + [0x0B])
        let expected = (0x45...0xC4).map { Instruction.numeric(NumericOperator(opcode: UInt16($0))!) }
            + (0...7).map { Instruction.numeric(NumericOperator(opcode: 0xFC00 | UInt16($0))!) }
            + [.end]
        #expect(decoded == expected)
    }

    @Test func bulkMemoryAndTableInstructions() throws {
        let code: [UInt8] = [
            0xFC, 0x08, 0x00, 0x00,        // memory.init 0
            0xFC, 0x09, 0x00,              // data.drop 0
            0xFC, 0x0A, 0x00, 0x00,        // memory.copy
            0xFC, 0x0B, 0x00,              // memory.fill
            0xFC, 0x0C, 0x01, 0x00,        // table.init elem 1 table 0
            0xFC, 0x0D, 0x02,              // elem.drop 2
            0xFC, 0x0E, 0x03, 0x04,        // table.copy dst 3 src 4
            0xFC, 0x0F, 0x00, 0xFC, 0x10, 0x00, 0xFC, 0x11, 0x00,
            0xFC, 0x80, 0x00,              // subopcode 0 with a 2-byte LEB: i32.trunc_sat_f32_s
            0x0B,
        ]
        #expect(try instructions(code) == [
            .memoryInit(dataIndex: 0, memoryIndex: 0), .dataDrop(0),
            .memoryCopy(destinationMemory: 0, sourceMemory: 0), .memoryFill(memoryIndex: 0),
            .tableInit(elementIndex: 1, tableIndex: 0), .elemDrop(2),
            .tableCopy(destinationTable: 3, sourceTable: 4), .tableGrow(0), .tableSize(0), .tableFill(0),
            .numeric(NumericOperator(opcode: 0xFC00)!),
            .end,
        ])
    }

    @Test func constantExpressionsMayHoldAnyInstructionsForTheValidator() throws {
        // Decoding accepts a non-constant global initializer; validation rejects it later.
        let module = try Module(decoding: W.module(W.section(6, W.vector([[0x7F, 0x00, 0x41, 0x01, 0x41, 0x02, 0x6A, 0x0B]]))))
        #expect(module.globals[0].initializer == ConstantExpression([.i32Const(1), .i32Const(2), .numeric(.i32Add)]))
    }

    @Test func deepNestingNeedsNoRecursion() throws {
        let depth = 20_000
        let code = Array(repeating: [UInt8]([0x02, 0x40]), count: depth).flatMap { $0 }
            + Array(repeating: 0x0B, count: depth + 1)
        let body = try Module(decoding: W.singleFunctionModule(code)).code[0]
        #expect(body.instructions.count == 2 * depth + 1)
    }
}
