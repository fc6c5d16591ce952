import Foundation
import Testing
@testable import WasmEngine

/// The decoder and the validator must be total: for any byte string decoding returns a
/// module or throws a `DecodeError`, and validating a decoded module returns or throws a
/// `ValidationError`; neither traps, hangs or allocates out of proportion to the input.
/// Inputs come from a deterministic PRNG so a failure reproduces from its iteration.
@Suite struct HostileInputTests {
    typealias W = WasmBytes

    /// xorshift64* — small, fast and deterministic across platforms.
    struct Xorshift {
        var state: UInt64
        init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
        mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
        mutating func byte() -> UInt8 { UInt8(truncatingIfNeeded: next()) }
    }

    /// Multiplies the iteration counts, for longer local fuzzing runs
    /// (`HOSTILE_INPUT_SCALE=50 swift test --filter HostileInputTests`).
    static let scale: Int = {
        let value = ProcessInfo.processInfo.environment["HOSTILE_INPUT_SCALE"].flatMap { Int($0) } ?? 1
        return max(1, value)
    }()

    /// Outcome of decoding one input: it decoded, or threw a `DecodeError`. A decoded
    /// module is validated too, which must return or throw a `ValidationError`.
    /// Anything else (another error type) is a test failure; a trap would crash the run.
    private func decodeTotally(_ bytes: [UInt8], _ label: @autoclosure () -> String) -> Bool {
        let module: Module
        do {
            module = try Module(decoding: bytes)
        } catch is DecodeError {
            return false
        } catch {
            Issue.record("\(label()): non-DecodeError \(error)")
            return false
        }
        do {
            _ = try Validator.validate(module)
        } catch is ValidationError {
        } catch {
            Issue.record("\(label()): validation threw a non-ValidationError \(error)")
        }
        return true
    }

    /// A module using every section kind, element and data encoding and many instruction forms.
    static func kitchenSinkModule() -> [UInt8] {
        let offset: [UInt8] = [0x41, 0x00, 0x0B]
        let code: [UInt8] = [
            0x02, 0x40, 0x03, 0x01, 0x41, 0x01, 0x04, 0x7F, 0x41, 0x02, 0x05, 0x41, 0x03, 0x0B, 0x1A,
            0x0C, 0x01, 0x0B, 0x0B,
            0x41, 0x00, 0x0E, 0x02, 0x00, 0x00, 0x00, 0x1A,
            0x20, 0x00, 0x21, 0x00, 0x23, 0x00, 0x24, 0x00,
            0x41, 0x00, 0x28, 0x02, 0x04, 0x41, 0x00, 0x36, 0x02, 0x08,
            0x3F, 0x00, 0x40, 0x00, 0x1A,
            0x42, 0x80, 0x7F, 0x43, 0x00, 0x00, 0x80, 0x3F, 0x44, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F,
            0xFC, 0x00, 0xA8, 0x1A, 0x1A,
            0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x08, 0x00, 0x00, 0xFC, 0x09, 0x00,
            0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0A, 0x00, 0x00,
            0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0B, 0x00,
            0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x0C, 0x01, 0x00, 0xFC, 0x0D, 0x01,
            0xD0, 0x70, 0xD1, 0x1A, 0xD2, 0x00, 0x41, 0x01, 0xFC, 0x0F, 0x00, 0x1A,
            0xFC, 0x10, 0x00, 0x1A, 0x41, 0x00, 0x25, 0x00, 0x1C, 0x01, 0x70, 0x1A,
            0x10, 0x00, 0x41, 0x00, 0x11, 0x00, 0x00, 0x0F, 0x0B,
        ]
        return W.module(
            W.section(1, W.vector([[0x60, 0x00, 0x00], [0x60, 0x01, 0x7F, 0x02, 0x7E, 0x7D]])),
            W.section(2, W.vector([
                W.name("env") + W.name("f") + [0x00, 0x01],
                W.name("env") + W.name("g") + [0x03, 0x7F, 0x00],
            ])),
            W.section(3, W.vector([[0x00], [0x01]])),
            W.section(4, W.vector([[0x70, 0x01, 0x02, 0x08]])),
            W.section(5, W.vector([[0x01, 0x01, 0x02]])),
            W.section(6, W.vector([[0x7F, 0x01, 0x41, 0x07, 0x0B]])),
            W.section(7, W.vector([W.name("main") + [0x00, 0x01], W.name("mem") + [0x02, 0x00]])),
            W.section(8, [0x01]),
            W.section(9, W.vector([
                [0x00] + offset + W.vector([[0x01]]),
                [0x01, 0x00] + W.vector([[0x01]]),
                [0x05, 0x70] + W.vector([[0xD2, 0x01, 0x0B]]),
                [0x06, 0x00] + offset + [0x70] + W.vector([[0xD0, 0x70, 0x0B]]),
                [0x07, 0x70] + W.vector([[0xD2, 0x02, 0x0B]]),
            ])),
            W.section(12, [0x02]),
            W.section(10, W.vector([
                W.body(locals: [(1, 0x7F)], code),
                W.body([0x20, 0x00, 0x04, 0x01, 0x0B, 0x42, 0x00, 0x43, 0, 0, 0, 0, 0x0B]),
            ])),
            W.section(11, W.vector([[0x00] + offset + W.name("data"), [0x01] + W.name("passive")])),
            W.section(0, W.name("name") + W.section(1, W.vector([[0x01] + W.name("main")])))
        )
    }

    static func seeds() throws -> [[UInt8]] {
        [try W.seedModule(), kitchenSinkModule()]
    }

    @Test func seedsAreValidInputs() throws {
        for seed in try Self.seeds() {
            _ = try Module(decoding: seed)
        }
    }

    /// Applies one random structural mutation to `bytes`.
    static func mutate(_ bytes: [UInt8], _ rng: inout Xorshift) -> [UInt8] {
        var bytes = bytes
        guard !bytes.isEmpty else { return [rng.byte()] }
        let position = rng.below(bytes.count)
        switch rng.below(9) {
        case 0:  // flip one to four bits
            for _ in 0...rng.below(4) {
                let at = rng.below(bytes.count)
                bytes[at] ^= 1 << UInt8(rng.below(8))
            }
        case 1:  // insert random bytes
            for _ in 0...rng.below(3) { bytes.insert(rng.byte(), at: rng.below(bytes.count + 1)) }
        case 2:  // delete a run of bytes
            let length = min(1 + rng.below(4), bytes.count - position)
            bytes.removeSubrange(position..<(position + length))
        case 3:  // truncate
            bytes.removeSubrange(position...)
        case 4:  // make a LEB128 one byte longer with the same value (0x05 -> 0x85 0x00)
            if bytes[position] & 0x80 == 0 {
                bytes[position] |= 0x80
                bytes.insert(0x00, at: position + 1)
            } else {
                bytes[position] &= 0x7F
            }
        case 5:  // bump a size or count up or down
            bytes[position] = rng.below(2) == 0 ? bytes[position] &+ 1 : bytes[position] &- 1
        case 6:  // replace a byte by a huge u32 (a count or size of ~4 billion)
            bytes.replaceSubrange(position...position, with: [0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        case 7:  // overwrite with a structurally interesting byte
            let interesting: [UInt8] = [0x00, 0x01, 0x02, 0x05, 0x0B, 0x40, 0x60, 0x6F, 0x70, 0x7F, 0x80, 0xFC, 0xFF]
            bytes[position] = interesting[rng.below(interesting.count)]
        default:  // duplicate a chunk (repeated sections, runs of instructions)
            let length = min(1 + rng.below(16), bytes.count - position)
            let chunk = bytes[position..<(position + length)]
            bytes.insert(contentsOf: chunk, at: rng.below(bytes.count + 1))
        }
        return bytes
    }

    @Test func mutatedSeedModulesDecodeOrThrowDecodeError() throws {
        var rng = Xorshift(seed: 0x5EED_0001)
        var decoded = 0
        var rejected = 0
        var slowest: Double = 0
        for (seedIndex, seed) in try Self.seeds().enumerated() {
            for iteration in 0..<(5_000 * Self.scale) {
                var input = seed
                for _ in 0...rng.below(3) { input = Self.mutate(input, &rng) }
                let start = Date()
                if decodeTotally(input, "seed \(seedIndex) iteration \(iteration)") { decoded += 1 } else { rejected += 1 }
                slowest = max(slowest, Date().timeIntervalSince(start))
            }
        }
        // Both outcomes must occur, or the mutations are not exercising the decoder.
        #expect(decoded > 50)
        #expect(rejected > 1_000)
        #expect(slowest < 1.0, "one decode took \(slowest) s")
    }

    @Test func randomByteStringsDecodeOrThrowDecodeError() {
        var rng = Xorshift(seed: 0x0BAD_C0DE)
        for iteration in 0..<(3_000 * Self.scale) {
            let length = rng.below(96)
            var input = (0..<length).map { _ in rng.byte() }
            // Half the inputs get a valid preamble so the section decoders are reached.
            if iteration % 2 == 0 { input = W.header + input }
            _ = decodeTotally(input, "random iteration \(iteration)")
        }
    }

    @Test func randomSectionsWithValidFramingDecodeOrThrowDecodeError() {
        // Valid section ids and exact sizes around random contents reach deep into each
        // section decoder instead of failing at the framing.
        var rng = Xorshift(seed: 0xF00D_F00D)
        for iteration in 0..<(3_000 * Self.scale) {
            var sections: [[UInt8]] = []
            for _ in 0...rng.below(3) {
                let content = (0..<rng.below(40)).map { _ in rng.byte() }
                sections.append(W.section(UInt8(rng.below(13)), content))
            }
            _ = decodeTotally(W.header + sections.flatMap { $0 }, "framed iteration \(iteration)")
        }
    }

    @Test(.enabled(if: DecoderSpecSuiteTests.suiteIsAvailable))
    func mutatedSpecSuiteBinariesDecodeOrThrowDecodeError() throws {
        // The suite's well-formed `(module binary ...)` forms are small, diverse seeds.
        var seeds: [[UInt8]] = []
        let directory = DecoderSpecSuiteTests.suiteDirectory
        for file in try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        where file.hasSuffix(".wast") && !file.hasPrefix("simd_") {
            let text = try String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)
            seeds += WastBinaryModuleScanner.binaryModules(in: text)
                .filter { $0.expectedMalformedMessage == nil }
                .map(\.bytes)
        }
        #expect(seeds.count > 50)
        var rng = Xorshift(seed: 0x5EED_0002)
        for (seedIndex, seed) in seeds.enumerated() {
            for iteration in 0..<(30 * Self.scale) {
                var input = seed
                for _ in 0...rng.below(3) { input = Self.mutate(input, &rng) }
                _ = decodeTotally(input, "suite seed \(seedIndex) iteration \(iteration)")
            }
        }
    }

    @Test(.enabled(if: DecoderSpecSuiteTests.suiteIsAvailable))
    func mutatedSuiteTextModulesDecodeAndValidateOrReject() throws {
        // Every text module of the suite, compiled to binary: over a thousand seeds that
        // between them use every instruction, so mutations reach deep into the validator.
        var seeds: [[UInt8]] = []
        let directory = DecoderSpecSuiteTests.suiteDirectory
        for file in try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        where file.hasSuffix(".wast") && !file.hasPrefix("simd_") {
            let script = try WastScript.parse(try String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8))
            for command in script.commands {
                if case .module(let module) = command, case .binary(let bytes) = module.source { seeds.append(bytes) }
            }
        }
        #expect(seeds.count > 1_000)
        var rng = Xorshift(seed: 0x5EED_0003)
        var validated = 0
        for (seedIndex, seed) in seeds.enumerated() {
            for iteration in 0..<(8 * Self.scale) {
                var input = seed
                for _ in 0...rng.below(2) { input = Self.mutate(input, &rng) }
                if decodeTotally(input, "text seed \(seedIndex) iteration \(iteration)") { validated += 1 }
            }
        }
        #expect(validated > 500)
    }

    /// Offsets where a section starts (and the end): cutting a module there can leave a
    /// well-formed module; cutting anywhere else must not.
    static func sectionBoundaries(_ bytes: [UInt8]) throws -> Set<Int> {
        var boundaries: Set<Int> = [8, bytes.count]
        var reader = ByteReader(bytes: bytes, start: 8)
        while !reader.isAtEnd {
            boundaries.insert(reader.position)
            _ = try reader.readByte()
            try reader.skip(try reader.readLength())
        }
        return boundaries
    }

    @Test func truncationsOfTheSeedsAreRejectedInsideSections() throws {
        for seed in try Self.seeds() {
            let boundaries = try Self.sectionBoundaries(seed)
            for length in 0..<seed.count where !boundaries.contains(length) {
                #expect(!decodeTotally(Array(seed[..<length]), "truncated to \(length)"), "prefix of \(length) bytes decoded")
            }
        }
    }
}
