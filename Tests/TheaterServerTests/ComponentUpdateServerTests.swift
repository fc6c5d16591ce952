import Foundation
import Testing
import Theater
import TheaterServer

/// `UpdateActorComponent {id, component}` over the wire: the counter becomes counter-v2
/// under the same id with its state; a component that does not fit is refused with the old
/// one still answering; unknown and ended actors get the protocol's errors.
@Suite(.serialized) struct ComponentUpdateServerTests {
    /// Starts the counter and returns its id.
    private func startCounter(_ client: ManagementTestClient) async throws -> String {
        let response = try await client.call(.startActor(manifest: ServerHarness.counterManifest, initialState: nil,
                                                         parent: false, subscribe: false))
        guard case .actorStarted(let id) = response else { throw ClientError("expected ActorStarted, got \(response)") }
        return id
    }

    private func request(_ client: ManagementTestClient, _ id: String, _ text: String) async throws -> ManagementResponse {
        try await client.call(.requestActorMessage(id: id, data: Array(text.utf8)))
    }

    @Test func theCounterBecomesCounterV2WithItsIDAndState() async throws {
        let harness = try await ServerHarness()
        let client = try harness.client()
        let id = try await startCounter(client)
        #expect(try await request(client, id, "add 5") == .requestedMessage(id: id, message: Array("5".utf8)))
        // Relative to the server's working directory (the package root in the harness).
        #expect(try await client.call(.updateActorComponent(id: id, component: "examples/counter/counter-v2.wasm"))
                == .actorComponentUpdated(id: id))
        #expect(try await client.call(.listActors) == .actorList(actors: [(id: id, name: "counter")]))
        #expect(try await client.call(.getActorState(id: id)) == .actorState(id: id, state: Array("5".utf8)))
        #expect(try await request(client, id, "add 1") == .requestedMessage(id: id, message: Array("7".utf8)),
                "counter-v2 adds N + 1")
        // And back, by absolute path.
        let original = ServerHarness.packageRoot.appendingPathComponent("examples/counter/counter.wasm").path
        #expect(try await client.call(.updateActorComponent(id: id, component: original)) == .actorComponentUpdated(id: id))
        #expect(try await request(client, id, "add 1") == .requestedMessage(id: id, message: Array("8".utf8)))
        await harness.close()
    }

    @Test func aComponentMissingTheRequiredExportsIsRefusedAndTheOldOneKeepsRunning() async throws {
        let harness = try await ServerHarness()
        let client = try harness.client()
        let id = try await startCounter(client)
        #expect(try await client.call(.sendActorMessage(id: id, data: Array("hi".utf8))) == .sentMessage(id: id))
        // An empty component (preamble only): it exports nothing the message-server handler calls.
        let empty = harness.dataDirectory.appendingPathComponent("empty.wasm")
        try Data([0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00]).write(to: empty)
        let refused = try await client.call(.updateActorComponent(id: id, component: empty.path))
        guard case .error(.actorError(let text)) = refused else {
            Issue.record("expected an ActorError, got \(refused)"); await harness.close(); return
        }
        #expect(text.contains("cannot update the component of actor \(id)"), "\(text)")
        #expect(text.contains("exports no Theater interface"), "\(text)")
        #expect(text.contains("the old component keeps running"), "\(text)")
        let missing = try await client.call(.updateActorComponent(id: id, component: "examples/counter/nowhere.wasm"))
        guard case .error(.actorError(let missingText)) = missing else {
            Issue.record("expected an ActorError, got \(missing)"); await harness.close(); return
        }
        #expect(missingText.contains("there is no file at \(ServerHarness.packageRoot.path)/examples/counter/nowhere.wasm"),
                "\(missingText)")
        #expect(try await client.call(.getActorStatus(id: id)) == .actorStatus(id: id, status: .running))
        #expect(try await request(client, id, "add 1") == .requestedMessage(id: id, message: Array("2".utf8)),
                "the old counter, with its state")
        await harness.close()
    }

    @Test func unknownAndEndedActorsGetTheProtocolsErrors() async throws {
        let harness = try await ServerHarness()
        let client = try harness.client()
        let v2 = "examples/counter/counter-v2.wasm"
        #expect(try await client.call(.updateActorComponent(id: "7f1c2a4e-0b5d-4c1e-9a3f-2d6b8e0c4a11", component: v2))
                == .error(.actorNotFound))
        let id = try await startCounter(client)
        #expect(try await client.call(.stopActor(id: id)) == .actorStopped(id: id))
        #expect(try await client.call(.updateActorComponent(id: id, component: v2)) == .error(.actorNotRunning))
        await harness.close()
    }
}
