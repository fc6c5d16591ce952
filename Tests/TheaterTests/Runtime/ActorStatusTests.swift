import Foundation
import Testing
@testable import Theater

/// What the server asks the runtime about an actor: its status (running, stopped, failed)
/// after it ended too, its manifest, its metrics, and restarting it under the same id.
@Suite(.timeLimit(.minutes(1))) struct ActorStatusTests {
    @Test func statusFollowsTheActorThroughItsLife() async throws {
        let scenario = try RuntimeScenario()
        let stopped = try await scenario.startCounter()
        let failed = try await scenario.startCounter()
        #expect(scenario.runtime.status(of: stopped.id) == .running)
        #expect(scenario.runtime.status(of: "no-such-actor") == nil)
        await scenario.runtime.stop(stopped.id, reason: "asked to")
        #expect(scenario.runtime.status(of: stopped.id) == .stopped("asked to"))
        #expect(scenario.runtime.manifest(of: stopped.id)?.name == "counter")
        // The counter answers "fail" with err, which does not end it; a trap does.
        _ = await scenario.runtime.request(to: failed.id, Array("fail".utf8))
        #expect(scenario.runtime.status(of: failed.id) == .running)
        try await scenario.shutdownAndReplay(expectedChains: 2)
        #expect(scenario.runtime.status(of: failed.id)?.name == "Stopped")
    }

    @Test func metricsCountWhatTheActorHandled() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.startCounter()
        for _ in 0..<5 { #expect(scenario.runtime.send(to: actor.id, Array("x".utf8)) == nil) }
        #expect(try await scenario.request(actor, "get") == "5")
        let metrics = await actor.metrics()
        #expect(metrics.messagesHandled == 6)
        #expect(metrics.stateSize == 1)
        #expect(metrics.subscribers == 0)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func restartingATopLevelActorStartsItAgainUnderTheSameID() async throws {
        let scenario = try RuntimeScenario()
        let first = try await scenario.startCounter()
        #expect(try await scenario.request(first, "add 3") == "3")
        let second = try await scenario.runtime.restart(first.id)
        #expect(second.id == first.id)
        #expect(second !== first)
        #expect(await first.exitStatus() == .stopped("restarted"))
        #expect(try await scenario.request(second, "get") == "0")
        #expect(second.chainURL == scenario.runtime.dataDirectory.chainURL(actorID: first.id, incarnation: 1))
        // Once stopped, it can be restarted too.
        await scenario.runtime.stop(second.id, reason: "done")
        let third = try await scenario.runtime.restart(first.id)
        #expect(third.chainURL == scenario.runtime.dataDirectory.chainURL(actorID: first.id, incarnation: 2))
        await #expect(throws: ActorStartError.self) { try await scenario.runtime.restart("no-such-actor") }
        try await scenario.shutdownAndReplay(expectedChains: 3)
    }
}
