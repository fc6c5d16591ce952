import ComponentModel
import Foundation
import Testing
@testable import Theater

/// The prebuilt example actors in a live runtime: the counter (`examples/counter`) and the
/// echo and relay benchmark actors (`Benchmarks/actors`), each run replayed afterwards.
@Suite(.timeLimit(.minutes(1))) struct ExampleActorTests {
    @Test func counterAnswersAsDocumentedAndItsRunReplaysIdentically() async throws {
        let scenario = try RuntimeScenario()
        let counter = try await scenario.start("counter", component: RuntimeScenario.prebuilt("examples/counter/counter.wasm"),
                                               handlers: ["runtime", "message-server"], initialState: "0")
        #expect(try await scenario.request(counter, "get") == "0")
        #expect(scenario.runtime.send(to: counter.id, Array("hi".utf8)) == nil)
        #expect(try await scenario.request(counter, "add 5") == "6")
        #expect(try await scenario.request(counter, "get") == "6")
        #expect(try await scenario.request(counter, "add x") == "unknown request")
        let failed = await scenario.runtime.request(to: counter.id, Array("fail".utf8))
        guard case .failure(.actorFailed(let message)) = failed else {
            Issue.record("`fail` should fail the request, got \(failed)")
            return
        }
        #expect(message.contains("asked to fail"))
        // An `err` is the actor's own answer: it keeps running with its state.
        #expect(await counter.state() == Array("6".utf8))
        #expect(await counter.exitStatus() == nil)
        #expect(scenario.logs.all == ["counter: received hi"])
        try await scenario.shutdownAndReplay(expectedChains: 1)
        #expect(await counter.exitStatus() == .stopped("runtime shutting down"))
    }

    @Test func aRequestToTheRelayIsForwardedToEchoAndBothRunsReplayIdentically() async throws {
        let scenario = try RuntimeScenario()
        let echo = try await scenario.start("echo", component: RuntimeScenario.prebuilt("Benchmarks/actors/echo.wasm"),
                                            handlers: ["message-server"])
        let relay = try await scenario.start("relay", component: RuntimeScenario.prebuilt("Benchmarks/actors/relay.wasm"),
                                             handlers: ["message-server"])
        // Without a target the relay refuses with its own error.
        let untargeted = await scenario.runtime.request(to: relay.id, [1, 2, 3])
        guard case .failure(.actorFailed) = untargeted else {
            Issue.record("a relay without a target should fail the request, got \(untargeted)")
            return
        }
        #expect(scenario.runtime.send(to: relay.id, Array(echo.id.utf8)) == nil)
        let payload: [UInt8] = Array("through two actors ✓".utf8) + [0, 255, 7]
        #expect(try await scenario.request(relay, payload) == payload)
        #expect(try await scenario.request(relay, [42]) == [42])
        #expect(await relay.state() == Array(echo.id.utf8))
        // Echo counts sends only; the relay's requests reached it as requests.
        #expect(await echo.state() == [UInt8](repeating: 0, count: 8))
        // The relay's chain holds each forwarded request and echo's answer.
        let requests = try scenario.events(of: relay).compactMap { event -> [ComponentValue]? in
            guard case .hostCall(_, "request", _, let results) = event else { return nil }
            return results
        }
        #expect(requests == [[.result(.ok(.bytes(payload)))], [.result(.ok(.bytes([42])))]])
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }
}
