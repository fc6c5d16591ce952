import Testing
import WasmEngine
@testable import ComponentModel

@Suite struct CanonicalABIMemoryTests {
    @Test func integersAreLittleEndian() throws {
        let memory = ByteArrayMemory(size: 16)
        try memory.storeInteger(0x0102_0304, at: 4, byteCount: 4)
        #expect(try memory.read(at: 4, count: 4) == [0x04, 0x03, 0x02, 0x01])
        #expect(try memory.loadInteger(at: 4, byteCount: 2) == 0x0304)
        #expect(throws: CanonicalABIError.self) { try memory.read(at: 15, count: 2) }
    }

    @Test func engineMemoriesReadAndWriteIntegersInPlaceLittleEndian() throws {
        let store = Store()
        let memory = store.memory(try store.allocateMemory(type: MemoryType(limits: Limits(min: 1, max: 1))))
        let value: UInt64 = 0x0102_0304_0506_0708
        for width in [1, 2, 4, 8] {
            let offset = 101 + width  // deliberately unaligned
            try memory.storeInteger(value, at: offset, byteCount: width)
            #expect(try memory.read(at: offset, count: width) == Array([0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01].prefix(width)),
                    "width \(width)")
            let low = width == 8 ? value : value & ((1 << UInt64(8 * width)) - 1)
            #expect(try memory.loadInteger(at: offset, byteCount: width) == low, "width \(width)")
            #expect(throws: Trap.self) { try memory.loadInteger(at: 65536 - width + 1, byteCount: width) }
            #expect(throws: Trap.self) { try memory.storeInteger(1, at: -1, byteCount: width) }
        }
    }

    @Test func engineMemoriesServeAsCanonicalMemories() throws {
        let store = Store()
        let memory = store.memory(try store.allocateMemory(type: MemoryType(limits: Limits(min: 1, max: 2))))
        var next = 8
        let options = CanonicalOptions(stringEncoding: .utf16, memory: memory, realloc: { old, oldSize, alignment, size in
            let pointer = (next + Int(alignment) - 1) / Int(alignment) * Int(alignment)
            next = pointer + Int(size)
            if old != 0 { try memory.write(try memory.read(at: Int(old), count: Int(min(oldSize, size))), at: pointer) }
            return UInt32(pointer)
        })
        let cx = LiftLowerContext(options: options, instance: CanonicalInstance())
        let type = ABIType.record([ABIField("name", .string), ABIField("scores", .list(.f64))])
        let value = ComponentValue.record([ComponentField("name", .string("Zoë 🎭")),
                                           ComponentField("scores", .list([.f64(1.5), .f64(-0.25)]))])
        try cx.store(value, as: type, at: 1024)
        #expect(try cx.load(type, at: 1024) == value)

        #expect(abiError { try cx.load(.u32, at: 65536) } == .outOfBounds(what: "u32", offset: 65536, length: 4, memorySize: 65536))
        memory.grow(by: 1)
        try cx.store(.u32(7), as: .u32, at: 65536)  // the view sees the grown memory
        #expect(try cx.load(.u32, at: 65536) == .u32(7))
    }
}
