import Foundation
import Testing
import Theater
import TheaterServer

/// `ManagementServer` driven over real TCP by a plain socket client: the commands of
/// MANAGEMENT.md against the counter example, in order on one connection.
@Suite(.serialized) struct ManagementServerTests {
    /// Starts the counter and returns its id.
    private func startCounter(_ client: ManagementTestClient, subscribe: Bool = false) async throws -> String {
        let response = try await client.call(.startActor(manifest: ServerHarness.counterManifest, initialState: nil,
                                                   parent: false, subscribe: subscribe))
        guard case .actorStarted(let id) = response else { throw ClientError("expected ActorStarted, got \(response)") }
        return id
    }

    @Test func listActorsIsEmptyOnANewServer() async throws {
        let harness = try await ServerHarness()
        let client = try harness.client()
        #expect(try await client.call(.listActors) == .actorList(actors: []))
        await harness.close()
    }

    @Test func startRequestSendStateStatusAndStop() async throws {
        let harness = try await ServerHarness()
        let client = try harness.client()
        let id = try await startCounter(client)
        #expect(try await client.call(.listActors) == .actorList(actors: [(id: id, name: "counter")]))
        #expect(try await client.call(.requestActorMessage(id: id, data: Array("add 5".utf8)))
                == .requestedMessage(id: id, message: Array("5".utf8)))
        #expect(try await client.call(.sendActorMessage(id: id, data: Array("hi".utf8))) == .sentMessage(id: id))
        #expect(try await client.call(.requestActorMessage(id: id, data: Array("get".utf8)))
                == .requestedMessage(id: id, message: Array("6".utf8)))
        #expect(try await client.call(.getActorState(id: id)) == .actorState(id: id, state: Array("6".utf8)))
        #expect(try await client.call(.getActorStatus(id: id)) == .actorStatus(id: id, status: .running))
        guard case .actorManifest(_, .string(let text)) = try await client.call(.getActorManifest(id: id)) else {
            Issue.record("GetActorManifest did not answer with the manifest text"); return
        }
        #expect(text.contains("component = \"counter.wasm\""))
        guard case .actorMetrics(_, let metrics) = try await client.call(.getActorMetrics(id: id)) else {
            Issue.record("GetActorMetrics did not answer with metrics"); return
        }
        #expect(String(decoding: ManagementJSONWriter.encode(metrics), as: UTF8.self).contains("\"messages_handled\":"))

        #expect(try await client.call(.stopActor(id: id)) == .actorStopped(id: id))
        #expect(try await client.call(.getActorStatus(id: id)) == .actorStatus(id: id, status: .stopped))
        #expect(try await client.call(.getActorState(id: id)) == .error(.actorNotRunning))
        #expect(try await client.call(.listActors) == .actorList(actors: []))
        guard case .actorEvents(_, let events) = try await client.call(.getActorEvents(id: id)) else {
            Issue.record("GetActorEvents did not answer with events"); return
        }
        #expect(events.first?.eventType == "actor-started")
        #expect(events.last?.eventType == "actor-stopped")
        await harness.close()
    }

    @Test func unknownActorsAndUnsupportedCommandsAreErrors() async throws {
        let harness = try await ServerHarness()
        let client = try harness.client()
        let nobody = "00000000-0000-4000-8000-000000000000"
        #expect(try await client.call(.getActorStatus(id: nobody)) == .error(.actorNotFound))
        #expect(try await client.call(.sendActorMessage(id: nobody, data: [1])) == .error(.actorNotFound))
        #expect(try await client.call(.stopActor(id: nobody)) == .error(.actorNotFound))
        #expect(try await client.call(.openChannel(actorID: .actor(nobody), initialMessage: [1])) == .error(.actorNotFound))
        guard case .error(.actorInitializationError) = try await client.call(
            .startActor(manifest: "no/such/manifest.toml", initialState: nil, parent: false, subscribe: false)) else {
            Issue.record("a missing manifest did not answer ActorInitializationError"); return
        }
        await harness.close()
    }

    @Test func subscribersReceiveEventsAndCanUnsubscribe() async throws {
        let harness = try await ServerHarness()
        let client = try harness.client()
        let id = try await startCounter(client)
        guard case .subscribed(id, let subscriptionID) = try await client.call(.subscribeToActor(id: id)) else {
            Issue.record("SubscribeToActor did not answer Subscribed"); return
        }
        // Events come as the actor records them, so they may come before SentMessage too.
        try await client.send(.sendActorMessage(id: id, data: Array("hi".utf8)))
        var types: [String] = []
        var sent = false
        while !sent || !types.contains("export-return") {
            switch try await client.receive() {
            case .actorEvent(let event): types.append(event.eventType)
            case .sentMessage(id): sent = true
            case let other: Issue.record("expected ActorEvent or SentMessage, got \(other)"); return
            }
        }
        #expect(types.contains("export-call"))
        // Events may still come between the unsubscribe and its answer.
        try await client.send(.unsubscribeFromActor(id: id, subscriptionID: subscriptionID))
        var answer = try await client.receive()
        while case .actorEvent = answer { answer = try await client.receive() }
        #expect(answer == .unsubscribed(id: id))
        #expect(try await client.call(.requestActorMessage(id: id, data: Array("get".utf8)))
                == .requestedMessage(id: id, message: Array("1".utf8)))
        await harness.close()
    }

    @Test func startWithSubscribeStreamsEventsThenTheResult() async throws {
        let harness = try await ServerHarness()
        let starter = try harness.client()
        let id = try await startCounter(starter, subscribe: true)
        let other = try harness.client()
        #expect(try await other.call(.stopActor(id: id)) == .actorStopped(id: id))
        var last = try await starter.receive()
        while case .actorEvent = last { last = try await starter.receive() }
        #expect(last == .actorResult(.externalStop(actorID: id)))
        await harness.close()
    }

    @Test func startFromManifestTextThenTerminateAndRestart() async throws {
        let harness = try await ServerHarness()
        let client = try harness.client()
        let component = ServerHarness.packageRoot.appendingPathComponent("examples/counter/counter.wasm").path
        let manifest = """
            name = "inline-counter"
            component = "\(component)"

            [[handler]]
            type = "runtime"

            [[handler]]
            type = "message-server"
            """
        guard case .actorStarted(let id) = try await client.call(
            .startActor(manifest: manifest, initialState: Array("41".utf8), parent: false, subscribe: false)) else {
            Issue.record("the manifest text did not start an actor"); return
        }
        #expect(try await client.call(.listActors) == .actorList(actors: [(id: id, name: "inline-counter")]))
        #expect(try await client.call(.requestActorMessage(id: id, data: Array("add 1".utf8)))
                == .requestedMessage(id: id, message: Array("42".utf8)))
        #expect(try await client.call(.terminateActor(id: id)) == .actorStopped(id: id))
        #expect(try await client.call(.getActorStatus(id: id)) == .actorStatus(id: id, status: .stopped))
        #expect(try await client.call(.restartActor(id: id)) == .restarted(id: id))
        #expect(try await client.call(.getActorStatus(id: id)) == .actorStatus(id: id, status: .running))
        // A restart starts from the initial state again.
        #expect(try await client.call(.getActorState(id: id)) == .actorState(id: id, state: Array("41".utf8)))
        await harness.close()
    }
}
