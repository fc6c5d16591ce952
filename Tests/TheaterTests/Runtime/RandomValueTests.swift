import ComponentModel
import Foundation
import Testing
@testable import Theater

/// `random.random-float` and `random.generate-uuid` from a component-text actor
/// (`TestActors.randomValues`): floats in [0, 1), version-4 UUIDs, the same ones from the
/// same seed, each run replaying identically.
@Suite(.timeLimit(.minutes(1))) struct RandomValueTests {
    /// Whether `text` is a lowercase version-4 UUID (`xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`).
    private static func isVersion4UUID(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count == 36 else { return false }
        for (index, character) in characters.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard character == "-" else { return false }
            } else if !("0"..."9").contains(character) && !("a"..."f").contains(character) {
                return false
            }
        }
        return characters[14] == "4" && "89ab".contains(characters[19])
    }

    /// `count` floats and then two UUIDs from a fresh actor seeded with `seed`.
    private func draw(seed: UInt64, floats count: Int) async throws -> (floats: [Double], uuids: [String]) {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("random-actor", component: TestActors.randomValues.encoded(),
                                             handlers: ["message-server", "type = \"random\"\nseed = \(seed)"])
        var floats: [Double] = []
        for _ in 0..<count {
            let bytes = try await scenario.request(actor, Array("f".utf8))
            try #require(bytes.count == 8)
            floats.append(Double(bitPattern: bytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }))
        }
        var uuids: [String] = []
        for _ in 0..<2 {
            let response = try await scenario.request(actor, Array("u".utf8))
            #expect(response.first == 0, "generate-uuid failed: \(String(decoding: response.dropFirst(), as: UTF8.self))")
            uuids.append(String(decoding: response.dropFirst(), as: UTF8.self))
        }
        try await scenario.shutdownAndReplay(expectedChains: 1)
        return (floats, uuids)
    }

    @Test func randomFloatIsInTheHalfOpenUnitInterval() async throws {
        let (floats, _) = try await draw(seed: 11, floats: 50)
        #expect(floats.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(Set(floats).count == floats.count)
        // Spread over the interval, not stuck in a corner.
        #expect(floats.contains { $0 < 0.5 } && floats.contains { $0 >= 0.5 })
    }

    @Test func generateUUIDGivesVersion4UUIDsTheSameForTheSameSeed() async throws {
        let first = try await draw(seed: 99, floats: 1)
        let again = try await draw(seed: 99, floats: 1)
        let other = try await draw(seed: 100, floats: 1)
        #expect(first.uuids.allSatisfy(Self.isVersion4UUID), "\(first.uuids)")
        #expect(first.uuids[0] != first.uuids[1])
        #expect(first.uuids == again.uuids)
        #expect(first.floats == again.floats)
        #expect(first.uuids != other.uuids)
    }
}
