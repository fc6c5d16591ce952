import Testing
import WasmEngine
@testable import ComponentModel

@Suite struct CanonicalABILayoutTests {
    @Test func primitivesHaveTheirNaturalSizeAndAlignment() {
        let expected: [(ABIType, Int)] = [(.bool, 1), (.s8, 1), (.u8, 1), (.s16, 2), (.u16, 2), (.s32, 4), (.u32, 4),
                                          (.s64, 8), (.u64, 8), (.f32, 4), (.f64, 8), (.char, 4)]
        for (type, size) in expected {
            #expect(type.alignment == size, "\(type)")
            #expect(type.elementSize == size, "\(type)")
        }
        #expect(ABIType.string.alignment == 4 && ABIType.string.elementSize == 8)
        #expect(ABIType.list(.u64).alignment == 4 && ABIType.list(.u64).elementSize == 8)
        let resource = RuntimeResourceType(name: "r")
        #expect(ABIType.own(resource).elementSize == 4 && ABIType.borrow(resource).alignment == 4)
    }

    @Test func recordsPadFieldsAndRoundSizeToAlignment() {
        #expect(ABIType.record([ABIField("a", .u8), ABIField("b", .u32)]).elementSize == 8)
        #expect(ABIType.record([ABIField("a", .u32), ABIField("b", .u8)]).elementSize == 8)
        #expect(ABIType.record([ABIField("a", .u8), ABIField("b", .u16), ABIField("c", .u8)]).elementSize == 6)
        let tuple = ABIType.tuple([.u8, .u64])
        #expect(tuple.alignment == 8 && tuple.elementSize == 16)
    }

    @Test func variantsPlacePayloadAfterAlignedDiscriminant() {
        #expect(ABIType.option(.u64).elementSize == 16 && ABIType.option(.u64).alignment == 8)
        #expect(ABIType.option(.bool).elementSize == 2 && ABIType.option(.bool).alignment == 1)
        let result = ABIType.result(ok: .u32, error: .string)
        #expect(result.elementSize == 12 && result.alignment == 4)
        #expect(ABIType.result(ok: nil, error: nil).elementSize == 1)
        let wide = ABIType.enum((0..<257).map { "c\($0)" })
        #expect(wide.elementSize == 2 && wide.alignment == 2)
    }

    @Test func discriminantAndFlagsSizesFollowCaseAndLabelCounts() {
        #expect(ABIType.discriminantSize(caseCount: 1) == 1)
        #expect(ABIType.discriminantSize(caseCount: 256) == 1)
        #expect(ABIType.discriminantSize(caseCount: 257) == 2)
        #expect(ABIType.discriminantSize(caseCount: 65536) == 2)
        #expect(ABIType.discriminantSize(caseCount: 65537) == 4)
        #expect(ABIType.flagsByteSize(labelCount: 8) == 1)
        #expect(ABIType.flagsByteSize(labelCount: 9) == 2)
        #expect(ABIType.flagsByteSize(labelCount: 16) == 2)
        #expect(ABIType.flagsByteSize(labelCount: 17) == 4)
        #expect(ABIType.flags((0..<32).map { "f\($0)" }).elementSize == 4)
    }

    @Test func joinPicksTheTightestCommonCoreType() {
        #expect(ABIType.join(.i32, .i32) == .i32)
        #expect(ABIType.join(.i32, .f32) == .i32)
        #expect(ABIType.join(.f32, .i32) == .i32)
        #expect(ABIType.join(.f32, .f64) == .i64)
        #expect(ABIType.join(.i32, .i64) == .i64)
        #expect(ABIType.join(.f64, .f64) == .f64)
    }

    @Test func flatteningExpandsAggregatesAndJoinsVariantCases() {
        #expect(ABIType.string.flatTypes == [.i32, .i32])
        #expect(ABIType.record([ABIField("s", .string), ABIField("l", .list(.u8))]).flatTypes == [.i32, .i32, .i32, .i32])
        #expect(ABIType.option(.f32).flatTypes == [.i32, .f32])
        #expect(ABIType.result(ok: .f32, error: .u32).flatTypes == [.i32, .i32])
        #expect(ABIType.result(ok: .f64, error: .u32).flatTypes == [.i32, .i64])
        let variant = ABIType.variant([ABICase("a", .tuple([.u32, .f32])), ABICase("b", .f64), ABICase("c")])
        #expect(variant.flatTypes == [.i32, .i64, .f32])
        #expect(ABIType.flags(["a", "b"]).flatTypes == [.i32])
        #expect(ABIType.enum(["a", "b"]).flatTypes == [.i32])
    }

    @Test func functionTypesFallBackToMemoryBeyondTheFlatLimits() {
        let sixteen = ABIFunctionType(parameters: Array(repeating: .u32, count: 16), results: [.u64])
        #expect(sixteen.flattened(for: .lift) == CoreSignature(parameters: Array(repeating: .i32, count: 16), results: [.i64]))
        let seventeen = ABIFunctionType(parameters: Array(repeating: .u32, count: 17), results: [])
        #expect(seventeen.flattened(for: .lift).parameters == [.i32])
        #expect(seventeen.flattened(for: .lower).parameters == [.i32])
        let stringResult = ABIFunctionType(parameters: [.f64], results: [.string])
        #expect(stringResult.flattened(for: .lift) == CoreSignature(parameters: [.f64], results: [.i32]))
        #expect(stringResult.flattened(for: .lower) == CoreSignature(parameters: [.f64, .i32], results: []))
    }
}

@Suite struct CanonicalABITypeConversionTests {
    @Test func definedValueTypesConvertWithResolvedIndices() throws {
        let file = RuntimeResourceType(name: "file")
        let resolve: (UInt32) throws -> ABIType = { index in
            guard index == 3 else { throw CanonicalABIError.unsupportedType("index \(index)") }
            return .list(.u8)
        }
        let resource: (UInt32) throws -> RuntimeResourceType = { _ in file }
        let record = DefinedValueType.record([LabeledValueType(label: "data", type: .index(3)),
                                              LabeledValueType(label: "n", type: .primitive(.u32))])
        #expect(try ABIType(record, resolve: resolve, resource: resource)
                == .record([ABIField("data", .list(.u8)), ABIField("n", .u32)]))
        #expect(try ABIType(.result(ok: .primitive(.string), error: nil), resolve: resolve, resource: resource)
                == .result(ok: .string, error: nil))
        #expect(try ABIType(.variant([VariantCase(label: "a", payload: nil), VariantCase(label: "b", payload: .index(3))]),
                            resolve: resolve, resource: resource)
                == .variant([ABICase("a"), ABICase("b", .list(.u8))]))
        #expect(try ABIType(.own(resource: 9), resolve: resolve, resource: resource) == .own(file))
        #expect(abiError { try ABIType(.stream(nil), resolve: resolve, resource: resource) } == .unsupportedType("async stream"))
        #expect(abiError { try ABIType(.primitive(.errorContext), resolve: resolve, resource: resource) } == .unsupportedType("error-context"))
    }
}
