import ComponentModel
import Foundation
import Testing
@testable import Theater

/// The `runtime` handler from a component-text actor (`TestActors.runtime`): `log`,
/// `get-state` and `shutdown`, each in a run that replays identically.
@Suite(.timeLimit(.minutes(1))) struct RuntimeHandlerTests {
    private func startActor(_ scenario: RuntimeScenario) async throws -> ActorRuntime {
        try await scenario.start("runtime-actor", component: TestActors.runtime.encoded(),
                                 handlers: ["runtime", "message-server"], initialState: "hello")
    }

    @Test func logLinesReachTheLogSinkAndTheChain() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await startActor(scenario)
        #expect(try await scenario.request(actor, Array("lfirst line".utf8)) == [10, 0, 0, 0])
        #expect(try await scenario.request(actor, Array("lsecond: ✓".utf8)) == [11, 0, 0, 0])
        #expect(scenario.logs.all == ["runtime-actor: first line", "runtime-actor: second: ✓"])
        let logged = try scenario.events(of: actor).compactMap { event -> [ComponentValue]? in
            guard case .hostCall("ntwk:theater/runtime", "log", let arguments, _) = event else { return nil }
            return arguments
        }
        #expect(logged == [[.string("first line")], [.string("second: ✓")]])
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func getStateReturnsTheStateTheCallStartedWith() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await startActor(scenario)
        #expect(try await scenario.request(actor, "g") == "hello")
        #expect(try await scenario.request(actor, "xnew state") == "xnew state")
        #expect(try await scenario.request(actor, "g") == "xnew state")
        #expect(await actor.state() == Array("xnew state".utf8))
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func shutdownStopsTheActorAfterItsCurrentCall() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await startActor(scenario)
        // The call that asks to shut down still answers.
        #expect(try await scenario.request(actor, Array("sfinal words".utf8)) == [0])
        #expect(await scenario.eventually { await actor.exitStatus() != nil })
        #expect(await actor.exitStatus() == .shutdown(Array("final words".utf8)))
        #expect(scenario.runtime.actor(actor.id) == nil)
        let after = await scenario.runtime.request(to: actor.id, Array("g".utf8))
        #expect(after == .failure(.unknownActor(actor.id)) || after == .failure(.actorStopped(actor.id)))
        let events = try scenario.events(of: actor)
        guard case .actorStopped(let reason)? = events.last else {
            Issue.record("the chain should end with actor-stopped, got \(String(describing: events.last))")
            return
        }
        #expect(reason == ActorExit.shutdown(nil).description)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
