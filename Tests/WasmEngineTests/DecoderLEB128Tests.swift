import Testing
@testable import WasmEngine

/// LEB128 and name reading edge cases of `ByteReader`, following the binary format's
/// rules: at most ceil(N/7) bytes, unused bits of the last byte must extend the value.
@Suite struct DecoderLEB128Tests {
    private func reader(_ bytes: [UInt8]) -> ByteReader { ByteReader(bytes: bytes) }

    private func message(_ body: (inout ByteReader) throws -> Void, _ bytes: [UInt8]) -> String? {
        var r = reader(bytes)
        do {
            try body(&r)
            return nil
        } catch let error as DecodeError {
            return error.message
        } catch {
            return "non-DecodeError \(error)"
        }
    }

    @Test func unsigned32AcceptsMinimalAndPaddedEncodings() throws {
        var r = reader([0x00, 0x7F, 0x80, 0x01, 0xE5, 0x8E, 0x26, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x00])
        #expect(try r.readVarUInt32() == 0)
        #expect(try r.readVarUInt32() == 127)
        #expect(try r.readVarUInt32() == 128)
        #expect(try r.readVarUInt32() == 624_485)
        #expect(try r.readVarUInt32() == UInt32.max)
        #expect(try r.readVarUInt32() == 0)  // five-byte zero is allowed
        #expect(r.isAtEnd)
    }

    @Test func unsigned32RejectsHighBitsAndOverlongForms() {
        #expect(message({ _ = try $0.readVarUInt32() }, [0xFF, 0xFF, 0xFF, 0xFF, 0x1F]) == "integer too large")
        #expect(message({ _ = try $0.readVarUInt32() }, [0x80, 0x80, 0x80, 0x80, 0x10]) == "integer too large")
        #expect(message({ _ = try $0.readVarUInt32() }, [0x80, 0x80, 0x80, 0x80, 0x80, 0x00]) == "integer representation too long")
        #expect(message({ _ = try $0.readVarUInt32() }, [0x80, 0x80]) == "unexpected end of section or function")
    }

    @Test func signed32EdgeValues() throws {
        var r = reader([0x7F, 0x80, 0x7F, 0x80, 0x80, 0x80, 0x80, 0x78, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        #expect(try r.readVarInt32() == -1)
        #expect(try r.readVarInt32() == -128)
        #expect(try r.readVarInt32() == Int32.min)
        #expect(try r.readVarInt32() == Int32.max)
        #expect(try r.readVarInt32() == -1)  // five-byte minus one
        #expect(r.isAtEnd)
    }

    @Test func signed32UnusedBitsMustBeSignExtension() {
        #expect(message({ _ = try $0.readVarInt32() }, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) == "integer too large")
        #expect(message({ _ = try $0.readVarInt32() }, [0x80, 0x80, 0x80, 0x80, 0x70]) == "integer too large")
        #expect(message({ _ = try $0.readVarInt32() }, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]) == "integer representation too long")
    }

    @Test func signed33CoversTheWholeU32Range() throws {
        var r = reader([0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x70])
        #expect(try r.readVarInt33() == Int64(UInt32.max))
        #expect(try r.readVarInt33() == -(1 << 32))
        #expect(message({ _ = try $0.readVarInt33() }, [0xFF, 0xFF, 0xFF, 0xFF, 0x1F]) == "integer too large")
    }

    @Test func signed64EdgeValues() throws {
        let min: [UInt8] = Array(repeating: 0x80, count: 9) + [0x7F]
        let max: [UInt8] = Array(repeating: 0xFF, count: 9) + [0x00]
        var r = reader(min + max)
        #expect(try r.readVarInt64() == Int64.min)
        #expect(try r.readVarInt64() == Int64.max)
        #expect(message({ _ = try $0.readVarInt64() }, Array(repeating: 0xFF, count: 9) + [0x01]) == "integer too large")
        #expect(message({ _ = try $0.readVarInt64() }, Array(repeating: 0x80, count: 9) + [0x3F]) == "integer too large")
        #expect(message({ _ = try $0.readVarInt64() }, Array(repeating: 0x80, count: 10) + [0x00]) == "integer representation too long")
    }

    @Test func unsigned64EdgeValues() throws {
        var r = reader(Array(repeating: 0xFF, count: 9) + [0x01])
        #expect(try r.readVarUInt64() == UInt64.max)
        #expect(message({ _ = try $0.readVarUInt64() }, Array(repeating: 0xFF, count: 9) + [0x02]) == "integer too large")
        #expect(message({ _ = try $0.readVarUInt64() }, Array(repeating: 0x80, count: 10) + [0x00]) == "integer representation too long")
    }

    /// Multi-byte integers take a short path when enough input follows and the general
    /// loop near the end of the input; both must give the same values and positions.
    @Test func multiByteValuesReadTheSameWithAndWithoutSlack() throws {
        let signedValues: [Int64] = [-65, 64, -8192, 8191, 1 << 20, -(1 << 27), Int64(Int32.max), Int64(Int32.min)]
        let unsignedValues: [UInt64] = [128, 16_383, 16_384, 1 << 21, 1 << 28, UInt64(UInt32.max)]
        for value in signedValues {
            let encoded = WasmBytes.signed(value)
            for padding in [0, 8] {
                var r = reader(encoded + Array(repeating: 0, count: padding))
                #expect(try r.readVarInt32() == Int32(value), "\(value) with \(padding) bytes after")
                #expect(r.position == encoded.count)
            }
        }
        for value in unsignedValues {
            let encoded = WasmBytes.unsigned(value)
            for padding in [0, 8] {
                var r = reader(encoded + Array(repeating: 0, count: padding))
                #expect(try r.readVarUInt32() == UInt32(value), "\(value) with \(padding) bytes after")
                #expect(r.position == encoded.count)
            }
        }
        // A value cut off by the end of the input is still "unexpected end".
        #expect(message({ _ = try $0.readVarInt32() }, [0x80, 0x80]) == "unexpected end of section or function")
        #expect(message({ _ = try $0.readVarUInt32() }, [0xFF, 0xFF, 0xFF]) == "unexpected end of section or function")
    }

    @Test func oneBitFlagAcceptsOnlyZeroAndOne() throws {
        var r = reader([0x00, 0x01])
        #expect(try r.readVarUInt1() == false)
        #expect(try r.readVarUInt1() == true)
        #expect(message({ _ = try $0.readVarUInt1() }, [0x02]) == "integer too large")
        #expect(message({ _ = try $0.readVarUInt1() }, [0x81, 0x00]) == "integer representation too long")
    }

    @Test func lengthsBeyondTheInputAreOutOfBounds() throws {
        #expect(message({ _ = try $0.readLength() }, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) == "length out of bounds")
        #expect(message({ _ = try $0.readLength() }, [0x03, 0x00]) == "length out of bounds")
        var r = reader([0x02, 0xAA, 0xBB])
        #expect(try r.readLength() == 2)
    }

    @Test func namesMustBeWellFormedUTF8() throws {
        var r = reader(WasmBytes.name("héllo ✓ 𝄞"))
        #expect(try r.readName() == "héllo ✓ 𝄞")
        let malformed: [[UInt8]] = [
            [0x80],                    // lone continuation byte
            [0xC0, 0x80],              // overlong NUL
            [0xE0, 0x80, 0x80],        // overlong
            [0xED, 0xA0, 0x80],        // surrogate U+D800
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0xF5, 0x80, 0x80, 0x80],  // invalid lead byte
            [0xE2, 0x82],              // truncated sequence
            [0xFF],
        ]
        for bytes in malformed {
            #expect(message({ _ = try $0.readName() }, [UInt8(bytes.count)] + bytes) == "malformed UTF-8 encoding")
        }
    }
}
