import Testing
import WasmEngine
@testable import ComponentModel

/// `list<u8>` as one buffer: `.bytes` lifts and lowers with one copy, and equals (and
/// hashes like, and prints like) the `.list` of the same `.u8` values.
@Suite struct CanonicalABIBytesTests {
    static let sizes = [0, 1, 7, 4096, 1 << 20]

    /// Deterministic, non-constant bytes.
    private static func pattern(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }

    @Test(arguments: sizes)
    func byteListsRoundTripThroughFlatValuesAndMemoryAsBytes(_ count: Int) throws {
        let bytes = Self.pattern(count)
        let guest = ABITestGuest(size: 3 << 20)
        let flat = try guest.roundTripThroughFlat(.bytes(bytes), .list(.u8))
        let stored = try guest.roundTripThroughMemory(.bytes(bytes), .list(.u8))
        for lifted in [flat, stored] {
            guard case .bytes(let back) = lifted else {
                Issue.record("a list<u8> lifts as .bytes, got a \(lifted.kindName)")
                continue
            }
            #expect(back == bytes)
        }
    }

    @Test func loweringOneBufferAllocatesOnceAndCopiesTheBytesAsTheyAre() throws {
        let guest = ABITestGuest()
        let flat = try guest.context().lowerFlat(.bytes([9, 8, 7, 6, 5]), as: .list(.u8))
        #expect(guest.reallocCalls.count == 1)
        #expect(guest.reallocCalls.first?.alignment == 1 && guest.reallocCalls.first?.newSize == 5)
        guard flat.count == 2, case .i32(let pointer) = flat[0] else {
            Issue.record("a list lowers to pointer and length, got \(flat)")
            return
        }
        #expect(flat[1] == .i32(5))
        #expect(try guest.memory.read(at: Int(pointer), count: 5) == [9, 8, 7, 6, 5])
    }

    @Test func listsOfU8ValuesStillLowerAndComeBackAsBytes() throws {
        let guest = ABITestGuest()
        let lifted = try guest.roundTripThroughFlat(.list([.u8(1), .u8(2), .u8(255)]), .list(.u8))
        guard case .bytes(let bytes) = lifted else {
            Issue.record("expected .bytes, got \(lifted.kindName)")
            return
        }
        #expect(bytes == [1, 2, 255])
        #expect(lifted == .list([.u8(1), .u8(2), .u8(255)]))
    }

    @Test func bytesInsideOptionsRecordsAndListsRoundTrip() throws {
        let type = ABIType.record([ABIField("state", .option(.list(.u8))), ABIField("parts", .list(.list(.u8)))])
        let value = ComponentValue.record([
            ComponentField("state", .option(.bytes(Self.pattern(300)))),
            ComponentField("parts", .list([.bytes([]), .bytes([1]), .list([.u8(2), .u8(3)])])),
        ])
        let guest = ABITestGuest()
        #expect(try guest.roundTripThroughMemory(value, type) == value)
        #expect(try guest.roundTripThroughFlat(value, type) == value)
    }

    @Test func bytesAreOnlyAcceptedForListsOfU8() {
        let cx = ABITestGuest().context()
        #expect(abiError { try cx.lowerFlat(.bytes([1]), as: .list(.s8)) }
                == .typeMismatch(expected: "list<s8>", value: "[1]"))
        #expect(abiError { try cx.lowerFlat(.bytes([1]), as: .string) } == .typeMismatch(expected: "string", value: "[1]"))
        #expect(abiError { try cx.store(.bytes([1]), as: .list(.u32), at: 64) }
                == .typeMismatch(expected: "list<u32>", value: "[1]"))
    }

    @Test func byteListsOutsideMemoryOrTooLongStillTrap() throws {
        let guest = ABITestGuest(size: 1024)
        func lift(_ pointer: UInt32, _ length: UInt32) -> CanonicalABIError? {
            var reader = FlatValueReader([.i32(pointer), .i32(length)])
            return abiError { try guest.context().liftFlat(.list(.u8), from: &reader) }
        }
        #expect(lift(1000, 100) == .outOfBounds(what: "list<u8>", offset: 1000, length: 100, memorySize: 1024))
        #expect(lift(2000, 0) == .outOfBounds(what: "list<u8>", offset: 2000, length: 0, memorySize: 1024))
        #expect(lift(0, UInt32.max) == .listTooLong(byteLength: Int(UInt32.max)))
        // The same list stored in memory (pointer and length at 64) traps the same way.
        guest.writeU32(1000, at: 64)
        guest.writeU32(100, at: 68)
        #expect(abiError { try guest.context().load(.list(.u8), at: 64) }
                == .outOfBounds(what: "list<u8>", offset: 1000, length: 100, memorySize: 1024))
        // Lowering more bytes than the allocator can place is caught on realloc's result.
        #expect(abiError { try guest.context().lowerFlat(.bytes(Self.pattern(2000)), as: .list(.u8)) }
                == .reallocOutOfBounds(pointer: 16, size: 2000, memorySize: 1024))
    }

    // MARK: Equality, hashing, printing

    @Test func bothFormsOfAByteListAreEqualAndHashAlike() {
        let pairs: [(ComponentValue, ComponentValue)] = [
            (.bytes([]), .list([])),
            (.bytes([0, 1, 255]), .list([.u8(0), .u8(1), .u8(255)])),
            (.option(.bytes([4])), .option(.list([.u8(4)]))),
            (.tuple([.bytes([1, 2])]), .tuple([.list([.u8(1), .u8(2)])])),
        ]
        for (bytes, list) in pairs {
            #expect(bytes == list)
            #expect(list == bytes)
            #expect(bytes.hashValue == list.hashValue)
            #expect(Set([bytes, list]).count == 1)
        }
    }

    @Test func byteListsDifferFromOtherLists() {
        #expect(ComponentValue.bytes([1, 2]) != .list([.u8(1)]))
        #expect(ComponentValue.bytes([1, 2]) != .list([.u8(1), .u8(3)]))
        #expect(ComponentValue.bytes([1]) != .list([.u32(1)]))
        #expect(ComponentValue.bytes([1]) != .list([.s8(1)]))
        #expect(ComponentValue.bytes([1]) != .bytes([2]))
        #expect(ComponentValue.bytes([1]) != .string("\u{1}"))
    }

    @Test func byteListsPrintAsTheEquivalentListDoes() throws {
        let list = ComponentValue.list([.u8(0), .u8(17), .u8(255)])
        #expect(WAVE.format(.bytes([0, 17, 255])) == WAVE.format(list))
        #expect(WAVE.format(.bytes([])) == "[]")
        #expect(ComponentValue.bytes([0, 17, 255]).description == list.description)
        #expect(ComponentValue.bytes([1]).kindName == "list")
    }

    @Test func waveReadsAByteListAsBytes() throws {
        let parsed = try WAVE.parse("[1, 2 , 255,]", as: .list(.u8))
        guard case .bytes(let bytes) = parsed else {
            Issue.record("expected .bytes, got \(parsed.kindName)")
            return
        }
        #expect(bytes == [1, 2, 255])
        #expect(try WAVE.parse(WAVE.format(.bytes(Self.pattern(50))), as: .list(.u8)) == .bytes(Self.pattern(50)))
        #expect(throws: WaveError.self) { try WAVE.parse("[256]", as: .list(.u8)) }
        #expect(throws: WaveError.self) { try WAVE.parse("[-1]", as: .list(.u8)) }
    }

    @Test func asBytesReadsEitherFormAndNothingElse() {
        #expect(ComponentValue.bytes([3, 4]).asBytes == [3, 4])
        #expect(ComponentValue.list([.u8(3), .u8(4)]).asBytes == [3, 4])
        #expect(ComponentValue.list([]).asBytes == [])
        #expect(ComponentValue.list([.u8(3), .u32(4)]).asBytes == nil)
        #expect(ComponentValue.string("x").asBytes == nil)
        #expect(ComponentValue.bytes([5]).listElements == [.u8(5)])
    }
}
