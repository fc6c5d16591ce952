import Testing
@testable import WasmEngine

private typealias F = ValidationFixture

private let withMemory: (inout Module) -> Void = { $0.memories = [MemoryType(limits: Limits(min: 1))] }

@Suite struct ValidatorMemoryTests {
    @Test func memoryInstructionsNeedAMemory() {
        expectInvalid(F.module(results: [.f32], [.i32Const(0), .load(.f32Load, MemoryArgument(alignment: 2, offset: 0))]), "unknown memory 0")
        expectInvalid(F.module([.i32Const(0), .i32Const(0), .store(.i32Store8, MemoryArgument(alignment: 0, offset: 0))]), "unknown memory 0")
        expectInvalid(F.module(results: [.i32], [.memorySize(memoryIndex: 0)]), "unknown memory 0")
        expectInvalid(F.module(results: [.i32], [.i32Const(0), .memoryGrow(memoryIndex: 0)]), "unknown memory 0")
        expectInvalid(F.module([.i32Const(0), .i32Const(0), .i32Const(0), .memoryFill(memoryIndex: 0)]), "unknown memory 0")
        expectInvalid(F.module([.i32Const(0), .i32Const(0), .i32Const(0), .memoryCopy(destinationMemory: 0, sourceMemory: 0)]), "unknown memory 0")
        // The memory is checked before the operands.
        expectInvalid(F.module(results: [.i32], [.load(.i32Load, MemoryArgument(alignment: 2, offset: 0))]), "unknown memory 0")
    }

    @Test func loadsAndStoresAreTypedAndAligned() {
        expectValid(F.module(results: [.i64], [.i32Const(0), .load(.i64Load32U, MemoryArgument(alignment: 2, offset: 8))], configure: withMemory))
        expectValid(F.module([.i32Const(0), .f64Const(bits: 0), .store(.f64Store, MemoryArgument(alignment: 3, offset: 0))], configure: withMemory))
        expectInvalid(F.module(results: [.i64], [.i32Const(0), .load(.i64Load32U, MemoryArgument(alignment: 3, offset: 0))], configure: withMemory),
                      "alignment must not be larger than natural")
        expectInvalid(F.module([.i32Const(0), .i32Const(0), .store(.i32Store16, MemoryArgument(alignment: 2, offset: 0))], configure: withMemory),
                      "alignment must not be larger than natural")
        expectInvalid(F.module([.i32Const(0), .i32Const(0), .store(.i64Store, MemoryArgument(alignment: 3, offset: 0))], configure: withMemory),
                      "type mismatch")
        expectInvalid(F.module(results: [.i32], [.i64Const(0), .load(.i32Load, MemoryArgument(alignment: 2, offset: 0))], configure: withMemory),
                      "type mismatch")
        for op in LoadOperator.allCases {
            expectValid(F.module(results: [op.resultType], [.i32Const(0), .load(op, MemoryArgument(alignment: op.naturalAlignment, offset: 0))], configure: withMemory))
        }
    }

    @Test func memoryInitAndDataDropNeedTheDataCount() {
        let withPassiveData: (inout Module) -> Void = { module in
            withMemory(&module)
            module.data = [DataSegment(bytes: [1, 2], mode: .passive)]
            module.dataCount = 1
        }
        expectValid(F.module([.i32Const(0), .i32Const(0), .i32Const(1), .memoryInit(dataIndex: 0, memoryIndex: 0), .dataDrop(0)], configure: withPassiveData))
        expectInvalid(F.module([.dataDrop(1)], configure: withPassiveData), "unknown data segment 1")
        expectInvalid(F.module([.dataDrop(0)], configure: withMemory), "unknown data segment 0")
        expectInvalid(F.module([.i32Const(0), .i32Const(0), .i32Const(1), .memoryInit(dataIndex: 0, memoryIndex: 0)]) {
            withPassiveData(&$0)
            $0.memories = []
        }, "unknown memory 0")
        expectInvalid(F.module([.dataDrop(0)]) {
            withPassiveData(&$0)
            $0.dataCount = nil
        }, "data count section required")
    }
}

@Suite struct ValidatorTableTests {
    private static let tables: (inout Module) -> Void = { module in
        module.tables = [TableType(elementType: .funcref, limits: Limits(min: 1)),
                         TableType(elementType: .externref, limits: Limits(min: 1))]
        module.elements = [ElementSegment(type: .funcref, initializers: [], mode: .passive),
                           ElementSegment(type: .externref, initializers: [], mode: .passive)]
    }

    @Test func tableAccessUsesTheElementType() {
        expectValid(F.module(results: [.externref], [.i32Const(0), .tableGet(1)], configure: Self.tables))
        expectValid(F.module([.i32Const(0), .refNull(.funcref), .tableSet(0)], configure: Self.tables))
        expectInvalid(F.module([.i32Const(0), .refNull(.funcref), .tableSet(1)], configure: Self.tables), "type mismatch")
        expectInvalid(F.module(results: [.funcref], [.i32Const(0), .tableGet(1)], configure: Self.tables), "type mismatch")
        expectInvalid(F.module(results: [.funcref], [.i32Const(0), .tableGet(2)], configure: Self.tables), "unknown table 2")
        expectInvalid(F.module(results: [.i32], [.tableSize(0)]), "unknown table 0")
    }

    @Test func growAndFillTakeAReferenceAndCounts() {
        expectValid(F.module(results: [.i32], [.refNull(.externref), .i32Const(2), .tableGrow(1)], configure: Self.tables))
        expectInvalid(F.module(results: [.i32], [.refNull(.funcref), .i32Const(2), .tableGrow(1)], configure: Self.tables), "type mismatch")
        expectValid(F.module([.i32Const(0), .refNull(.funcref), .i32Const(1), .tableFill(0)], configure: Self.tables))
        expectInvalid(F.module([.i32Const(0), .i32Const(1), .refNull(.funcref), .tableFill(0)], configure: Self.tables), "type mismatch")
        expectValid(F.module(results: [.i32], [.tableSize(1)], configure: Self.tables))
    }

    @Test func copyAndInitNeedCompatibleElementTypes() {
        let three: [Instruction] = [.i32Const(0), .i32Const(0), .i32Const(0)]
        expectValid(F.module(three + [.tableCopy(destinationTable: 1, sourceTable: 1)], configure: Self.tables))
        expectInvalid(F.module(three + [.tableCopy(destinationTable: 0, sourceTable: 1)], configure: Self.tables), "type mismatch")
        expectInvalid(F.module(three + [.tableCopy(destinationTable: 0, sourceTable: 3)], configure: Self.tables), "unknown table 3")
        expectValid(F.module(three + [.tableInit(elementIndex: 1, tableIndex: 1), .elemDrop(0)], configure: Self.tables))
        expectInvalid(F.module(three + [.tableInit(elementIndex: 0, tableIndex: 1)], configure: Self.tables), "type mismatch")
        expectInvalid(F.module(three + [.tableInit(elementIndex: 4, tableIndex: 0)], configure: Self.tables), "unknown elem segment 4")
        expectInvalid(F.module([.elemDrop(2)], configure: Self.tables), "unknown elem segment 2")
    }
}
