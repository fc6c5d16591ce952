import Testing
@testable import WasmEngine

/// `StoreConfiguration.maxTotalMemoryPages` bounds the pages of all memories of a store
/// together: at instantiation (a link error naming the memory), at `memory.grow` (which
/// returns -1) and at host-side growth and allocation.
@Suite struct TotalMemoryLimitTests {
    static let twoMemories = """
        (module
          (memory $a (export "a") 3)
          (memory $b (export "b") 3)
          (func (export "growA") (param i32) (result i32) (memory.grow $a (local.get 0)))
          (func (export "growB") (param i32) (result i32) (memory.grow $b (local.get 0)))
          (func (export "sizeB") (result i32) (memory.size $b)))
        """

    @Test func instantiationPastTheTotalNamesTheMemoryItsSizeAndTheLimit() throws {
        let store = Store(configuration: StoreConfiguration(maxTotalMemoryPages: 10))
        let error = #expect(throws: LinkError.self) {
            try store.instantiate(wat: "(module (memory 4) (memory 7))")
        }
        let message = try #require(error).message
        #expect(message.contains("memory 1"), "\(message)")
        #expect(message.contains("7 pages") && message.contains("limit of 10 pages"), "\(message)")
        // Nothing of the failed module stays charged: a module that fits still instantiates.
        #expect(store.totalMemoryPages == 0)
        _ = try store.instantiate(wat: "(module (memory 4) (memory 6))")
        #expect(store.totalMemoryPages == 10)
    }

    @Test func instantiationCountsMemoriesOfEarlierInstances() throws {
        let store = Store(configuration: StoreConfiguration(maxTotalMemoryPages: 10))
        _ = try store.instantiate(wat: "(module (memory 6))")
        let error = #expect(throws: LinkError.self) { try store.instantiate(wat: "(module (memory 5))") }
        #expect(try #require(error).message.contains("memory 0 of 5 pages"))
        _ = try store.instantiate(wat: "(module (memory 4))")
        #expect(store.totalMemoryPages == 10)
    }

    @Test func memoryGrowFailsOnceTheMemoriesTogetherReachTheLimit() throws {
        let store = Store(configuration: StoreConfiguration(maxTotalMemoryPages: 10))
        let instance = try store.instantiate(wat: Self.twoMemories)
        #expect(try store.call(instance, "growA", [.i32(5)]) == [.i32(UInt32.max)])
        #expect(try store.call(instance, "growA", [.i32(4)]) == [.i32(3)])
        #expect(try store.call(instance, "growB", [.i32(0)]) == [.i32(3)])
        #expect(try store.call(instance, "growB", [.i32(1)]) == [.i32(UInt32.max)])
        #expect(try store.call(instance, "sizeB") == [.i32(3)])
        #expect(try store.call(instance, "growA", [.i32(1)]) == [.i32(UInt32.max)])
        #expect(store.totalMemoryPages == 10)
    }

    @Test func hostGrowthAndAllocationRespectTheTotal() throws {
        let store = Store(configuration: StoreConfiguration(maxTotalMemoryPages: 10))
        let instance = try store.instantiate(wat: Self.twoMemories)
        let a = store.memory(try #require(instance.exportedMemory("a")))
        let b = store.memory(try #require(instance.exportedMemory("b")))
        #expect(a.grow(by: 2) == 3)
        #expect(b.grow(by: 3) == nil)
        #expect(b.grow(by: 2) == 3)
        #expect(a.grow(by: 1) == nil)
        #expect(a.pageCount + b.pageCount == 10)
        let error = #expect(throws: LinkError.self) {
            try store.allocateMemory(type: MemoryType(limits: Limits(min: 1)))
        }
        #expect(try #require(error).message.contains("limit of 10 pages"))
        _ = try store.allocateMemory(type: MemoryType(limits: Limits(min: 0)))
    }

    @Test func theTotalAlsoCapsEachMemorysReservation() throws {
        let store = Store(configuration: StoreConfiguration(maxTotalMemoryPages: 16))
        let instance = try store.instantiate(wat: "(module (memory (export \"m\") 1))")
        let (_, reserved) = ResidentMemory.reservation(of: try #require(instance.exportedMemory("m")), in: store)
        #expect(reserved == 16 * 65536)
    }

    @Test func withoutATotalLimitOnlyEachMemorysMaximumApplies() throws {
        let store = Store(configuration: StoreConfiguration(maxMemoryPages: 10))
        let instance = try store.instantiate(wat: Self.twoMemories)
        #expect(try store.call(instance, "growA", [.i32(7)]) == [.i32(3)])
        #expect(try store.call(instance, "growB", [.i32(7)]) == [.i32(3)])
        #expect(try store.call(instance, "growB", [.i32(1)]) == [.i32(UInt32.max)])
        #expect(store.totalMemoryPages == 20)
    }
}
