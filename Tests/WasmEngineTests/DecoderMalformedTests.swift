import Testing
@testable import WasmEngine

/// Malformed modules throw a `DecodeError` with the spec suite's message and a useful offset.
@Suite struct DecoderMalformedTests {
    typealias W = WasmBytes

    private func decodeError(_ bytes: [UInt8]) -> DecodeError? {
        do {
            _ = try Module(decoding: bytes)
            return nil
        } catch let error as DecodeError {
            return error
        } catch {
            Issue.record("non-DecodeError thrown: \(error)")
            return nil
        }
    }

    private func message(_ bytes: [UInt8]) -> String? { decodeError(bytes)?.message }

    @Test func preambleErrors() {
        #expect(message([]) == "unexpected end of section or function")
        #expect(message([0x00, 0x61, 0x73]) == "unexpected end of section or function")
        #expect(message([0x00, 0x41, 0x53, 0x4D, 0x01, 0x00, 0x00, 0x00]) == "magic header not detected")
        #expect(message([0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00]) == "unknown binary version")
        #expect(message([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00]) == "unexpected end of section or function")
    }

    @Test func sectionIdsSizesAndOrder() {
        let id13 = decodeError(W.header + [0x0D, 0x00])
        #expect(id13?.message == "malformed section id")
        #expect(id13?.offset == 8)
        #expect(message(W.module(W.section(3, W.vector([])), W.section(1, W.vector([])))) == "unexpected content after last section")
        #expect(message(W.module(W.section(5, W.vector([])), W.section(5, W.vector([])))) == "unexpected content after last section")
        // The data count section goes before the code section.
        #expect(message(W.module(W.section(10, W.vector([])), W.section(12, [0x00]))) == "unexpected content after last section")
        #expect(message(W.module(W.section(12, [0x00]), W.section(10, W.vector([])))) == nil)
        #expect(message(W.header + [0x01, 0x05, 0x00]) == "length out of bounds")
        #expect(message(W.header + [0x01, 0x02, 0x00, 0x00]) == "section size mismatch")
        #expect(message(W.header + [0x08, 0x03, 0x00]) == "length out of bounds")
        // The size fits the input but the start section's content is shorter.
        #expect(message(W.header + [0x08, 0x02, 0x00]) == "section size mismatch")
    }

    @Test func hugeDeclaredCountsFailWithoutAllocating() {
        let huge: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]
        for id: UInt8 in [1, 2, 3, 4, 5, 6, 7, 9, 10, 11] {
            #expect(message(W.module(W.section(id, huge))) == "length out of bounds", "section \(id)")
        }
        #expect(message(W.singleFunctionModule([0x0E] + huge + [0x00, 0x0B])) == "length out of bounds")
        #expect(message(W.singleFunctionModule([0x1C] + huge + [0x0B])) == "length out of bounds")
    }

    @Test func functionBodyStructure() {
        #expect(message(W.singleFunctionModule([0x05, 0x0B])) == "END opcode expected")
        #expect(message(W.singleFunctionModule([0x02, 0x40, 0x05, 0x0B, 0x0B])) == "END opcode expected")
        #expect(message(W.singleFunctionModule([0x41, 0x00, 0x04, 0x40, 0x05, 0x05, 0x0B, 0x0B])) == "END opcode expected")
        #expect(message(W.singleFunctionModule([0x06, 0x0B])) == "illegal opcode 0x06")
        #expect(message(W.singleFunctionModule([0xFD, 0x00, 0x0B])) == "illegal opcode 0xfd")
        #expect(message(W.singleFunctionModule([0xFC, 0x12, 0x0B])) == "illegal opcode 0xfc 18")
        // Body size 1 + locals + `nop` but the `end` lies beyond the declared size.
        #expect(message(W.module(
            W.section(1, W.vector([[0x60, 0x00, 0x00]])), W.section(3, W.vector([[0x00]])),
            W.section(10, [0x01, 0x02, 0x00, 0x01, 0x0B])
        )) == "section size mismatch")
        #expect(message(W.module(
            W.section(1, W.vector([[0x60, 0x00, 0x00]])), W.section(3, W.vector([[0x00]])),
            W.section(10, [0x01, 0x02, 0x00, 0x01])
        )) == "unexpected end of section or function")
    }

    @Test func reservedMemoryBytesMustBeZero() {
        for code: [UInt8] in [[0x3F, 0x01], [0x40, 0x80, 0x00], [0xFC, 0x08, 0x00, 0x01], [0xFC, 0x0A, 0x00, 0x01], [0xFC, 0x0B, 0x01]] {
            #expect(message(W.singleFunctionModule(code + [0x1A, 0x0B])) == "zero byte expected")
        }
    }

    @Test func memoryArgumentAlignmentOf32OrMoreIsMalformed() {
        #expect(message(W.singleFunctionModule([0x41, 0x00, 0x28, 0x20, 0x00, 0x1A, 0x0B])) == "malformed memop flags")
        #expect(message(W.singleFunctionModule([0x41, 0x00, 0x28, 0x1F, 0x00, 0x1A, 0x0B])) == nil)  // invalid, not malformed
    }

    @Test func crossSectionConsistency() {
        let types = W.section(1, W.vector([[0x60, 0x00, 0x00]]))
        #expect(message(W.module(types, W.section(3, W.vector([[0x00]])))) == "function and code section have inconsistent lengths")
        #expect(message(W.module(W.section(12, [0x01]))) == "data count and data section have inconsistent lengths")
        let usesDataDrop = W.module(types, W.section(3, W.vector([[0x00]])), W.section(10, W.vector([W.body([0xFC, 0x09, 0x00, 0x0B])])))
        #expect(message(usesDataDrop) == "data count section required")
    }

    @Test func typeAndEntityEncodings() {
        #expect(message(W.module(W.section(1, W.vector([[0x61, 0x00, 0x00]])))) == "malformed function type")
        #expect(message(W.module(W.section(1, W.vector([[0xE0, 0x7F, 0x00, 0x00]])))) == "integer representation too long")
        #expect(message(W.module(W.section(1, W.vector([[0x60, 0x01, 0x40, 0x00]])))) == "malformed value type")
        #expect(message(W.module(W.section(4, W.vector([[0x7F, 0x00, 0x00]])))) == "malformed reference type")
        #expect(message(W.module(W.section(5, W.vector([[0x02, 0x00]])))) == "integer too large")  // 64-bit flag
        #expect(message(W.module(W.section(5, W.vector([[0x03, 0x00, 0x00]])))) == "integer too large")  // shared flag
        #expect(message(W.module(W.section(6, W.vector([[0x7F, 0x02, 0x41, 0x00, 0x0B]])))) == "malformed mutability")
        #expect(message(W.module(W.section(2, W.vector([W.name("a") + W.name("b") + [0x04, 0x00]])))) == "malformed import kind")
        #expect(message(W.module(W.section(7, W.vector([W.name("e") + [0x04, 0x00]])))) == "malformed export kind")
        #expect(message(W.module(W.section(9, W.vector([[0x08]])))) == "malformed elements segment kind")
        #expect(message(W.module(W.section(9, W.vector([[0x01, 0x01, 0x00]])))) == "malformed element kind")
        #expect(message(W.module(W.section(11, W.vector([[0x03, 0x00]])))) == "malformed data segment kind")
        #expect(message(W.module(W.section(7, W.vector([[0x01, 0xFF, 0x00, 0x00]])))) == "malformed UTF-8 encoding")
        // 0x40...0x7F in a block type is a value type code; 0x45 is none.
        #expect(message(W.singleFunctionModule([0x02, 0x45, 0x0B, 0x0B])) == "malformed value type")
        #expect(message(W.singleFunctionModule([0x02, 0x80, 0x80, 0x80, 0x80, 0x70, 0x0B, 0x0B])) == "malformed block type")
    }

    @Test func tooManyLocals() {
        let types = W.section(1, W.vector([[0x60, 0x00, 0x00]]))
        func module(bodies: Int, localsEach: UInt32) -> [UInt8] {
            W.module(
                types,
                W.section(3, W.vector(Array(repeating: [0x00], count: bodies))),
                W.section(10, W.vector(Array(repeating: W.body(locals: [(localsEach, 0x7F)], [0x0B]), count: bodies)))
            )
        }
        #expect(message(module(bodies: 1, localsEach: 50_000)) == nil)
        #expect(message(module(bodies: 1, localsEach: 50_001)) == "too many locals")
        #expect(message(module(bodies: 1, localsEach: UInt32.max)) == "too many locals")
        // Many small bodies with the per-function maximum would expand a few kilobytes
        // into gigabytes; the module-wide budget stops that.
        #expect(message(module(bodies: 2_000, localsEach: 50_000)) == "too many locals")
    }

    @Test func errorDescriptionIncludesTheOffset() {
        let error = decodeError(W.header + [0x0D, 0x00])
        #expect(error?.description == "malformed section id (at byte offset 0x8)")
    }
}
