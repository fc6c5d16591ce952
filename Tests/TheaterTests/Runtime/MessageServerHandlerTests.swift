import ComponentModel
import Foundation
import Testing
@testable import Theater

/// The `message-server` handler's host functions from component-text actors: `send` to
/// another actor (`TestActors.sender`), and requests answered later with
/// `list-outstanding-requests` and `respond-to-request` (`TestActors.deferred`), each in a
/// run that replays identically.
@Suite(.timeLimit(.minutes(1))) struct MessageServerHandlerTests {
    @Test func sendDeliversAMessageToAnotherActor() async throws {
        let scenario = try RuntimeScenario()
        let counter = try await scenario.start("counter", component: RuntimeScenario.prebuilt("examples/counter/counter.wasm"),
                                               handlers: ["runtime", "message-server"], initialState: "0")
        let sender = try await scenario.start("sender", component: TestActors.sender.encoded(), handlers: ["message-server"])
        #expect(try await scenario.request(sender, Array(counter.id.utf8)) == [0])
        #expect(try await scenario.request(sender, Array(counter.id.utf8)) == [0])
        // The sends were queued before the sender answered, so this request comes after them.
        #expect(try await scenario.request(counter, "get") == "2")
        #expect(scenario.logs.all == ["counter: received ping", "counter: received ping"])
        // A send to no actor is the sender's error to handle, not a failure.
        #expect(try await scenario.request(sender, Array("no-such-actor".utf8)) == [1])
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func aRequestLeftUnansweredIsAnsweredByALaterMessage() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("deferred", component: TestActors.deferred.encoded(),
                                             handlers: ["message-server"])
        async let first = scenario.runtime.request(to: actor.id, Array("first".utf8))
        async let second = scenario.runtime.request(to: actor.id, Array("second".utf8))
        // Each handle-request counts itself in the state and leaves its request open.
        #expect(await scenario.eventually { await actor.state() == [2, 0, 0, 0] })
        #expect(scenario.runtime.send(to: actor.id, Array("the answer".utf8)) == nil)
        #expect(await first == .success(Array("the answer".utf8)))
        #expect(await second == .success(Array("the answer".utf8)))
        #expect(await actor.state() == [UInt8(ascii: "a"), 2])
        // Nothing is outstanding any more.
        #expect(scenario.runtime.send(to: actor.id, Array("again".utf8)) == nil)
        #expect(await scenario.eventually { await actor.state() == [UInt8(ascii: "a"), 0] })
        let listed = try scenario.events(of: actor).compactMap { event -> Int? in
            guard case .hostCall(_, "list-outstanding-requests", _, let results) = event,
                  case .list(let ids)? = results.first else { return nil }
            return ids.count
        }
        #expect(listed == [2, 0])
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func aRequestToAnActorWithoutHandleRequestFailsClearlyAndTheActorGoesOn() async throws {
        let scenario = try RuntimeScenario()
        let logger = try await scenario.start("logger", component: TestActors.logger(greeting: "hi").encoded(),
                                              handlers: ["runtime", "message-server"])
        let refused = await scenario.runtime.request(to: logger.id, Array("anything".utf8))
        guard case .failure(.actorFailed(let message)) = refused else {
            Issue.record("the request should fail, got \(refused)")
            return
        }
        #expect(message.contains("does not export message-server-client.handle-request"))
        #expect(scenario.runtime.send(to: logger.id, [1]) == nil)
        #expect(await scenario.eventually { scenario.logs.all == ["logger: hi"] })
        #expect(await logger.exitStatus() == nil)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func requestsStillOpenWhenTheActorStopsFail() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("deferred", component: TestActors.deferred.encoded(),
                                             handlers: ["message-server"])
        async let open = scenario.runtime.request(to: actor.id, Array("never answered".utf8))
        #expect(await scenario.eventually { await actor.state() == [1, 0, 0, 0] })
        await scenario.runtime.stop(actor.id, reason: "test over")
        #expect(await open == .failure(.actorStopped(actor.id)))
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
