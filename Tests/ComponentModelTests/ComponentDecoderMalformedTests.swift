import Testing
@testable import ComponentModel

/// Malformed inputs are rejected with the reference tests' wording and a useful offset.
@Suite struct ComponentDecoderMalformedTests {
    typealias B = ComponentBytes

    @Test func truncatedPreambleIsUnexpectedEnd() {
        for length in 0..<8 {
            #expect(decodeError(Array(B.preamble.prefix(length)))?.message == "unexpected end-of-file")
        }
    }

    @Test func coreModulePreambleIsNotAComponent() {
        #expect(decodeError(B.emptyCoreModule)?.message == "expected a version header for a component")
        #expect(decodeError([0x00, 0x61, 0x73, 0x6D, 0x0C, 0x00, 0x01, 0x00])?.message == "unknown binary version")
        #expect(decodeError([0x01, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00])?.message == "magic header not detected")
    }

    @Test func unknownSectionIDIsLocatedAtTheID() {
        let error = decodeError(B.component([0x0D, 0x00]))
        #expect(error == ComponentDecodeError(offset: 8, message: "malformed section id"))
    }

    @Test func sectionLongerThanItsContentsIsASizeMismatch() {
        let error = decodeError(B.component(B.section(7, B.vector([[0x73]]) + [0x00])))
        #expect(error == ComponentDecodeError(offset: 12, message: "section size mismatch"))
    }

    @Test func leb128RulesForU32() {
        // Five bytes with bits above 32 set: too large; six bytes: too long.
        #expect(decodeError(B.component([0x07, 0x81, 0x80, 0x80, 0x80, 0x70, 0x00]))?.message == "integer too large")
        #expect(decodeError(B.component([0x07, 0x81, 0x80, 0x80, 0x80, 0x80, 0x00]))?.message == "integer representation too long")
        // Zero-padded overlong encodings are accepted.
        #expect(decodeError(B.component([0x07, 0x81, 0x80, 0x80, 0x80, 0x00, 0x00])) == nil)
    }

    @Test func vectorCountBeyondTheSectionFailsBeforeAllocating() {
        let error = decodeError(B.component(B.section(7, B.u32(UInt32.max) + [0x73])))
        #expect(error?.message == "unexpected end-of-file")
    }

    @Test func invalidUTF8NamesAreRejected() {
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82]] {
            let error = decodeError(B.component(B.section(0, B.u32(UInt32(bad.count)) + bad)))
            #expect(error == ComponentDecodeError(offset: 11, message: "malformed UTF-8 encoding"))
        }
    }

    @Test func negativeTypeIndexInValueTypeIsRejected() {
        // 0x50 is a one-byte negative SLEB128, neither a primitive nor an index.
        let error = decodeError(B.component(B.vectorSection(7, [[0x70, 0x50]])))
        #expect(error?.message == "invalid leading byte (0x50) for component value type")
    }

    @Test func gcStructTypesAreNotSupported() {
        let error = decodeError(B.component(B.vectorSection(3, [[0x5F, 0x00]])))
        #expect(error?.message.hasPrefix("not supported") == true)
    }

    @Test func nestedModuleTypesAreRejected() {
        let error = decodeError(B.component(B.vectorSection(3, [[0x50, 0x01, 0x01, 0x50, 0x00]])))
        #expect(error?.message == "invalid leading byte (0x50) for type definition")
    }

    @Test func componentNestingBeyondTheLimitIsAnErrorNotACrash() {
        var bytes = B.preamble
        for _ in 0..<(ComponentDecoder.maximumNestingDepth + 5) {
            bytes = B.component(B.section(4, bytes))
        }
        let error = decodeError(bytes)
        #expect(error?.message.hasPrefix("nesting too deep") == true)
        // Exactly at the limit is fine.
        var atLimit = B.preamble
        for _ in 0..<ComponentDecoder.maximumNestingDepth { atLimit = B.component(B.section(4, atLimit)) }
        #expect(decodeError(atLimit) == nil)
    }

    @Test func typeNestingBeyondTheLimitIsAnError() {
        // instance type { type: instance type { type: ... } } 200 levels deep.
        var type: [UInt8] = [0x42, 0x00]
        for _ in 0..<200 { type = [0x42, 0x01, 0x01] + type }
        let error = decodeError(B.component(B.vectorSection(7, [type])))
        #expect(error?.message.hasPrefix("nesting too deep") == true)
    }

    @Test func asyncOptionIsDecodedButFlaggedUnsupported() {
        #expect(CanonicalOption.async.isUnsupportedFeature)
        #expect(!CanonicalOption.memory(0).isUnsupportedFeature)
    }
}
