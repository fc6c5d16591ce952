import Testing
@testable import Theater

/// Whatever bytes arrive, decoding ends in a value or an error: never a crash or hang.
@Suite struct ManagementFuzzTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let tokens = ["{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "d83c", "0", "-", "1e9", "255", "256",
                         "true", "null", " ", "\"StartActor\"", "\"id\"", "\"data\"", "\"Complete\"", "\"Fragment\"",
                         "\"\(ManagementCommandCodingTests.id)\"", "\"ListActors\"", "\"External\"", "\u{FF}"]

    @Test func tenThousandRandomInputsNeverCrash() {
        var generator = Generator(state: 2026)
        let valid = ManagementCommandCodingTests.everyCommand.map { $0.encoded() }
        var decoded = 0
        for round in 0..<10_000 {
            var input: [UInt8]
            switch round % 3 {
            case 0:
                input = (0..<Int.random(in: 0..<64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            case 1:
                input = Array((0..<Int.random(in: 1..<40, using: &generator))
                    .map { _ in Self.tokens.randomElement(using: &generator)! }.joined().utf8)
            default:
                input = valid.randomElement(using: &generator)!
                for _ in 0..<Int.random(in: 1...3, using: &generator) where !input.isEmpty {
                    input[Int.random(in: 0..<input.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
            }
            if (try? ManagementCommand.decode(input)) != nil { decoded += 1 }
            _ = try? ManagementResponse.decode(input)
            _ = try? ManagementFrame.decode(input)
            var reader = ManagementMessageReader()
            reader.append(input)
            for _ in 0..<4 { _ = try? reader.next(now: .now) }
        }
        // Mutated valid commands still decode now and then: the loop reaches past the parser.
        #expect(decoded > 0)
    }
}
