import Testing
import WasmEngine
@testable import ComponentModel

/// The precomputed layout tree that lifting and lowering walk instead of the `ABIType`.
@Suite struct ABILayoutTests {
    @Test func recordFieldsCarryTheirAlignedOffsets() throws {
        let layout = ABILayout(.record([ABIField("a", .u8), ABIField("b", .u64), ABIField("c", .u16), ABIField("d", .string)]))
        #expect(layout.kind == .record)
        #expect(layout.fields.map(\.label) == ["a", "b", "c", "d"])
        #expect(layout.fields.map(\.offset) == [0, 8, 16, 20])
        #expect(layout.size == 32 && layout.alignment == 8)
        #expect(layout.flatTypes == [.i32, .i64, .i32, .i32, .i32])
    }

    @Test func variantsKnowTheirPayloadOffsetAndWhichCasesNeedBitCasts() throws {
        let layout = ABILayout(.variant([ABICase("a", .f32), ABICase("b", .u64), ABICase("c"), ABICase("d", .u32)]))
        let variant = try #require(layout.variant)
        #expect(variant.discriminantSize == 1 && variant.payloadOffset == 8)
        #expect(layout.size == 16 && layout.alignment == 8)
        #expect(variant.joinedFlatTypes == [.i64])
        // Only `b` flattens to the joined slot as it is; `a` and `d` are bit-cast into it.
        #expect(variant.cases.map(\.flatMatchesJoined) == [false, true, true, false])
        #expect(variant.style == .variant)
    }

    @Test func despecializedTypesKeepTheirStyleAndCaseLabels() throws {
        let types: [(ABIType, VariantLayout.Style, [String])] = [
            (.option(.string), .option, ["none", "some"]),
            (.result(ok: .u8, error: nil), .result, ["ok", "error"]),
            (.enum(["x", "y", "z"]), .enum, ["x", "y", "z"]),
        ]
        for (type, style, labels) in types {
            let layout = ABILayout(type)
            #expect(layout.kind == .variant, "\(type)")
            let variant = try #require(layout.variant)
            #expect(variant.style == style, "\(type)")
            #expect(variant.cases.map(\.label) == labels, "\(type)")
        }
        let tuple = ABILayout(.tuple([.u8, .u32]))
        #expect(tuple.kind == .tuple && tuple.fields.map(\.offset) == [0, 4])
    }

    @Test func theActorHandlerSignatureSpillsItsResultToMemory() {
        let state = ABIType.option(.list(.u8))
        let type = ABIFunctionType(parameters: [state, .tuple([.list(.u8)])],
                                   results: [.result(ok: .tuple([state]), error: .string)])
        let layout = ABIFunctionLayout(type)
        #expect(layout.liftSignature == CoreSignature(parameters: [.i32, .i32, .i32, .i32, .i32], results: [.i32]))
        #expect(layout.lowerSignature == CoreSignature(parameters: Array(repeating: .i32, count: 6), results: []))
        #expect(layout.results.tuple.size == 16 && layout.results.tuple.alignment == 4)
        #expect(layout.parameters.count == 2 && layout.results.count == 1)
    }

    @Test func layoutsKnowWhetherTheyCanHoldABorrow() {
        let resource = RuntimeResourceType(name: "r")
        #expect(ABILayout(.borrow(resource)).containsBorrow)
        #expect(ABILayout(.option(.tuple([.u8, .borrow(resource)]))).containsBorrow)
        #expect(ABILayout(.list(.record([ABIField("h", .borrow(resource))]))).containsBorrow)
        #expect(ABILayout(.result(ok: nil, error: .borrow(resource))).containsBorrow)
        #expect(!ABILayout(.own(resource)).containsBorrow)
        #expect(!ABILayout(.variant([ABICase("a", .list(.own(resource))), ABICase("b")])).containsBorrow)
        let type = ABIFunctionType(parameters: [.u32, .option(.borrow(resource))], results: [.borrow(resource)])
        #expect(ABIFunctionLayout(type).parameters.containsBorrow)
        #expect(!ABIFunctionLayout(ABIFunctionType(parameters: [.string], results: [.borrow(resource)])).parameters.containsBorrow)
    }

    @Test func variantsWithBitCastPayloadsRoundTripFlat() throws {
        let guest = ABITestGuest()
        let type = ABIType.variant([ABICase("f", .f32), ABICase("d", .f64), ABICase("pair", .tuple([.u32, .f32])),
                                    ABICase("none")])
        #expect(type.flatTypes == [.i32, .i64, .f32])
        let values: [ComponentValue] = [
            .variant(caseName: "f", payload: .f32(-2.5)), .variant(caseName: "d", payload: .f64(1e300)),
            .variant(caseName: "pair", payload: .tuple([.u32(7), .f32(0.5)])), .variant(caseName: "none", payload: nil),
        ]
        for value in values {
            #expect(try guest.roundTripThroughFlat(value, type) == value)
        }
        // `f`'s f32 travels in the joined i64 slot, zero-extended; the unused f32 slot is zero.
        #expect(try guest.context().lowerFlat(values[0], as: type)
                == [.i32(0), .i64(UInt64(Float(-2.5).bitPattern)), .f32(0)])
    }

    @Test func flatLiftingChecksEveryJoinedSlotBeforeThePayload() {
        let cx = ABITestGuest().context()
        // option<u32> flattens to (i32, i32): a `none` whose payload slot is an i64 is rejected.
        var reader = FlatValueReader([.i32(0), .i64(0)])
        #expect(abiError { try cx.liftFlat(.option(.u32), from: &reader) }
                == .coreSignatureMismatch(expected: [.i32], actual: [.i64]))
        var short = FlatValueReader([.i32(1)])
        #expect(abiError { try cx.liftFlat(.option(.u32), from: &short) }
                == .coreSignatureMismatch(expected: [.i32], actual: []))
    }
}
