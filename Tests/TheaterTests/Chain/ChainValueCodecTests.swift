import ComponentModel
import Testing
@testable import Theater

/// `ChainValueCodec`: every kind of value round-trips, each value has exactly one
/// encoding, and hostile bytes give errors, never crashes or hangs.
@Suite struct ChainValueCodecTests {
    static let everyKind: [ComponentValue] = [
        .bool(false), .bool(true), .s8(-128), .u8(255), .s16(-2), .u16(65535), .s32(Int32.min), .u32(7),
        .s64(Int64.min), .u64(UInt64.max), .f32(1.5), .f32(-0.0), .f32(Float(bitPattern: 0x7FC0_0001)), .f64(.infinity),
        .f64(Double(bitPattern: 0xFFF8_0000_0000_0002)), .char("é"), .char("\u{10FFFF}"), .string(""), .string("héllo\n\u{0}"),
        .list([]), .list([.string("a"), .string("b")]), ComponentValue.byteList([0, 1, 255]),
        .list([.u8(1), .u8(2), .u8(3)]), .list([.u16(1), .u16(2)]),
        .record([ComponentField("name", .string("ada")), ComponentField("age", .u32(36)), ComponentField("tags", .list([]))]),
        .record([]), .tuple([]), .tuple([.bool(true), .list([.u8(9)])]),
        .variant(caseName: "some-case", payload: .s32(-1)), .variant(caseName: "none-case", payload: nil),
        .enum("red"), .option(nil), .option(.option(nil)), .option(.string("x")),
        .result(.ok(nil)), .result(.ok(.u8(0))), .result(.error(nil)), .result(.error(.string("bad"))),
        .flags([]), .flags(["write", "read", "exec", "zz", "a"]), .own(0), .borrow(UInt32.max),
        .list([.record([ComponentField("inner", .option(.list([.u8(1)])))])]),
    ]

    @Test(arguments: everyKind)
    func everyKindRoundTrips(_ value: ComponentValue) throws {
        let encoded = ChainValueCodec.encode(value)
        let decoded = try ChainValueCodec.decode(encoded)
        #expect(decoded == value)
        #expect(ChainValueCodec.encode(decoded) == encoded)
    }

    @Test func aByteListIsOneLengthPrefixedBlob() throws {
        let bytes = [UInt8](0..<200)
        let encoded = ChainValueCodec.encode(.list(bytes.map { .u8($0) }))
        #expect(encoded == [0x0F, 0xC8, 0x01] + bytes)
        #expect(try ChainValueCodec.decode(encoded) == ComponentValue.byteList(bytes))
    }

    @Test func numbersAreLittleEndianAndStringsUTF8() {
        #expect(ChainValueCodec.encode(.u32(0x0102_0304)) == [0x07, 4, 3, 2, 1])
        #expect(ChainValueCodec.encode(.string("hé")) == [0x0D, 3, 0x68, 0xC3, 0xA9])
        #expect(ChainValueCodec.encode(.record([ComponentField("a", .bool(true))])) == [0x10, 1, 1, 0x61, 0x01, 1])
        #expect(ChainValueCodec.encode(.flags(["b", "a"])) == [0x16, 2, 1, 0x61, 1, 0x62])
    }

    /// Inputs that decode in no canonical way, with the offset the error must name.
    static let malformed: [(bytes: [UInt8], offset: Int, words: String)] = [
        ([], 0, "value tag"),
        ([0x00], 0, "unknown value tag"),
        ([0x19], 0, "unknown value tag"),
        ([0x01, 2], 1, "bool must be 0 or 1"),
        ([0x07, 1, 2], 1, "u32"),
        ([0x0C, 0x00, 0xD8, 0, 0], 1, "not a Unicode scalar"),
        ([0x0D, 2, 0xC3, 0x28], 2, "not valid UTF-8"),
        ([0x0D, 0x82, 0x00], 1, "not minimally encoded"),
        ([0x0D, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F], 1, "exceeds"),
        ([0x0D, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], 1, "larger than 2^32 - 1"),
        ([0x0D, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], 1, "longer than five"),
        ([0x0E, 2, 0x03, 1, 0x03, 2], 0, "byte blob"),
        ([0x0F, 0], 0, "empty list"),
        ([0x0E, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F], 1, "exceeds"),
        ([0x14, 2], 1, "must be 0 or 1"),
        ([0x15, 3, 0], 1, "result case"),
        ([0x16, 2, 1, 0x62, 1, 0x61], 4, "sorted"),
        ([0x16, 2, 1, 0x61, 1, 0x61], 4, "sorted"),
        ([0x16, 2, 3, 0x65, 0xCC, 0x81, 2, 0xC3, 0xA9], 6, "repeats"),
        ([0x03, 1, 2], 2, "unexpected byte"),
    ]

    @Test(arguments: 0..<malformed.count)
    func malformedInputNamesTheOffsetAndTheProblem(_ index: Int) {
        let (bytes, offset, words) = Self.malformed[index]
        #expect {
            _ = try ChainValueCodec.decode(bytes)
        } throws: { error in
            guard let error = error as? ChainDecodeError else { return false }
            return error.offset == offset && error.message.contains(words)
        }
    }

    @Test func nestingDeeperThanTheLimitIsAnErrorNotAStackOverflow() throws {
        var deep = [UInt8](repeating: 1, count: 2_000_000)
        for index in stride(from: 0, to: deep.count, by: 2) { deep[index] = 0x14 }
        #expect(throws: ChainDecodeError.self) { try ChainValueCodec.decode(deep) }
        var limit = ComponentValue.option(nil)
        for _ in 1..<ChainValueCodec.maximumDepth { limit = .option(limit) }
        #expect(try ChainValueCodec.decode(ChainValueCodec.encode(limit)) == limit)
        #expect(throws: ChainDecodeError.self) { try ChainValueCodec.decode(ChainValueCodec.encode(.option(limit))) }
    }

    @Test func randomBytesDecodeOnlyToValuesThatEncodeBackToTheSameBytes() {
        var random = DeterministicRandom(seed: 0xC4A1)
        var decodedCount = 0
        for round in 0..<20_000 {
            var input = random.nextBytes(Int.random(in: 0...24, using: &random))
            // Bias the first byte towards real tags so that the inner decoders get exercised.
            if !input.isEmpty && round % 2 == 0 { input[0] = UInt8.random(in: 0x01...0x18, using: &random) }
            if let value = try? ChainValueCodec.decode(input) {
                decodedCount += 1
                #expect(ChainValueCodec.encode(value) == input, "non-canonical input accepted: \(input)")
            }
        }
        #expect(decodedCount > 100)
    }

    @Test func everyTruncationOfAValidEncodingIsAnError() {
        let value = ComponentValue.list(Self.everyKind.filter { if case .list = $0 { false } else { true } }.map { .tuple([$0]) })
        let encoded = ChainValueCodec.encode(value)
        for cut in 0..<encoded.count {
            #expect(throws: ChainDecodeError.self) { try ChainValueCodec.decode(Array(encoded[..<cut])) }
        }
    }
}
