import Foundation
import Testing
@testable import Theater

/// Channels between an `ExternalChannelParticipant` (what a management client is) and an
/// actor (`TestActors.channels`): the actor's `handle-channel-open` decides, messages go both
/// ways, either end closes, the actor's end stopping closes the channel; what the actor saw
/// is in its chain and replays exactly.
@Suite(.timeLimit(.minutes(1))) struct ExternalChannelTests {
    /// What the participant received, in order.
    private final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func append(_ item: String) { lock.withLock { items.append(item) } }
        var all: [String] { lock.withLock { items } }
    }

    private func participant(_ received: Received) -> ExternalChannelParticipant {
        ExternalChannelParticipant(
            onMessage: { channel, sender, bytes in received.append("\(channel) \(sender) \(String(decoding: bytes, as: UTF8.self))") },
            onClose: { channel in received.append("closed \(channel)") })
    }

    private func startAcceptor(_ scenario: RuntimeScenario) async throws -> ActorRuntime {
        try await scenario.start("acceptor", component: TestActors.channels.encoded(), handlers: ["runtime", "message-server"])
    }

    @Test func anExternalParticipantOpensSendsReceivesAndCloses() async throws {
        let scenario = try RuntimeScenario()
        let acceptor = try await startAcceptor(scenario)
        let received = Received()
        let client = participant(received)
        let (channel, first) = try await scenario.runtime.openChannel(from: client, to: acceptor.id, Array("welcome me".utf8)).get()
        #expect(channel.hasPrefix("ch_") && channel.count == 19)
        #expect(channel.dropFirst(3).allSatisfy { "0123456789abcdef".contains($0) })
        #expect(first == Array("welcome".utf8))

        #expect(scenario.runtime.sendOnChannel(channel, from: client, Array("ping".utf8)) == nil)
        #expect(await scenario.eventually { received.all.count == 1 })
        #expect(received.all == ["\(channel) \(acceptor.id) pong"])

        #expect(scenario.runtime.closeChannel(channel, from: client) == nil)
        #expect(await scenario.eventually { scenario.logs.all.count == 3 })
        #expect(scenario.logs.all == ["acceptor: open welcome me", "acceptor: message ping", "acceptor: closed \(channel)"])
        #expect(scenario.runtime.sendOnChannel(channel, from: client, Array("late".utf8)) == .notSupported("no open channel \(channel)"))
        #expect(scenario.runtime.closeChannel(channel, from: client) == .notSupported("no open channel \(channel)"))
        // The participant's own close is not reported back to it.
        #expect(received.all.count == 1)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func theActorRejectingOrMissingIsAnErrorAndAnotherParticipantCannotUseTheChannel() async throws {
        let scenario = try RuntimeScenario()
        let acceptor = try await startAcceptor(scenario)
        let received = Received()
        let client = participant(received)
        let refused = await scenario.runtime.openChannel(from: client, to: acceptor.id, Array("reject me".utf8))
        #expect(throws: MessageError.channelRejected) { try refused.get() }
        let nobody = "00000000-0000-4000-8000-000000000000"
        let missing = await scenario.runtime.openChannel(from: client, to: nobody, Array("hello".utf8))
        #expect(throws: MessageError.unknownActor(nobody)) { try missing.get() }

        let (channel, first) = try await scenario.runtime.openChannel(from: client, to: acceptor.id, Array("hello".utf8)).get()
        #expect(first == nil)
        let intruder = participant(Received())
        #expect(scenario.runtime.sendOnChannel(channel, from: intruder, Array("ping".utf8)) == .notSupported("no open channel \(channel)"))
        #expect(scenario.runtime.closeChannel(channel, from: intruder) == .notSupported("no open channel \(channel)"))
        #expect(scenario.runtime.sendOnChannel(channel, from: client, Array("ping".utf8)) == nil)
        #expect(await scenario.eventually { received.all.count == 1 })
        #expect(scenario.logs.all == ["acceptor: open reject me", "acceptor: open hello", "acceptor: message ping"])
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func theActorClosingOrStoppingClosesTheParticipantsChannel() async throws {
        let scenario = try RuntimeScenario()
        let acceptor = try await startAcceptor(scenario)
        let received = Received()
        let client = participant(received)
        let closedByActor = try await scenario.runtime.openChannel(from: client, to: acceptor.id, Array("one".utf8)).get().channelID
        let closedByStop = try await scenario.runtime.openChannel(from: client, to: acceptor.id, Array("two".utf8)).get().channelID
        // The actor's `c` request closes a channel by id (of any length).
        let answer = try await scenario.request(acceptor, Array(("c" + closedByActor).utf8))
        #expect(answer == [0])
        #expect(received.all == ["closed \(closedByActor)"])
        await scenario.runtime.stop(acceptor.id, reason: "test stops the actor")
        #expect(received.all == ["closed \(closedByActor)", "closed \(closedByStop)"])
        #expect(scenario.runtime.sendOnChannel(closedByStop, from: client, [1]) == .notSupported("no open channel \(closedByStop)"))
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
