import Testing
@testable import ComponentModel

/// Thousands of mutated and random inputs either decode or throw
/// `ComponentDecodeError`: never a crash, a hang or another error type.
@Suite struct ComponentHostileInputTests {
    typealias B = ComponentBytes

    /// A seed component that exercises most sections, for mutation.
    static let seed: [UInt8] = B.component(
        B.section(0, B.name("component-name") + [0x00, 0x02, 0x01, 0x61]),
        B.section(1, B.emptyCoreModule + [0x01, 0x04, 0x01, 0x60, 0x00, 0x00]),
        B.vectorSection(2, [[0x00, 0x00, 0x00], [0x01] + B.vector([B.name("f") + [0x00, 0x00]])]),
        B.vectorSection(3, [[0x60, 0x01, 0x7F, 0x00], [0x50] + B.vector([[0x03] + B.name("e") + [0x00, 0x00]])]),
        B.section(4, B.component(B.vectorSection(7, [[0x73]]))),
        B.vectorSection(5, [[0x01] + B.vector([B.externName("x") + [0x01, 0x00]])]),
        B.vectorSection(6, [[0x00, 0x00, 0x01, 0x00] + B.name("f"), [0x03, 0x02, 0x01, 0x00]]),
        B.vectorSection(7, [
            [0x72] + B.vector([B.name("a") + [0x7F]]),
            [0x71] + B.vector([B.name("x") + [0x01, 0x7E, 0x00]]),
            [0x6A, 0x01, 0x73, 0x00], [0x3F, 0x7F, 0x01, 0x00],
            [0x40] + B.vector([B.name("p") + [0x73]]) + [0x00, 0x79],
            [0x42] + B.vector([[0x01, 0x70, 0x73], [0x04] + B.externName("t") + [0x03, 0x01]]),
            [0x41] + B.vector([[0x03] + B.externName("i") + [0x05, 0x00]]),
        ]),
        B.vectorSection(8, [[0x00, 0x00, 0x00] + B.vector([[0x03, 0x00]]) + [0x04], [0x02, 0x03], [0x01, 0x00, 0x00, 0x00]]),
        B.vectorSection(10, [[0x02] + B.name("wasi:cli/environment@0.2.0") + B.vector([[0x01] + B.name("1")]) + [0x05, 0x05]]),
        B.vectorSection(11, [B.externName("run") + [0x01, 0x00, 0x01, 0x01, 0x04]]),
        B.section(9, [0x00, 0x00, 0x00]),
        B.vectorSection(12, [[0x79, 0x01, 0x05]])
    )

    /// Decoding must end in a component or a `ComponentDecodeError` located in the input.
    private func expectDecodesOrFailsCleanly(_ bytes: [UInt8], _ label: String) {
        do {
            _ = try Component(decoding: bytes)
        } catch let error as ComponentDecodeError {
            #expect(error.offset >= 0 && error.offset <= bytes.count, "\(label): offset \(error.offset) outside input")
            #expect(!error.message.isEmpty)
        } catch {
            Issue.record("\(label): unexpected error type \(error)")
        }
    }

    @Test func seedIsWellFormed() throws {
        let component = try Component(decoding: Self.seed)
        #expect(component.definitions.count > 20)
    }

    @Test func mutatedComponentsDecodeOrThrow() {
        var rng = SeededRandom(seed: 0xC0FFEE)
        for iteration in 0..<4000 {
            var bytes = Self.seed
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let position = Int.random(in: 8..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes[position] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
                case 2: bytes.remove(at: position)
                default: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: position)
                }
            }
            expectDecodesOrFailsCleanly(bytes, "mutation \(iteration)")
        }
    }

    @Test func truncationsAtEveryLengthThrow() {
        for length in 0..<Self.seed.count {
            expectDecodesOrFailsCleanly(Array(Self.seed.prefix(length)), "truncated to \(length)")
        }
    }

    @Test func randomSectionsAfterAValidPreambleDecodeOrThrow() {
        var rng = SeededRandom(seed: 42)
        for iteration in 0..<3000 {
            var bytes = B.preamble
            let id = UInt8.random(in: 0...13, using: &rng)
            let body = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            // Bias the body towards small opcodes and counts so that decoding goes deep.
            let biased = body.map { Bool.random(using: &rng) ? $0 % 8 : $0 }
            bytes += [id] + B.u32(UInt32(biased.count)) + biased
            expectDecodesOrFailsCleanly(bytes, "random section \(iteration)")
        }
    }

    @Test func hugeDeclaredSizesFailWithoutAllocating() {
        let sizes: [UInt32] = [UInt32.max, 0x7FFF_FFFF, 1 << 20]
        for size in sizes {
            expectDecodesOrFailsCleanly(B.preamble + [0x01] + B.u32(size), "core module of size \(size)")
            expectDecodesOrFailsCleanly(B.component(B.section(7, B.u32(size))), "type vector of \(size)")
            expectDecodesOrFailsCleanly(B.component(B.section(12, [0x01, 0x73] + B.u32(size))), "value of \(size) bytes")
        }
    }
}
