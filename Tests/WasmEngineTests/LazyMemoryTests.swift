import Foundation
import Testing
@testable import WasmEngine

/// Memories are backed by reserved address space: growth commits pages without touching
/// them, fresh pages read as zero, only touched pages become resident, and a store's
/// deinit returns all of it.
@Suite struct LazyMemoryTests {
    static let module = """
        (module
          (memory (export "mem") 1)
          (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
          (func (export "size") (result i32) (memory.size))
          (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
          (func (export "load64") (param i32) (result i64) (i64.load (local.get 0)))
          (func (export "store8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
          (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2))))
        """

    static let sixtyThousandPages = 60_000
    static let grownBytes = (sixtyThousandPages + 1) * 65536

    @Test func growingBySixtyThousandPagesWithTenFuelTouchesNothing() throws {
        let store = Store(configuration: StoreConfiguration(fuel: 10))
        let instance = try store.instantiate(wat: Self.module)
        let address = try #require(instance.exportedMemory("mem"))
        let residentBefore = ResidentMemory.processResidentBytes()
        #expect(try store.call(instance, "grow", [.i32(UInt32(Self.sixtyThousandPages))]) == [.i32(1)])
        #expect(store.memory(address).pageCount == UInt64(Self.sixtyThousandPages + 1))
        // Growth is metered like any instruction: the call cost 3 units (local.get,
        // memory.grow, end).
        #expect(store.remainingFuel == 7)

        let (base, reserved) = ResidentMemory.reservation(of: address, in: store)
        #expect(reserved >= Self.grownBytes)
        let resident = try #require(ResidentMemory.residentBytes(base, reserved))
        #expect(resident <= 65536, "a fresh 3.9 GB memory has \(resident) resident bytes")
        // A loose cross-check (other tests run in the same process at the same time).
        let residentGrowth = ResidentMemory.processResidentBytes() - residentBefore
        #expect(residentGrowth < 1 << 30, "the process grew by \(residentGrowth) bytes")
    }

    @Test func grownPagesReadAsZeroAndTheLastByteIsWritable() throws {
        let store = Store()
        let instance = try store.instantiate(wat: Self.module)
        try store.call(instance, "store8", [.i32(65535), .i32(0x5A)])
        #expect(try store.call(instance, "grow", [.i32(UInt32(Self.sixtyThousandPages))]) == [.i32(1)])
        let last = UInt32(Self.grownBytes - 1)
        for offset: UInt32 in [65536, 65536 * 2 + 17, 1 << 31, last - 7] {
            #expect(try store.call(instance, "load64", [.i32(offset)]) == [.i64(0)], "offset \(offset)")
        }
        #expect(try store.call(instance, "load8", [.i32(65535)]) == [.i32(0x5A)])
        try store.call(instance, "store8", [.i32(last), .i32(0xC3)])
        #expect(try store.call(instance, "load8", [.i32(last)]) == [.i32(0xC3)])
        #expect(trapReason { try store.call(instance, "store8", [.i32(last + 1), .i32(1)]) } == .outOfBoundsMemoryAccess)
        let memory = store.memory(try #require(instance.exportedMemory("mem")))
        #expect(try memory.read(at: Int(last) - 1, count: 2) == [0, 0xC3])
        try memory.write([7], at: Int(last) - 1)
        #expect(try store.call(instance, "load8", [.i32(last - 1)]) == [.i32(7)])
    }

    @Test func onlyTouchedPagesBecomeResident() throws {
        let store = Store()
        let instance = try store.instantiate(wat: Self.module)
        let address = try #require(instance.exportedMemory("mem"))
        #expect(try store.call(instance, "grow", [.i32(1023)]) == [.i32(1)])
        // Touch 16 MiB in the middle of the 64 MiB memory.
        try store.call(instance, "fill", [.i32(16 << 20), .i32(1), .i32(16 << 20)])
        let (base, reserved) = ResidentMemory.reservation(of: address, in: store)
        let resident = try #require(ResidentMemory.residentBytes(base, reserved))
        #expect(resident >= 16 << 20 && resident <= (16 << 20) + (1 << 20), "\(resident) resident bytes")
    }

    @Test func hostGrowthIsLazyToo() throws {
        let store = Store()
        let address = try store.allocateMemory(type: MemoryType(limits: Limits(min: 0, max: 40_000)))
        let memory = store.memory(address)
        #expect(memory.grow(by: 40_000) == 0)
        #expect(memory.grow(by: 1) == nil)
        let (base, reserved) = ResidentMemory.reservation(of: address, in: store)
        #expect(reserved == 40_000 * 65536)
        #expect(try #require(ResidentMemory.residentBytes(base, reserved)) == 0)
        #expect(try memory.loadUInt64(at: 40_000 * 65536 - 8) == 0)
    }

    @Test func memoryIsReturnedOnDeinit() throws {
        var reservation: (base: UnsafeMutableRawPointer, bytes: Int)?
        do {
            let store = Store()
            let instance = try store.instantiate(wat: Self.module)
            let address = try #require(instance.exportedMemory("mem"))
            #expect(try store.call(instance, "grow", [.i32(255)]) == [.i32(1)])
            try store.call(instance, "fill", [.i32(0), .i32(9), .i32(16 << 20)])
            let current = ResidentMemory.reservation(of: address, in: store)
            #expect(try #require(ResidentMemory.residentBytes(current.base, current.bytes)) >= 16 << 20)
            reservation = current
        }
        let released = try #require(reservation)
        // The store is gone: its reservation is no longer mapped at all.
        #expect(ResidentMemory.residentBytes(released.base, released.bytes) == nil)
    }

    @Test func zeroPageMemoriesGrowFromNothing() throws {
        let store = Store()
        let instance = try store.instantiate(wat: """
            (module (memory (export "mem") 0)
              (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
              (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0))))
            """)
        #expect(trapReason { try store.call(instance, "load8", [.i32(0)]) } == .outOfBoundsMemoryAccess)
        #expect(try store.call(instance, "grow", [.i32(0)]) == [.i32(0)])
        #expect(try store.call(instance, "grow", [.i32(2)]) == [.i32(0)])
        #expect(try store.call(instance, "load8", [.i32(2 * 65536 - 1)]) == [.i32(0)])
    }
}

/// When the OS refuses to reserve a memory's maximum, the memory reserves what it has and
/// moves to a larger reservation on growth, keeping its bytes.
@Suite struct MovingMemoryTests {
    @Test func growthPastASmallReservationMovesTheBytes() throws {
        let store = Store()
        let cell = try #require(MemoryState.allocate(pages: 1, maxPages: 100, declaredMax: nil,
                                                     budget: store.memoryBudget, reservingMaximum: false))
        defer { MemoryState.release(cell) }
        #expect(cell.pointee.reservedBytes == 65536)
        cell.pointee.base.storeBytes(of: 0xAB, toByteOffset: 65535, as: UInt8.self)
        let oldBase = cell.pointee.base
        #expect(cell.pointee.grow(by: 9) == 1)
        #expect(cell.pointee.base != oldBase)
        #expect(cell.pointee.reservedBytes == 100 * 65536)
        #expect(cell.pointee.byteCount == 10 * 65536)
        #expect(cell.pointee.base.load(fromByteOffset: 65535, as: UInt8.self) == 0xAB)
        #expect(cell.pointee.base.load(fromByteOffset: 10 * 65536 - 1, as: UInt8.self) == 0)
        #expect(store.totalMemoryPages == 10)
        // Within the new reservation, growth stays in place.
        let movedBase = cell.pointee.base
        #expect(cell.pointee.grow(by: 90) == 10)
        #expect(cell.pointee.base == movedBase)
        #expect(cell.pointee.grow(by: 1) == nil)
    }
}
