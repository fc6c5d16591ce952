import Testing
@testable import WasmEngine

/// Loads, stores, growth and bulk memory operations, with their bounds checks.
@Suite struct InterpreterMemoryTests {
    let store = Store(configuration: StoreConfiguration(maxMemoryPages: 4))

    func memoryModule() throws -> Instance {
        try store.instantiate(wat: """
            (module
              (memory (export "mem") 1 3)
              (data (i32.const 8) "\\01\\02\\03\\04\\05\\06\\07\\08")
              (data $passive "hello")
              (func (export "load8_s") (param i32) (result i32) (i32.load8_s (local.get 0)))
              (func (export "load64") (param i32) (result i64) (i64.load offset=4 (local.get 0)))
              (func (export "store32") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
              (func (export "load_far") (param i32) (result i32) (i32.load offset=4294967295 (local.get 0)))
              (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
              (func (export "size") (result i32) (memory.size))
              (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
              (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2)))
              (func (export "init") (param i32 i32 i32) (memory.init $passive (local.get 0) (local.get 1) (local.get 2)))
              (func (export "drop") (data.drop $passive)))
            """)
    }

    @Test func loadsAreLittleEndianAndSignExtend() throws {
        let instance = try memoryModule()
        #expect(try store.call(instance, "load64", [.i32(4)]) == [.i64(0x0807_0605_0403_0201)])
        try store.call(instance, "store32", [.i32(100), .i32(0xFF)])
        #expect(try store.call(instance, "load8_s", [.i32(100)]) == [.i32(0xFFFF_FFFF)])
    }

    @Test func accessesPastTheEndTrapWithoutWrapping() throws {
        let instance = try memoryModule()
        #expect(trapReason { try store.call(instance, "store32", [.i32(65533), .i32(1)]) } == .outOfBoundsMemoryAccess)
        #expect(trapReason { try store.call(instance, "load_far", [.i32(1)]) } == .outOfBoundsMemoryAccess)
        #expect(trapReason { try store.call(instance, "load64", [.i32(0xFFFF_FFFC)]) } == .outOfBoundsMemoryAccess)
    }

    @Test func growRespectsTheMaximumAndZeroesNewPages() throws {
        let instance = try memoryModule()
        #expect(try store.call(instance, "grow", [.i32(1)]) == [.i32(1)])
        #expect(try store.call(instance, "size") == [.i32(2)])
        #expect(try store.call(instance, "load8_s", [.i32(65536 + 10)]) == [.i32(0)])
        #expect(try store.call(instance, "grow", [.i32(2)]) == [.i32(UInt32.max)])
        #expect(try store.call(instance, "grow", [.i32(1)]) == [.i32(2)])
        #expect(try store.call(instance, "size") == [.i32(3)])
    }

    @Test func storeLimitCapsGrowth() throws {
        let small = Store(configuration: StoreConfiguration(maxMemoryPages: 2))
        let instance = try small.instantiate(wat: """
            (module (memory 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
            """)
        #expect(try small.call(instance, "grow", [.i32(2)]) == [.i32(UInt32.max)])
        #expect(try small.call(instance, "grow", [.i32(1)]) == [.i32(1)])
    }

    @Test func bulkOperationsCheckBoundsBeforeWriting() throws {
        let instance = try memoryModule()
        let memory = store.memory(instance.exportedMemory("mem")!)
        try store.call(instance, "fill", [.i32(200), .i32(0xAB), .i32(4)])
        #expect(try memory.read(at: 200, count: 5) == [0xAB, 0xAB, 0xAB, 0xAB, 0])
        // Overlapping copy moves the bytes as if through a temporary buffer.
        try store.call(instance, "copy", [.i32(10), .i32(8), .i32(8)])
        #expect(try memory.read(at: 8, count: 10) == [1, 2, 1, 2, 3, 4, 5, 6, 7, 8])
        #expect(trapReason { try store.call(instance, "fill", [.i32(65530), .i32(1), .i32(7)]) } == .outOfBoundsMemoryAccess)
        #expect(try memory.read(at: 65530, count: 6) == [0, 0, 0, 0, 0, 0])
        try store.call(instance, "init", [.i32(300), .i32(1), .i32(4)])
        #expect(try memory.read(at: 300, count: 4) == Array("ello".utf8))
        #expect(trapReason { try store.call(instance, "init", [.i32(300), .i32(2), .i32(4)]) } == .outOfBoundsMemoryAccess)
        try store.call(instance, "drop")
        #expect(trapReason { try store.call(instance, "init", [.i32(0), .i32(0), .i32(1)]) } == .outOfBoundsMemoryAccess)
        try store.call(instance, "init", [.i32(0), .i32(0), .i32(0)])
    }
}
