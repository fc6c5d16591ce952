import Foundation
import Testing
import Theater
import TheaterServer

/// Channels opened by a management client (`OpenChannel`, `SendOnChannel`, `CloseChannel`,
/// streamed `ChannelMessage` / `ChannelClosed`) against the channel-echo fixture
/// (Tests/Fixtures/channel-echo), `NewStore`, and the `parent` / `children` extension of
/// `GetActorMetrics` on the supervision example.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ChannelAndStoreCommandTests {
    static let echoManifest = "Tests/Fixtures/channel-echo/manifest.toml"
    static let supervisorManifest = "examples/supervision/supervisor.toml"

    private func start(_ client: ManagementTestClient, _ manifest: String) async throws -> String {
        let response = try await client.call(.startActor(manifest: manifest, initialState: nil, parent: false, subscribe: false))
        guard case .actorStarted(let id) = response else { throw ClientError("expected ActorStarted, got \(response)") }
        return id
    }

    private func open(_ client: ManagementTestClient, to id: String, _ message: String) async throws -> String {
        let response = try await client.call(.openChannel(actorID: .actor(id), initialMessage: Array(message.utf8)))
        guard case .channelOpened(let channel, .actor(id)) = response else { throw ClientError("expected ChannelOpened, got \(response)") }
        return channel
    }

    private func message(_ channel: String, _ sender: String, _ text: String) -> ManagementResponse {
        .channelMessage(channelID: channel, senderID: .actor(sender), message: Array(text.utf8))
    }

    @Test func aClientOpensAChannelTalksOnItAndClosesIt() async throws {
        let harness = try await ServerHarness()
        let client = try harness.client()
        let id = try await start(client, Self.echoManifest)
        let channel = try await open(client, to: id, "hello")
        #expect(channel.hasPrefix("ch_") && channel.count == 19, "\(channel)")
        #expect(try await client.receive() == message(channel, id, "welcome hello"))

        #expect(try await client.call(.sendOnChannel(channelID: channel, message: Array("one".utf8))) == .messageSent(channelID: channel))
        #expect(try await client.receive() == message(channel, id, "echo: one"))
        #expect(try await client.call(.sendOnChannel(channelID: channel, message: Array("two".utf8))) == .messageSent(channelID: channel))
        #expect(try await client.receive() == message(channel, id, "echo: two"))

        #expect(try await client.call(.closeChannel(channelID: channel)) == .channelClosed(channelID: channel))
        #expect(try await client.call(.sendOnChannel(channelID: channel, message: [1])) == .error(.channelClosed))
        #expect(try await client.call(.closeChannel(channelID: channel)) == .error(.channelClosed))
        #expect(try await client.call(.sendOnChannel(channelID: "ch_0123456789abcdef", message: [1])) == .error(.channelNotFound))

        // The actor saw the opening, both messages and the close, in its chain.
        #expect(await harness.runtime.waitUntilIdle())
        guard case .actorEvents(_, let events) = try await client.call(.getActorEvents(id: id)) else {
            Issue.record("GetActorEvents did not answer with events"); return
        }
        let calls = events.compactMap { $0.description }.filter { $0.contains("handle-channel") }
        #expect(calls.count >= 4, "\(calls)")
        await harness.close()
    }

    @Test func theActorRejectingOrClosingAndBadTargetsAreAnswered() async throws {
        let harness = try await ServerHarness()
        let client = try harness.client()
        let id = try await start(client, Self.echoManifest)
        #expect(try await client.call(.openChannel(actorID: .actor(id), initialMessage: Array("reject me".utf8)))
                == .error(.channelRejected))
        guard case .error(.invalidRequest(let reason)) = try await client.call(.openChannel(actorID: .external, initialMessage: [])) else {
            Issue.record("OpenChannel to External was not InvalidRequest"); return
        }
        #expect(reason.contains("External"))

        // "close" makes the actor close the channel: the client hears ChannelClosed after MessageSent.
        let channel = try await open(client, to: id, "hi")
        #expect(try await client.receive() == message(channel, id, "welcome hi"))
        #expect(try await client.call(.sendOnChannel(channelID: channel, message: Array("close".utf8))) == .messageSent(channelID: channel))
        #expect(try await client.receive() == .channelClosed(channelID: channel))
        #expect(try await client.call(.sendOnChannel(channelID: channel, message: [1])) == .error(.channelClosed))

        // Stopping the actor closes a channel still open.
        let other = try await open(client, to: id, "again")
        #expect(try await client.receive() == message(other, id, "welcome again"))
        // The channel closes while the actor stops: its notice may come before the answer.
        let stopped = [try await client.call(.stopActor(id: id)), try await client.receive()]
        #expect(stopped.contains(.actorStopped(id: id)) && stopped.contains(.channelClosed(channelID: other)), "\(stopped)")
        await harness.close()
    }

    /// Starts the echo actor and opens a channel to it from a client that then disconnects.
    private func openAndDisconnect(_ harness: ServerHarness) async throws -> (actor: String, channel: String) {
        let owner = try harness.client()
        let id = try await start(owner, Self.echoManifest)
        let channel = try await open(owner, to: id, "mine")
        #expect(try await owner.receive() == message(channel, id, "welcome mine"))
        let stranger = try harness.client()
        #expect(try await stranger.call(.sendOnChannel(channelID: channel, message: [1])) == .error(.channelNotFound))
        #expect(try await stranger.call(.closeChannel(channelID: channel)) == .error(.channelNotFound))
        return (id, channel)  // `owner` goes away here: its socket closes
    }

    @Test func aChannelClosesWhenItsClientDisconnectsAndOtherClientsCannotUseIt() async throws {
        let harness = try await ServerHarness()
        let (id, channel) = try await openAndDisconnect(harness)
        let observer = try harness.client()
        // The actor is told: its handle-channel-close logs "closed <channel>" (a chain event).
        let closed = await eventually {
            guard case .actorEvents(_, let events)? = try? await observer.call(.getActorEvents(id: id)) else { return false }
            return events.contains { String(decoding: $0.data, as: UTF8.self).contains("closed \(channel)") }
        }
        #expect(closed)
        await harness.close()
    }

    @Test func newStoreCreatesAStoreActorsCanOpen() async throws {
        let harness = try await ServerHarness()
        let client = try harness.client()
        guard case .storeCreated(let first) = try await client.call(.newStore),
              case .storeCreated(let second) = try await client.call(.newStore) else {
            Issue.record("NewStore did not answer StoreCreated"); return
        }
        #expect(first != second)
        let stores = ActorStores(root: harness.runtime.dataDirectory.actorStoresDirectory, maximumContentBytes: 1024)
        #expect(throws: Never.self) { try stores.open(first) }
        #expect(throws: Never.self) { try stores.open(second) }
        await harness.close()
    }

    @Test func metricsNameTheParentAndChildren() async throws {
        let harness = try await ServerHarness()
        let client = try harness.client()
        let supervisor = try await start(client, Self.supervisorManifest)
        guard case .actorMetrics(_, let metrics) = try await client.call(.getActorMetrics(id: supervisor)) else {
            Issue.record("GetActorMetrics did not answer with metrics"); return
        }
        let children = harness.runtime.children(of: supervisor)
        #expect(children.count == 3)
        let text = String(decoding: ManagementJSONWriter.encode(metrics), as: UTF8.self)
        #expect(text.contains("\"parent\":null"), "\(text)")
        #expect(text.contains("\"children\":[\"\(children.joined(separator: "\",\""))\"]"), "\(text)")
        guard case .actorMetrics(_, let childMetrics) = try await client.call(.getActorMetrics(id: children[0])) else {
            Issue.record("GetActorMetrics did not answer with metrics"); return
        }
        let childText = String(decoding: ManagementJSONWriter.encode(childMetrics), as: UTF8.self)
        #expect(childText.contains("\"parent\":\"\(supervisor)\""), "\(childText)")
        #expect(childText.contains("\"children\":[]"), "\(childText)")
        await harness.close()
    }

    private func eventually(seconds: Double = 20, _ condition: () async -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if await condition() { return true }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
        return await condition()
    }
}
