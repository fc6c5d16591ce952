import ComponentModel
import Foundation
import Testing
@testable import Theater

/// `timing.deadline` from a component-text actor (`TestActors.deadline`): a deadline in
/// the past returns at once, a near one waits until it, one beyond `max_sleep_duration` is
/// refused; each run replays identically.
@Suite(.timeLimit(.minutes(1))) struct DeadlineTests {
    private static func request(_ timestamp: UInt64) -> [UInt8] {
        withUnsafeBytes(of: timestamp.littleEndian, Array.init)
    }

    private static var nowMilliseconds: UInt64 { UInt64(Date().timeIntervalSince1970 * 1000) }

    @Test func aPastDeadlineReturnsAtOnceAndANearOneWaitsUntilIt() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("deadline-actor", component: TestActors.deadline.encoded(),
                                             handlers: ["message-server", "timing"])
        let pastStarted = Date()
        #expect(try await scenario.request(actor, Self.request(Self.nowMilliseconds - 60_000)) == [0])
        #expect(try await scenario.request(actor, Self.request(0)) == [0])
        // Loose (the machine is shared): a past deadline mistaken for a wait would take a minute.
        #expect(Date().timeIntervalSince(pastStarted) < 30.0, "past deadlines do not wait")

        let target = Self.nowMilliseconds + 600
        #expect(try await scenario.request(actor, Self.request(target)) == [0])
        #expect(Self.nowMilliseconds >= target, "the call returned before its deadline")

        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func aDeadlineBeyondMaxSleepDurationIsRefused() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("deadline-actor", component: TestActors.deadline.encoded(),
                                             handlers: ["message-server", "type = \"timing\"\nmax_sleep_duration = 100"])
        let started = Date()
        let response = try await scenario.request(actor, Self.request(Self.nowMilliseconds + 3_600_000))
        #expect(Date().timeIntervalSince(started) < 30.0, "refused without waiting")
        #expect(response.first == 1)
        let message = String(decoding: response.dropFirst(), as: UTF8.self)
        #expect(message.contains("exceeds max_sleep_duration (100 ms)"), "\(message)")
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
