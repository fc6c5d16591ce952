import ComponentModel
import Foundation
import Testing
@testable import Theater

/// The `timing` handler from a component-text actor (`TestActors.timing`): `now` and
/// `sleep`, each in a run that replays identically (without waiting again).
@Suite(.timeLimit(.minutes(1))) struct TimingHandlerTests {
    private static func sleepRequest(milliseconds: UInt64) -> [UInt8] {
        [UInt8(ascii: "s")] + withUnsafeBytes(of: milliseconds.littleEndian, Array.init)
    }

    @Test func nowIsTheWallClockInMilliseconds() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("timing-actor", component: TestActors.timing.encoded(),
                                             handlers: ["message-server", "timing"])
        let before = UInt64(Date().timeIntervalSince1970 * 1000)
        let response = try await scenario.request(actor, Array("n".utf8))
        let after = UInt64(Date().timeIntervalSince1970 * 1000)
        #expect(response.count == 8)
        let now = response.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(now >= before && now <= after + 1)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func sleepWaitsWithoutBlockingOtherActors() async throws {
        let scenario = try RuntimeScenario()
        let sleeper = try await scenario.start("timing-actor", component: TestActors.timing.encoded(),
                                               handlers: ["message-server", "timing"])
        let counter = try await scenario.start("counter", component: RuntimeScenario.prebuilt("examples/counter/counter.wasm"),
                                               handlers: ["runtime", "message-server"], initialState: "0")
        // Absolute times are loose (other tests share the machine); the order is the point:
        // the counter answers while the sleeper still waits in its host call.
        let started = Date()
        let sleeping = Task { () -> ([UInt8], Date) in
            (try await scenario.request(sleeper, Self.sleepRequest(milliseconds: 3000)), Date())
        }
        try await Task.sleep(nanoseconds: 50_000_000)
        #expect(try await scenario.request(counter, "add 3") == "3")
        let counterAnswered = Date()
        let (response, sleeperAnswered) = try await sleeping.value
        #expect(response == [0])
        #expect(sleeperAnswered.timeIntervalSince(started) >= 3.0, "the sleep lasted its duration")
        #expect(counterAnswered < sleeperAnswered, "the counter answered while the other actor slept")
        // A replay answers the sleep from the chain: it does not wait again.
        await scenario.runtime.stop(sleeper.id, reason: "test over")
        let replayStarted = Date()
        let outcome = try await scenario.replay(scenario.runtime.dataDirectory.chainURL(actorID: sleeper.id))
        #expect(Date().timeIntervalSince(replayStarted) < 3.0, "the replay waited for the recorded sleep")
        guard case .identical = outcome else {
            Issue.record("the sleeper's chain should replay identically: \(RuntimeScenario.describe(outcome))")
            return
        }
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func sleepBeyondMaxSleepDurationIsRefusedWithAnError() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("timing-actor", component: TestActors.timing.encoded(),
                                             handlers: ["message-server", "type = \"timing\"\nmax_sleep_duration = 100"])
        #expect(try await scenario.request(actor, Self.sleepRequest(milliseconds: 5000)) == [1])
        let refusal = try scenario.events(of: actor).compactMap { event -> [ComponentValue]? in
            guard case .hostCall(_, "sleep", _, let results) = event else { return nil }
            return results
        }
        #expect(refusal == [[.result(.error(.string("sleep of 5000 ms exceeds max_sleep_duration (100 ms)")))]])
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
