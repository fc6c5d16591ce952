import Testing
@testable import WasmEngine

/// Each section kind decodes into the expected `Module` fields.
@Suite struct DecoderSectionTests {
    typealias W = WasmBytes

    @Test func emptyModuleHasNoEntities() throws {
        let module = try Module(decoding: W.header)
        #expect(module.types.isEmpty && module.functions.isEmpty && module.code.isEmpty)
        #expect(module.start == nil && module.dataCount == nil && module.names == nil)
    }

    @Test func typeSectionHoldsFunctionTypes() throws {
        let module = try Module(decoding: W.module(W.section(1, W.vector([
            [0x60, 0x02, 0x7F, 0x7E, 0x01, 0x7D],
            [0x60, 0x00, 0x03, 0x7C, 0x70, 0x6F],
        ]))))
        #expect(module.types == [
            FunctionType(parameters: [.i32, .i64], results: [.f32]),
            FunctionType(parameters: [], results: [.f64, .funcref, .externref]),
        ])
    }

    @Test func importSectionHoldsAllFourKinds() throws {
        let module = try Module(decoding: W.module(W.section(2, W.vector([
            W.name("env") + W.name("f") + [0x00, 0x05],
            W.name("env") + W.name("t") + [0x01, 0x6F, 0x01, 0x02, 0x10],
            W.name("env") + W.name("m") + [0x02, 0x00, 0x01],
            W.name("env") + W.name("g") + [0x03, 0x7E, 0x01],
        ]))))
        #expect(module.imports == [
            Import(module: "env", name: "f", descriptor: .function(typeIndex: 5)),
            Import(module: "env", name: "t", descriptor: .table(TableType(elementType: .externref, limits: Limits(min: 2, max: 16)))),
            Import(module: "env", name: "m", descriptor: .memory(MemoryType(limits: Limits(min: 1)))),
            Import(module: "env", name: "g", descriptor: .global(GlobalType(valueType: .i64, isMutable: true))),
        ])
    }

    @Test func functionTableMemoryGlobalExportAndStartSections() throws {
        let module = try Module(decoding: W.module(
            W.section(1, W.vector([[0x60, 0x00, 0x00]])),
            W.section(3, W.vector([[0x00], [0x00]])),
            W.section(4, W.vector([[0x70, 0x00, 0x03], [0x6F, 0x01, 0x00, 0x80, 0x02]])),
            W.section(5, W.vector([[0x01, 0x01, 0x80, 0x80, 0x04], [0x00, 0x00]])),
            W.section(6, W.vector([[0x7F, 0x00, 0x41, 0x2A, 0x0B], [0x70, 0x01, 0xD0, 0x70, 0x0B]])),
            W.section(7, W.vector([
                W.name("run") + [0x00, 0x01], W.name("tab") + [0x01, 0x00],
                W.name("mem") + [0x02, 0x00], W.name("glob") + [0x03, 0x01],
            ])),
            W.section(8, [0x01]),
            W.section(10, W.vector([W.body([0x0B]), W.body([0x0B])]))
        ))
        #expect(module.functions == [0, 0])
        #expect(module.tables == [
            TableType(elementType: .funcref, limits: Limits(min: 3)),
            TableType(elementType: .externref, limits: Limits(min: 0, max: 256)),
        ])
        #expect(module.memories == [MemoryType(limits: Limits(min: 1, max: 65536)), MemoryType(limits: Limits(min: 0))])
        #expect(module.globals == [
            Global(type: GlobalType(valueType: .i32, isMutable: false), initializer: ConstantExpression([.i32Const(42)])),
            Global(type: GlobalType(valueType: .funcref, isMutable: true), initializer: ConstantExpression([.refNull(.funcref)])),
        ])
        #expect(module.exports == [
            Export(name: "run", descriptor: .function(1)), Export(name: "tab", descriptor: .table(0)),
            Export(name: "mem", descriptor: .memory(0)), Export(name: "glob", descriptor: .global(1)),
        ])
        #expect(module.start == 1)
        #expect(module.code.count == 2)
    }

    @Test func allEightElementSegmentEncodings() throws {
        let offset: [UInt8] = [0x41, 0x05, 0x0B]
        let refFunc: [UInt8] = [0xD2, 0x00, 0x0B]
        let module = try Module(decoding: W.module(W.section(9, W.vector([
            [0x00] + offset + W.vector([[0x00], [0x01]]),
            [0x01, 0x00] + W.vector([[0x02]]),
            [0x02, 0x03] + offset + [0x00] + W.vector([[0x00]]),
            [0x03, 0x00] + W.vector([[0x01]]),
            [0x04] + offset + W.vector([refFunc]),
            [0x05, 0x6F] + W.vector([[0xD0, 0x6F, 0x0B]]),
            [0x06, 0x02] + offset + [0x70] + W.vector([refFunc, [0xD0, 0x70, 0x0B]]),
            [0x07, 0x70] + W.vector([refFunc]),
        ]))))
        let activeOffset = ConstantExpression([.i32Const(5)])
        func funcs(_ indices: UInt32...) -> [ConstantExpression] {
            indices.map { ConstantExpression([.refFunc(functionIndex: $0)]) }
        }
        #expect(module.elements == [
            ElementSegment(type: .funcref, initializers: funcs(0, 1), mode: .active(table: 0, offset: activeOffset)),
            ElementSegment(type: .funcref, initializers: funcs(2), mode: .passive),
            ElementSegment(type: .funcref, initializers: funcs(0), mode: .active(table: 3, offset: activeOffset)),
            ElementSegment(type: .funcref, initializers: funcs(1), mode: .declarative),
            ElementSegment(type: .funcref, initializers: funcs(0), mode: .active(table: 0, offset: activeOffset)),
            ElementSegment(type: .externref, initializers: [ConstantExpression([.refNull(.externref)])], mode: .passive),
            ElementSegment(type: .funcref, initializers: funcs(0) + [ConstantExpression([.refNull(.funcref)])],
                           mode: .active(table: 2, offset: activeOffset)),
            ElementSegment(type: .funcref, initializers: funcs(0), mode: .declarative),
        ])
    }

    @Test func allThreeDataSegmentEncodingsAndDataCount() throws {
        let module = try Module(decoding: W.module(
            W.section(5, W.vector([[0x00, 0x01]])),
            W.section(12, [0x03]),
            W.section(11, W.vector([
                [0x00, 0x41, 0x08, 0x0B] + W.name("abc"),
                [0x01] + W.name(""),
                [0x02, 0x00, 0x41, 0x10, 0x0B, 0x02, 0xFF, 0x00],
            ]))
        ))
        #expect(module.dataCount == 3)
        #expect(module.data == [
            DataSegment(bytes: Array("abc".utf8), mode: .active(memory: 0, offset: ConstantExpression([.i32Const(8)]))),
            DataSegment(bytes: [], mode: .passive),
            DataSegment(bytes: [0xFF, 0x00], mode: .active(memory: 0, offset: ConstantExpression([.i32Const(16)]))),
        ])
    }

    @Test func codeSectionExpandsLocalsAndRecordsOffsets() throws {
        let bytes = W.singleFunctionModule(locals: [(2, 0x7F), (0, 0x7E), (1, 0x6F)], [0x20, 0x01, 0x1A, 0x0B])
        let module = try Module(decoding: bytes)
        let body = try #require(module.code.first)
        #expect(body.locals == [.i32, .i32, .externref])
        #expect(body.instructions == [.localGet(1), .drop, .end])
        #expect(bytes[Int(body.instructionOffsets[0])] == 0x20)
        #expect(bytes[Int(body.instructionOffsets[1])] == 0x1A)
        #expect(bytes[Int(body.instructionOffsets[2])] == 0x0B)
        #expect(body.instructionOffsets.count == body.instructions.count)
        #expect(bytes[body.byteOffset] == 11)  // the body's size field: 1 + 3 * 2 local bytes + 4 code bytes
    }

    @Test func customSectionsAreKeptAnywhereAndVerbatim() throws {
        let module = try Module(decoding: W.module(
            W.section(0, W.name("first") + [1, 2, 3]),
            W.section(1, W.vector([])),
            W.section(0, W.name("second")),
            W.section(10, W.vector([])),
            W.section(0, W.name("") + [9])
        ))
        #expect(module.customSections == [
            CustomSection(name: "first", bytes: [1, 2, 3]),
            CustomSection(name: "second", bytes: []),
            CustomSection(name: "", bytes: [9]),
        ])
    }

    @Test func nameSectionProvidesModuleFunctionAndLocalNames() throws {
        // A subsection has the same shape as a section: id, size, content.
        let subsections: [UInt8] =
            W.section(0, W.name("mod"))
            + W.section(1, W.vector([[0x00] + W.name("main"), [0x02] + W.name("helper")]))
            + W.section(2, W.vector([[0x00] + W.vector([[0x00] + W.name("x"), [0x01] + W.name("y")])]))
            + W.section(7, [0xAA, 0xBB])  // an unknown (extended) subsection is skipped
        let module = try Module(decoding: W.module(W.section(0, W.name("name") + subsections)))
        #expect(module.names == NameSection(
            moduleName: "mod",
            functionNames: [0: "main", 2: "helper"],
            localNames: [0: [0: "x", 1: "y"]]
        ))
    }

    @Test func malformedNameSectionIsIgnored() throws {
        // Function-name subsection claims 5 bytes but holds a truncated name.
        let module = try Module(decoding: W.module(W.section(0, W.name("name") + [0x01, 0x05, 0x01, 0x00, 0x09, 0x61, 0x62])))
        #expect(module.names == nil)
        #expect(module.customSections.count == 1)
    }

    @Test func clangSeedModuleDecodesWithNames() throws {
        let module = try Module(decoding: try W.seedModule())
        #expect(module.functions.count == module.code.count)
        #expect(module.code.count >= 7)
        #expect(module.exports.contains { $0.name == "fibonacci" })
        #expect(module.names?.functionNames.values.contains("classify") == true)
        #expect(!module.elements.isEmpty && !module.data.isEmpty && !module.memories.isEmpty)
    }
}
