import Testing
@testable import WasmEngine

/// Multi-memory (Wasm 3.0): memory indices in the binary and text formats, their
/// validation, and execution against several memories per instance.
@Suite struct MultiMemoryTests {
    typealias W = WasmBytes

    /// A module with `memoryCount` one-page memories and one `() -> ()` function `code`.
    static func module(memories memoryCount: Int, _ code: [UInt8]) -> [UInt8] {
        W.module(
            W.section(1, W.vector([[0x60, 0x00, 0x00]])),
            W.section(3, W.vector([[0x00]])),
            W.section(5, W.vector(Array(repeating: [0x00, 0x01], count: memoryCount))),
            W.section(12, W.unsigned(1)),
            W.section(10, W.vector([W.body(code)])),
            W.section(11, W.vector([[0x01] + W.name("xy")]))
        )
    }

    static func decodeError(_ bytes: [UInt8]) -> String? {
        do {
            _ = try Module(decoding: bytes)
            return nil
        } catch {
            return "\(error)"
        }
    }

    // MARK: Decoding

    @Test func memargBitSixIntroducesAMemoryIndex() throws {
        // i32.const 0; i32.load align=4 (flags 0x42) memory 1 offset 4; drop; end
        let bytes = Self.module(memories: 2, [0x41, 0x00, 0x28, 0x42, 0x01, 0x04, 0x1A, 0x0B])
        let code = try Module(decoding: bytes).code[0].instructions
        #expect(code[1] == .load(.i32Load, MemoryArgument(alignment: 2, offset: 4, memoryIndex: 1)))
    }

    @Test func bulkAndSizeInstructionsTakeMemoryIndices() throws {
        let bytes = Self.module(memories: 3, [
            0x3F, 0x02, 0x1A,                    // memory.size 2; drop
            0x41, 0x00, 0x40, 0x01, 0x1A,        // memory.grow 1; drop
            0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0A, 0x02, 0x01,  // memory.copy 2 1
            0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0B, 0x81, 0x00,  // memory.fill 1 (long LEB)
            0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x08, 0x00, 0x02,  // memory.init 0 into memory 2
            0x0B,
        ])
        let code = try Module(decoding: bytes).code[0].instructions
        #expect(code.contains(.memorySize(memoryIndex: 2)))
        #expect(code.contains(.memoryGrow(memoryIndex: 1)))
        #expect(code.contains(.memoryCopy(destinationMemory: 2, sourceMemory: 1)))
        #expect(code.contains(.memoryFill(memoryIndex: 1)))
        #expect(code.contains(.memoryInit(dataIndex: 0, memoryIndex: 2)))
    }

    @Test func singleMemoryModulesKeepTheWasm2Encoding() {
        // With one memory, the reserved byte must be a literal zero and memarg flags stay below 32.
        #expect(Self.decodeError(Self.module(memories: 1, [0x3F, 0x01, 0x1A, 0x0B]))?.contains("zero byte expected") == true)
        #expect(Self.decodeError(Self.module(memories: 1, [0x3F, 0x80, 0x00, 0x1A, 0x0B]))?.contains("zero byte expected") == true)
        #expect(Self.decodeError(Self.module(memories: 1, [0x41, 0x00, 0x28, 0x42, 0x00, 0x00, 0x1A, 0x0B]))?
            .contains("malformed memop flags") == true)
        #expect(Self.decodeError(Self.module(memories: 2, [0x41, 0x00, 0x28, 0x80, 0x01, 0x00, 0x1A, 0x0B]))?
            .contains("malformed memop flags") == true)
    }

    // MARK: Text

    @Test func textNamesMemoriesOnEveryMemoryInstruction() throws {
        let bytes = try WAT.encodeModule("""
            (module
              (memory $a 1) (memory $b 2)
              (data $d "x")
              (data (memory $b) (i32.const 8) "yz")
              (func
                (drop (i32.load $b offset=4 (i32.const 0)))
                (i64.store 1 align=4 (i32.const 0) (i64.const 1))
                (drop (memory.size $b)) (drop (memory.grow $a (i32.const 0)))
                (memory.fill $b (i32.const 0) (i32.const 0) (i32.const 0))
                (memory.copy $a $b (i32.const 0) (i32.const 0) (i32.const 0))
                (memory.init $b $d (i32.const 0) (i32.const 0) (i32.const 0))))
            """)
        let module = try Module(decoding: bytes)
        let code = module.code[0].instructions
        #expect(code.contains(.load(.i32Load, MemoryArgument(alignment: 2, offset: 4, memoryIndex: 1))))
        #expect(code.contains(.store(.i64Store, MemoryArgument(alignment: 2, offset: 0, memoryIndex: 1))))
        #expect(code.contains(.memorySize(memoryIndex: 1)))
        #expect(code.contains(.memoryGrow(memoryIndex: 0)))
        #expect(code.contains(.memoryFill(memoryIndex: 1)))
        #expect(code.contains(.memoryCopy(destinationMemory: 0, sourceMemory: 1)))
        #expect(code.contains(.memoryInit(dataIndex: 0, memoryIndex: 1)))
        guard case .active(let memory, _) = module.data[1].mode else {
            Issue.record("expected an active segment")
            return
        }
        #expect(memory == 1)
    }

    // MARK: Validation

    @Test func memoryIndicesAreChecked() {
        let twoMemories: (inout Module) -> Void = { module in
            module.memories = [MemoryType(limits: Limits(min: 1)), MemoryType(limits: Limits(min: 1))]
        }
        expectValid(ValidationFixture.module([.i32Const(0), .load(.i32Load, MemoryArgument(alignment: 2, offset: 0, memoryIndex: 1)), .drop],
                                             configure: twoMemories))
        expectInvalid(ValidationFixture.module([.i32Const(0), .load(.i32Load, MemoryArgument(alignment: 2, offset: 0, memoryIndex: 2)), .drop],
                                               configure: twoMemories), "unknown memory 2")
        expectInvalid(ValidationFixture.module([.i32Const(0), .i32Const(0), .i32Const(0),
                                                .memoryCopy(destinationMemory: 1, sourceMemory: 5)],
                                               configure: twoMemories), "unknown memory 5")
        expectInvalid(ValidationFixture.module([.memorySize(memoryIndex: 2), .drop], configure: twoMemories), "unknown memory 2")
    }

    // MARK: Execution

    let store = Store(configuration: StoreConfiguration(maxMemoryPages: 8))

    func twoMemories() throws -> Instance {
        try store.instantiate(wat: """
            (module
              (memory $a (export "a") 1)
              (memory $b (export "b") 1 2)
              (data (memory $b) (i32.const 16) "\\01\\02\\03\\84")
              (data $p "hello")
              (func (export "load_a") (param i32) (result i32) (i32.load $a (local.get 0)))
              (func (export "load_b") (param i32) (result i32) (i32.load $b (local.get 0)))
              (func (export "load_b_s8") (param i32) (result i32) (i32.load8_s $b offset=3 (local.get 0)))
              (func (export "load_b_i64_u16") (param i32) (result i64) (i64.load16_u $b (local.get 0)))
              (func (export "load_b_f64") (param i32) (result f64) (f64.load $b (local.get 0)))
              (func (export "store_b") (param i32 i32) (i32.store $b offset=2 (local.get 0) (local.get 1)))
              (func (export "store_b_i64") (param i32 i64) (i64.store $b (local.get 0) (local.get 1)))
              (func (export "size_b") (result i32) (memory.size $b))
              (func (export "grow_b") (param i32) (result i32) (memory.grow $b (local.get 0)))
              (func (export "fill_b") (param i32 i32 i32) (memory.fill $b (local.get 0) (local.get 1) (local.get 2)))
              (func (export "copy_b_to_a") (param i32 i32 i32) (memory.copy $a $b (local.get 0) (local.get 1) (local.get 2)))
              (func (export "init_b") (param i32 i32 i32) (memory.init $b $p (local.get 0) (local.get 1) (local.get 2))))
            """)
    }

    @Test func memoriesAreSeparate() throws {
        let instance = try twoMemories()
        #expect(try store.call(instance, "load_b", [.i32(16)]) == [.i32(0x8403_0201)])
        #expect(try store.call(instance, "load_a", [.i32(16)]) == [.i32(0)])
        #expect(try store.call(instance, "load_b_s8", [.i32(16)]) == [.i32(0xFFFF_FF84)])
        #expect(try store.call(instance, "load_b_i64_u16", [.i32(17)]) == [.i64(0x0302)])
        try store.call(instance, "store_b", [.i32(98), .i32(0x1234_5678)])
        #expect(try store.call(instance, "load_b", [.i32(100)]) == [.i32(0x1234_5678)])
        #expect(try store.call(instance, "load_a", [.i32(100)]) == [.i32(0)])
        try store.call(instance, "store_b_i64", [.i32(200), .i64(Double(1.5).bitPattern)])
        #expect(try store.call(instance, "load_b_f64", [.i32(200)]) == [.f64(Double(1.5).bitPattern)])
    }

    @Test func accessesAreBoundedByTheirOwnMemory() throws {
        let instance = try twoMemories()
        #expect(trapReason { try store.call(instance, "load_b", [.i32(65533)]) } == .outOfBoundsMemoryAccess)
        #expect(trapReason { try store.call(instance, "store_b", [.i32(65532), .i32(1)]) } == .outOfBoundsMemoryAccess)
        #expect(try store.call(instance, "grow_b", [.i32(1)]) == [.i32(1)])
        #expect(try store.call(instance, "size_b") == [.i32(2)])
        #expect(try store.call(instance, "load_b", [.i32(65533)]) == [.i32(0)])
        #expect(trapReason { try store.call(instance, "load_a", [.i32(65533)]) } == .outOfBoundsMemoryAccess)
        #expect(try store.call(instance, "grow_b", [.i32(1)]) == [.i32(UInt32.max)])
    }

    @Test func bulkOperationsReachTheNamedMemories() throws {
        let instance = try twoMemories()
        try store.call(instance, "fill_b", [.i32(0), .i32(0xAB), .i32(4)])
        #expect(try store.call(instance, "load_b", [.i32(0)]) == [.i32(0xABAB_ABAB)])
        #expect(try store.call(instance, "load_a", [.i32(0)]) == [.i32(0)])
        try store.call(instance, "copy_b_to_a", [.i32(40), .i32(16), .i32(4)])
        #expect(try store.call(instance, "load_a", [.i32(40)]) == [.i32(0x8403_0201)])
        #expect(trapReason { try store.call(instance, "copy_b_to_a", [.i32(0), .i32(65535), .i32(2)]) } == .outOfBoundsMemoryAccess)
        try store.call(instance, "init_b", [.i32(300), .i32(1), .i32(4)])
        #expect(try store.call(instance, "load_b", [.i32(300)]) == [.i32(0x6F6C_6C65)])  // "ello"
        #expect(try store.call(instance, "load_a", [.i32(300)]) == [.i32(0)])
    }

    @Test func importedMemoriesLinkAtTheirIndices() throws {
        let provider = try twoMemories()
        var imports = Imports()
        imports.define(module: "p", instance: provider)
        let user = try store.instantiate(wat: """
            (module
              (import "p" "a" (memory $x 1))
              (import "p" "b" (memory $y 1))
              (memory $z 1)
              (func (export "read_y") (param i32) (result i32) (i32.load $y (local.get 0)))
              (func (export "write_z_read") (param i32) (result i32)
                (i32.store $z (i32.const 0) (local.get 0)) (i32.load $z (i32.const 0))))
            """, imports: imports)
        #expect(try store.call(user, "read_y", [.i32(16)]) == [.i32(0x8403_0201)])
        #expect(try store.call(user, "write_z_read", [.i32(7)]) == [.i32(7)])
    }

    @Test func growingAMemoryImportedTwiceUpdatesBothIndices() throws {
        let provider = try store.instantiate(wat: #"(module (memory (export "m") 1 4))"#)
        var imports = Imports()
        imports.define(module: "p", instance: provider)
        let user = try store.instantiate(wat: """
            (module
              (import "p" "m" (memory $first 1))
              (import "p" "m" (memory $second 1))
              (func (export "grow_then_read") (result i32)
                (drop (memory.grow $second (i32.const 1)))
                (i32.store $first (i32.const 70000) (i32.const 5))
                (i32.load $second (i32.const 70000))))
            """, imports: imports)
        #expect(try store.call(user, "grow_then_read") == [.i32(5)])
    }
}
