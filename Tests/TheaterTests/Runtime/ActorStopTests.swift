import Foundation
import Testing
@testable import Theater

/// Stopping an actor that is waiting in a host call: a stop cannot wait for an hour-long
/// sleep, so past its grace period the wait is cut short, recorded, and the chain replays.
@Suite struct ActorStopTests {
    /// `handle-send` sleeps for a minute.
    static let longSleeper = TestActorComponent(imports: [.sleep], exports: [.handleSend], body: """
        (func (export "handle-send") \(TestActors.sendParams)
          (call $timing.sleep (i64.const 60000) (i32.const 512))
          (call $ok \(TestActors.keep)))
        """)

    @Test func shutdownInterruptsAnActorSleepingForAMinuteAndTheRunReplays() async throws {
        let scenario = try RuntimeScenario()
        defer { scenario.discard() }
        let sleeper = try await scenario.start("long-sleeper", component: Self.longSleeper.encoded(),
                                               handlers: ["timing", "message-server"])
        #expect(scenario.runtime.send(to: sleeper.id, [1]) == nil)
        // Give the actor time to enter its sleep (its events are not written until it stops).
        try await Task.sleep(nanoseconds: 300_000_000)
        let started = Date()
        await scenario.runtime.shutdown()
        #expect(Date().timeIntervalSince(started) < 20, "the stop waited for the sleep")
        let chain = try #require(scenario.chainURLs.first)
        guard case .verified = ChainVerifier.verify(at: chain) else {
            Issue.record("the chain does not verify")
            return
        }
        guard case .identical = try await scenario.replay(chain) else {
            Issue.record("the run does not replay identically")
            return
        }
        // The cut-short sleep is on the record: the call trapped, then the actor stopped.
        let events = try scenario.events(at: chain)
        #expect(events.contains {
            if case .exportReturn(_, .trapped) = $0 { return true }
            return false
        }, "\(events.map(\.summary))")
        guard case .actorStopped? = events.last else {
            Issue.record("the chain does not end with actor-stopped: \(events.map(\.typeName))")
            return
        }
    }
}
