import ComponentModel
import Foundation
import Testing
@testable import Theater

/// The `random` handler from a component-text actor (`TestActors.random`): `random-bytes`
/// and `random-range`, reproducible from the manifest's seed, each in a run that replays
/// identically.
@Suite(.timeLimit(.minutes(1))) struct RandomHandlerTests {
    private static func little<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian, Array.init)
    }

    private static func bytesRequest(_ count: UInt32) -> [UInt8] { [UInt8(ascii: "b")] + little(count) }

    private static func rangeRequest(_ low: UInt64, _ high: UInt64) -> [UInt8] {
        [UInt8(ascii: "r")] + little(low) + little(high)
    }

    /// The bytes two `random-bytes` requests get from a fresh actor seeded with `seed`.
    private func randomBytes(seed: UInt64) async throws -> [[UInt8]] {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("random-actor", component: TestActors.random.encoded(),
                                             handlers: ["message-server", "type = \"random\"\nseed = \(seed)"])
        let first = try await scenario.request(actor, Self.bytesRequest(16))
        let second = try await scenario.request(actor, Self.bytesRequest(5))
        try await scenario.shutdownAndReplay(expectedChains: 1)
        return [first, second]
    }

    @Test func randomBytesFromTheSameSeedAreTheSameAcrossRuns() async throws {
        let first = try await randomBytes(seed: 42)
        let again = try await randomBytes(seed: 42)
        let other = try await randomBytes(seed: 43)
        #expect(first.map(\.count) == [16, 5])
        #expect(first == again)
        #expect(first != other)
        #expect(first[0] != [UInt8](repeating: 0, count: 16))
    }

    @Test func randomRangeStaysWithinItsBoundsAndRefusesAnEmptyRange() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("random-actor", component: TestActors.random.encoded(),
                                             handlers: ["message-server", "type = \"random\"\nseed = 7"])
        var seen = Set<UInt64>()
        for _ in 0..<40 {
            let response = try await scenario.request(actor, Self.rangeRequest(10, 15))
            #expect(response.count == 8)
            seen.insert(response.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        }
        #expect(seen.allSatisfy { (10..<15).contains($0) })
        #expect(seen.count > 1)
        let empty = await scenario.runtime.request(to: actor.id, Self.rangeRequest(5, 5))
        guard case .failure(.actorFailed(let message)) = empty else {
            Issue.record("an empty range should fail the request, got \(empty)")
            return
        }
        #expect(message.contains("random-range: min (5) must be less than max (5)"))
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
