import Testing
import WasmEngine
@testable import ComponentModel

@Suite struct CanonicalABITrapTests {
    func liftString(_ guest: ABITestGuest, _ encoding: StringEncoding, pointer: UInt32, units: UInt32) -> CanonicalABIError? {
        var reader = FlatValueReader([.i32(pointer), .i32(units)])
        return abiError { try guest.context(encoding).liftFlat(.string, from: &reader) }
    }

    @Test func invalidUTF8TrapsWithTheOffsetOfTheBadSequence() {
        let cases: [([UInt8], Int)] = [
            ([0x61, 0xFF], 1),                    // never valid
            ([0xC0, 0x80], 0),                    // overlong NUL
            ([0x61, 0xED, 0xA0, 0x80], 1),        // encoded surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),        // above U+10FFFF
        ]
        for (bytes, offset) in cases {
            let guest = ABITestGuest()
            guest.write(bytes, at: 200)
            #expect(liftString(guest, .utf8, pointer: 200, units: UInt32(bytes.count))
                    == .invalidString(encoding: .utf8, offset: offset), "\(bytes)")
        }
        let guest = ABITestGuest()
        guest.write([0x61, 0x62, 0xE2, 0x82], at: 200)  // a three-byte sequence cut short
        #expect(liftString(guest, .utf8, pointer: 200, units: 4) == .truncatedString(encoding: .utf8, offset: 2))
    }

    @Test func unpairedSurrogatesInUTF16Trap() {
        let guest = ABITestGuest()
        guest.write([0x61, 0x00, 0x00, 0xD8, 0x62, 0x00], at: 200)  // 'a', lone high surrogate, 'b'
        #expect(liftString(guest, .utf16, pointer: 200, units: 3) == .invalidString(encoding: .utf16, offset: 2))
        guest.write([0x00, 0xDC], at: 300)  // lone low surrogate, tagged UTF-16 in latin1+utf16
        #expect(liftString(guest, .latin1OrUTF16, pointer: 300, units: (1 << 31) | 1)
                == .invalidString(encoding: .utf16, offset: 0))
    }

    @Test func stringsOutsideMemoryTrap() {
        let guest = ABITestGuest(size: 1024)
        #expect(liftString(guest, .utf8, pointer: 1020, units: 5)
                == .outOfBounds(what: "string", offset: 1020, length: 5, memorySize: 1024))
        #expect(liftString(guest, .utf16, pointer: 1000, units: 13)
                == .outOfBounds(what: "string", offset: 1000, length: 26, memorySize: 1024))
        #expect(liftString(guest, .utf8, pointer: 1024, units: 0) == nil)
    }

    @Test func utf16StringsMustBeTwoByteAligned() {
        let guest = ABITestGuest()
        #expect(liftString(guest, .utf16, pointer: 201, units: 1) == .misalignedPointer(what: "string", pointer: 201, alignment: 2))
        #expect(liftString(guest, .latin1OrUTF16, pointer: 201, units: 1)
                == .misalignedPointer(what: "string", pointer: 201, alignment: 2))
        #expect(liftString(guest, .utf8, pointer: 201, units: 1) == nil)
    }

    @Test func overlongStringsTrapBeforeTouchingMemory() {
        let guest = ABITestGuest()
        #expect(liftString(guest, .utf8, pointer: 0, units: 1 << 28) == .stringTooLong(byteLength: 1 << 28))
        #expect(liftString(guest, .utf16, pointer: 0, units: 1 << 27) == .stringTooLong(byteLength: 1 << 28))
    }

    @Test func listsOutsideMemoryMisalignedOrTooLongTrap() {
        let guest = ABITestGuest(size: 1024)
        func lift(_ element: ABIType, _ pointer: UInt32, _ length: UInt32) -> CanonicalABIError? {
            var reader = FlatValueReader([.i32(pointer), .i32(length)])
            return abiError { try guest.context().liftFlat(.list(element), from: &reader) }
        }
        #expect(lift(.u32, 1016, 3) == .outOfBounds(what: "list<u32>", offset: 1016, length: 12, memorySize: 1024))
        #expect(lift(.u32, 2, 1) == .misalignedPointer(what: "list<u32>", pointer: 2, alignment: 4))
        #expect(lift(.u64, 4, 1) == .misalignedPointer(what: "list<u64>", pointer: 4, alignment: 8))
        #expect(lift(.u64, 0, 1 << 25) == .listTooLong(byteLength: 1 << 28))
        #expect(lift(.u8, 3, 0) == nil)
    }

    @Test func misalignedOrOutOfBoundsLoadsAndStoresTrap() {
        let guest = ABITestGuest(size: 1024)
        let cx = guest.context()
        #expect(abiError { try cx.load(.u32, at: 6) } == .misalignedPointer(what: "u32", pointer: 6, alignment: 4))
        #expect(abiError { try cx.load(.u64, at: 1020) } == .misalignedPointer(what: "u64", pointer: 1020, alignment: 8))
        #expect(abiError { try cx.load(.u32, at: 1024) } == .outOfBounds(what: "u32", offset: 1024, length: 4, memorySize: 1024))
        #expect(abiError { try cx.store(.u16(1), as: .u16, at: 3) } == .misalignedPointer(what: "u16", pointer: 3, alignment: 2))
        // A string is a (pointer, length) pair in memory: its own slot must be in bounds too.
        #expect(abiError { try cx.load(.string, at: 1020) } == .outOfBounds(what: "string", offset: 1020, length: 8, memorySize: 1024))
    }

    @Test func invalidCharsTrap() {
        let guest = ABITestGuest()
        for bad: UInt32 in [0xD800, 0xDFFF, 0x11_0000, 0xFFFF_FFFF] {
            var reader = FlatValueReader([.i32(bad)])
            #expect(abiError { try guest.context().liftFlat(.char, from: &reader) } == .invalidChar(bad))
            guest.writeU32(bad, at: 64)
            #expect(abiError { try guest.context().load(.char, at: 64) } == .invalidChar(bad))
        }
    }

    @Test func invalidDiscriminantsTrap() {
        let guest = ABITestGuest()
        let option = ABIType.option(.u32)
        var reader = FlatValueReader([.i32(2), .i32(0)])
        #expect(abiError { try guest.context().liftFlat(option, from: &reader) }
                == .invalidDiscriminant(2, caseCount: 2, type: "option<u32>"))
        guest.write([3], at: 64)
        #expect(abiError { try guest.context().load(.enum(["a", "b", "c"]), at: 64) }
                == .invalidDiscriminant(3, caseCount: 3, type: "enum { a, b, c }"))
        guest.write([2], at: 64)
        #expect(abiError { try guest.context().load(.result(ok: nil, error: nil), at: 64) }
                == .invalidDiscriminant(2, caseCount: 2, type: "result<_, _>"))
    }

    @Test func flagBitsBeyondTheLabelsAreIgnored() throws {
        var reader = FlatValueReader([.i32(0b1101)])
        #expect(try ABITestGuest().context().liftFlat(.flags(["a", "b"]), from: &reader) == .flags(["a"]))
    }

    @Test func reallocResultsAreChecked() {
        let guest = ABITestGuest(size: 1024)
        var options = guest.options()
        options.realloc = { _, _, _, _ in 2 }
        let misaligned = LiftLowerContext(options: options, instance: guest.instance)
        #expect(abiError { try misaligned.lowerFlat(.list([.u32(1)]), as: .list(.u32)) } == .reallocMisaligned(pointer: 2, alignment: 4))
        options.realloc = { _, _, _, _ in 1020 }
        let outside = LiftLowerContext(options: options, instance: guest.instance)
        #expect(abiError { try outside.lowerFlat(.string("hello"), as: .string) }
                == .reallocOutOfBounds(pointer: 1020, size: 5, memorySize: 1024))
    }

    @Test func loweringWithoutMemoryOrReallocFails() {
        let instance = CanonicalInstance()
        let noMemory = LiftLowerContext(options: CanonicalOptions(), instance: instance)
        #expect(abiError { try noMemory.lowerFlat(.string("x"), as: .string) } == .missingMemory)
        let noRealloc = LiftLowerContext(options: CanonicalOptions(memory: ByteArrayMemory(size: 64)), instance: instance)
        #expect(abiError { try noRealloc.lowerFlat(.list([]), as: .list(.u8)) } == .missingRealloc)
        #expect(try! noRealloc.lowerFlat(.u32(5), as: .u32) == [.i32(5)])
    }

    @Test func valuesThatDoNotMatchTheirTypeAreRejected() {
        let cx = ABITestGuest().context()
        #expect(abiError { try cx.lowerFlat(.u8(1), as: .u32) } == .typeMismatch(expected: "u32", value: "1"))
        #expect(abiError { try cx.lowerFlat(.enum("purple"), as: .enum(["red"])) } != nil)
        #expect(abiError { try cx.lowerFlat(.flags(["zzz"]), as: .flags(["a"])) } != nil)
        #expect(abiError { try cx.lowerFlat(.option(nil), as: .result(ok: nil, error: nil)) } != nil)
        #expect(abiError { try cx.lowerFlat(.variant(caseName: "a", payload: nil), as: .variant([ABICase("a", .u8)])) } != nil)
        #expect(abiError { try cx.lowerFlat(.record([ComponentField("x", .u8(1))]),
                                            as: .record([ABIField("y", .u8)])) } != nil)
        #expect(abiError { try cx.lowerFlat(.tuple([.u8(1)]), as: .tuple([.u8, .u8])) } != nil)
    }

    @Test func coreValuesOfTheWrongTypeAreRejected() {
        var reader = FlatValueReader([.i64(1)])
        #expect(abiError { try ABITestGuest().context().liftFlat(.u32, from: &reader) }
                == .coreSignatureMismatch(expected: [.i32], actual: [.i64]))
        var empty = FlatValueReader([])
        #expect(abiError { try ABITestGuest().context().liftFlat(.u32, from: &empty) }
                == .coreSignatureMismatch(expected: [.i32], actual: []))
    }

    @Test func errorMessagesNameTheProblem() {
        #expect(CanonicalABIError.invalidChar(0xD800).description.contains("0xd800"))
        #expect(CanonicalABIError.borrowsOutlivedCall(count: 2).description.contains("drop borrows"))
        #expect(CanonicalABIError.misalignedPointer(what: "list<u32>", pointer: 2, alignment: 4).description
                == "unaligned pointer: list<u32> pointer 2 is not aligned to 4 bytes")
    }
}
