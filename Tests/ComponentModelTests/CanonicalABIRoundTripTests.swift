import Testing
import WasmEngine
@testable import ComponentModel

@Suite struct CanonicalABIRoundTripTests {
    static let scalarCases: [(ComponentValue, ABIType)] = [
        (.bool(true), .bool), (.bool(false), .bool),
        (.s8(-128), .s8), (.u8(255), .u8), (.s16(-32768), .s16), (.u16(65535), .u16),
        (.s32(Int32.min), .s32), (.u32(UInt32.max), .u32), (.s64(Int64.min), .s64), (.u64(UInt64.max), .u64),
        (.f32(-1.5), .f32), (.f32(.infinity), .f32), (.f64(3.141592653589793), .f64), (.f64(-0.0), .f64),
        (.char("A"), .char), (.char("\u{10FFFF}"), .char), (.char("🎭"), .char),
    ]

    @Test(arguments: 0..<scalarCases.count)
    func scalarsRoundTripThroughMemoryAndFlatValues(_ i: Int) throws {
        let (value, type) = Self.scalarCases[i]
        let guest = ABITestGuest()
        #expect(try guest.roundTripThroughMemory(value, type) == value)
        #expect(try guest.roundTripThroughFlat(value, type) == value)
    }

    @Test func signedIntegersAreSignExtendedToI32AndNarrowedOnLift() throws {
        let cx = ABITestGuest().context()
        #expect(try cx.lowerFlat(.s8(-1), as: .s8) == [.i32(0xFFFF_FFFF)])
        #expect(try cx.lowerFlat(.s16(-2), as: .s16) == [.i32(0xFFFF_FFFE)])
        var reader = FlatValueReader([.i32(0x1_80), .i32(0xABCD_0102)])
        #expect(try cx.liftFlat(.s8, from: &reader) == .s8(-128))
        #expect(try cx.liftFlat(.u16, from: &reader) == .u16(0x0102))
    }

    @Test func nonzeroBytesLiftAsTrue() throws {
        let guest = ABITestGuest()
        guest.write([0x7E], at: 100)
        #expect(try guest.context().load(.bool, at: 100) == .bool(true))
        var reader = FlatValueReader([.i32(0x100)])
        #expect(try guest.context().liftFlat(.bool, from: &reader) == .bool(true))
    }

    @Test func nansAreCanonicalizedOnLiftAndLower() throws {
        let guest = ABITestGuest()
        let cx = guest.context()
        var reader = FlatValueReader([.f32(0xFFC0_1234), .f64(0x7FF0_0000_0000_0001)])
        let f = try cx.liftFlat(.f32, from: &reader)
        let d = try cx.liftFlat(.f64, from: &reader)
        #expect(f == .f32(Float(bitPattern: 0x7FC0_0000)))
        #expect(d == .f64(Double(bitPattern: 0x7FF8_0000_0000_0000)))
        guest.writeU32(0x7F80_0001, at: 64)
        #expect(try cx.load(.f32, at: 64) == .f32(Float(bitPattern: 0x7FC0_0000)))
        #expect(try cx.lowerFlat(.f32(Float(bitPattern: 0x7FA0_0000)), as: .f32) == [.f32(0x7FC0_0000)])
    }

    static let strings = ["", "hello", "café ÿ", "Grüße, 世界", "🎭 theater 𝄞", "\u{0}\u{7F}\u{80}\u{FF}\u{100}"]

    @Test(arguments: strings)
    func stringsRoundTripInEveryEncoding(_ text: String) throws {
        for encoding in [StringEncoding.utf8, .utf16, .latin1OrUTF16] {
            let guest = ABITestGuest()
            #expect(try guest.roundTripThroughMemory(.string(text), .string, encoding: encoding) == .string(text))
            #expect(try guest.roundTripThroughFlat(.string(text), .string, encoding: encoding) == .string(text))
        }
    }

    @Test func utf16StringsAreStoredAsLittleEndianCodeUnitsWithSurrogatePairs() throws {
        let guest = ABITestGuest()
        let (pointer, units) = try guest.context(.utf16).storeString("a𝄞")
        #expect(units == 3)
        #expect(pointer % 2 == 0)
        #expect(try guest.memory.read(at: pointer, count: 6) == [0x61, 0x00, 0x34, 0xD8, 0x1E, 0xDD])
    }

    @Test func latin1PlusUTF16PicksLatin1WhenEveryScalarFits() throws {
        let guest = ABITestGuest()
        let (pointer, units) = try guest.context(.latin1OrUTF16).storeString("café")
        #expect(units == 4)
        #expect(try guest.memory.read(at: pointer, count: 4) == [0x63, 0x61, 0x66, 0xE9])
        // "café" is 5 UTF-8 bytes: allocate 5, then shrink to the 4 Latin-1 bytes.
        #expect(guest.reallocCalls.map(\.newSize) == [5, 4])
    }

    @Test func latin1PlusUTF16TagsTheLengthWhenUTF16IsNeeded() throws {
        let guest = ABITestGuest()
        let (pointer, tagged) = try guest.context(.latin1OrUTF16).storeString("é€")
        #expect(tagged == (1 << 31) | 2)
        #expect(try guest.memory.read(at: pointer, count: 4) == [0xE9, 0x00, 0xAC, 0x20])
        #expect(try guest.context(.latin1OrUTF16).loadString(at: pointer, taggedCodeUnits: tagged) == "é€")
    }

    @Test func utf16LoweringShrinksTheWorstCaseAllocation() throws {
        let guest = ABITestGuest()
        _ = try guest.context(.utf16).storeString("é€")  // 5 UTF-8 bytes, 2 UTF-16 units
        #expect(guest.reallocCalls.map(\.newSize) == [10, 4])
        #expect(guest.reallocCalls.map(\.alignment) == [2, 2])
    }

    @Test func listsOfEveryElementKindRoundTrip() throws {
        let guest = ABITestGuest()
        let cases: [(ComponentValue, ABIType)] = [
            (.list([]), .list(.u8)),
            (.list([.u8(1), .u8(2), .u8(3)]), .list(.u8)),
            (.list([.u64(1), .u64(.max)]), .list(.u64)),
            (.list([.string("a"), .string("ü"), .string("")]), .list(.string)),
            (.list([.list([.s16(-1)]), .list([])]), .list(.list(.s16))),
            (.list([.char("x"), .char("🎭")]), .list(.char)),
        ]
        for (value, type) in cases {
            #expect(try guest.roundTripThroughMemory(value, type) == value)
            #expect(try guest.roundTripThroughFlat(value, type) == value)
        }
    }

    @Test func variantsEnumsOptionsAndResultsRoundTrip() throws {
        let guest = ABITestGuest()
        let shape = ABIType.variant([ABICase("circle", .f32), ABICase("rect", .tuple([.f64, .f64])),
                                     ABICase("label", .string), ABICase("none")])
        let cases: [(ComponentValue, ABIType)] = [
            (.variant(caseName: "circle", payload: .f32(2.5)), shape),
            (.variant(caseName: "rect", payload: .tuple([.f64(1), .f64(-2)])), shape),
            (.variant(caseName: "label", payload: .string("¡hola!")), shape),
            (.variant(caseName: "none", payload: nil), shape),
            (.enum("green"), .enum(["red", "green", "blue"])),
            (.option(nil), .option(.u32)),
            (.option(.u32(7)), .option(.u32)),
            (.option(.option(nil)), .option(.option(.bool))),
            (.result(.ok(.u64(9))), .result(ok: .u64, error: .string)),
            (.result(.error(.string("bad"))), .result(ok: .u64, error: .string)),
            (.result(.ok(nil)), .result(ok: nil, error: nil)),
            (.result(.error(nil)), .result(ok: .f32, error: nil)),
            (.flags([]), .flags(["a", "b", "c"])),
            (.flags(["a", "c"]), .flags(["a", "b", "c"])),
            (.flags(["f0", "f31"]), .flags((0..<32).map { "f\($0)" })),
        ]
        for (value, type) in cases {
            #expect(try guest.roundTripThroughMemory(value, type) == value, "\(value) as \(type)")
            #expect(try guest.roundTripThroughFlat(value, type) == value, "\(value) as \(type)")
        }
    }

    @Test func variantPayloadsAreBitCastIntoJoinedSlots() throws {
        let type = ABIType.variant([ABICase("a", .f32), ABICase("b", .u64), ABICase("c", .f64)])
        let cx = ABITestGuest().context()
        #expect(try cx.lowerFlat(.variant(caseName: "a", payload: .f32(1.0)), as: type)
                == [.i32(0), .i64(UInt64(Float(1.0).bitPattern))])
        #expect(try cx.lowerFlat(.variant(caseName: "c", payload: .f64(-2.0)), as: type)
                == [.i32(2), .i64((-2.0 as Double).bitPattern)])
        let padded = ABIType.variant([ABICase("x"), ABICase("y", .tuple([.u32, .u32]))])
        #expect(try cx.lowerFlat(.variant(caseName: "x", payload: nil), as: padded) == [.i32(0), .i32(0), .i32(0)])
    }

    @Test func nestedRecordsOfListsOfVariantsRoundTrip() throws {
        let event = ABIType.variant([ABICase("message", .string), ABICase("tick", .u64),
                                     ABICase("data", .list(.u8)), ABICase("stop")])
        let actor = ABIType.record([
            ABIField("name", .string),
            ABIField("events", .list(event)),
            ABIField("stats", .tuple([.u8, .f64, .option(.s32)])),
            ABIField("children", .list(.record([ABIField("id", .u32), ABIField("tags", .list(.string))]))),
        ])
        let value = ComponentValue.record([
            ComponentField("name", .string("supervisor ☂")),
            ComponentField("events", .list([
                .variant(caseName: "message", payload: .string("héllo")),
                .variant(caseName: "tick", payload: .u64(1 << 40)),
                .variant(caseName: "data", payload: .list([.u8(0), .u8(255)])),
                .variant(caseName: "stop", payload: nil),
            ])),
            ComponentField("stats", .tuple([.u8(3), .f64(0.25), .option(.s32(-7))])),
            ComponentField("children", .list([
                .record([ComponentField("id", .u32(1)), ComponentField("tags", .list([.string("a"), .string("𝄞")]))]),
                .record([ComponentField("id", .u32(2)), ComponentField("tags", .list([]))]),
            ])),
        ])
        for encoding in [StringEncoding.utf8, .utf16, .latin1OrUTF16] {
            let guest = ABITestGuest()
            #expect(try guest.roundTripThroughMemory(value, actor, encoding: encoding) == value)
            #expect(try guest.roundTripThroughFlat(value, actor, encoding: encoding) == value)
        }
    }

    @Test func recordFieldsAreMatchedByLabelWhenLowering() throws {
        let type = ABIType.record([ABIField("x", .u8), ABIField("y", .u32)])
        let given = ComponentValue.record([ComponentField("y", .u32(2)), ComponentField("x", .u8(1))])
        let lifted = try ABITestGuest().roundTripThroughMemory(given, type)
        #expect(lifted == .record([ComponentField("x", .u8(1)), ComponentField("y", .u32(2))]))
    }

    @Test func handleValuesRoundTripThroughTheHandleTable() throws {
        let guest = ABITestGuest()
        let file = RuntimeResourceType(name: "file")
        #expect(try guest.roundTripThroughFlat(.own(42), .own(file)) == .own(42))
        #expect(try guest.roundTripThroughMemory(.own(43), .own(file)) == .own(43))
        #expect(guest.instance.handles.liveCount == 0)
        #expect(try guest.roundTripThroughFlat(.borrow(44), .borrow(file)) == .borrow(44))
    }
}
