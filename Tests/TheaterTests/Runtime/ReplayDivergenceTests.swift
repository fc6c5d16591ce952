import ComponentModel
import Foundation
import Testing
@testable import Theater

/// Replaying a recorded chain with a component that behaves differently stops at the
/// first difference and reports its sequence number and both events.
@Suite(.timeLimit(.minutes(1))) struct ReplayDivergenceTests {
    @Test func aDifferentLogMessageDivergesAtThatHostCall() async throws {
        let scenario = try RuntimeScenario()
        defer { scenario.discard() }
        let actor = try await scenario.start("logger", component: TestActors.logger(greeting: "hello").encoded(),
                                             handlers: ["runtime", "message-server"])
        #expect(scenario.runtime.send(to: actor.id, [1]) == nil)
        await scenario.runtime.shutdown()
        let chain = scenario.runtime.dataDirectory.chainURL(actorID: actor.id)
        #expect(scenario.logs.all == ["logger: hello"])
        guard case .identical = try await scenario.replay(chain) else {
            Issue.record("the recorded component should replay identically")
            return
        }
        let changed = scenario.directory.appendingPathComponent("logger-v2.wasm")
        try Data(TestActors.logger(greeting: "howdy").encoded()).write(to: changed)
        let outcome = try await scenario.replay(chain, replacement: changed)
        guard case .diverged(let divergence) = outcome else {
            Issue.record("a different log message should diverge, got \(RuntimeScenario.describe(outcome))")
            return
        }
        // 0 actor-started, 1 export-call handle-send, 2 the log call.
        #expect(divergence.sequence == 2)
        #expect(divergence.expected == .hostCall(interface: "ntwk:theater/runtime", function: "log",
                                                 arguments: [.string("hello")], results: []))
        #expect(divergence.actual == .hostCall(interface: "ntwk:theater/runtime", function: "log",
                                               arguments: [.string("howdy")], results: []))
        #expect(divergence.description.contains("replay diverged at event 2 (host-call)"))
    }

    @Test func aChangedCounterDivergesAtTheFirstAddsReturn() async throws {
        let scenario = try RuntimeScenario()
        defer { scenario.discard() }
        let counter = try await scenario.start("counter", component: RuntimeScenario.prebuilt("examples/counter/counter.wasm"),
                                               handlers: ["runtime", "message-server"], initialState: "0")
        #expect(try await scenario.request(counter, "get") == "0")
        #expect(try await scenario.request(counter, "add 5") == "5")
        await scenario.runtime.shutdown()
        let chain = scenario.runtime.dataDirectory.chainURL(actorID: counter.id)
        let version2 = RuntimeScenario.repositoryRoot.appendingPathComponent("examples/counter/counter-v2.wasm")
        let outcome = try await scenario.replay(chain, replacement: version2)
        guard case .diverged(let divergence) = outcome else {
            Issue.record("counter-v2 should diverge at the add, got \(RuntimeScenario.describe(outcome))")
            return
        }
        // 0 started, 1 init call, 2 init return, 3/4 get, 5 add's call, 6 add's return.
        #expect(divergence.sequence == 6)
        guard case .exportReturn("message-server-client.handle-request", .ok(_, _, let expected))? = divergence.expected,
              case .exportReturn("message-server-client.handle-request", .ok(_, _, let actual))? = divergence.actual else {
            Issue.record("expected both sides to be handle-request returns: \(divergence)")
            return
        }
        #expect(expected == .option(.bytes(Array("5".utf8))))
        #expect(actual == .option(.bytes(Array("6".utf8))))
    }
}
