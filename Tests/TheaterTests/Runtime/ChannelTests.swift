import ComponentModel
import Foundation
import Testing
@testable import Theater

/// Channels between two component-text actors (`TestActors.channels`): `open-channel`
/// answered by the target's `handle-channel-open` (accepted, accepted with a first message
/// back, or refused), messages both ways with `send-on-channel` to `handle-channel-message`,
/// and `close-channel` (or the other end stopping) reaching `handle-channel-close`; a closed,
/// unknown or foreign channel is an `err`. Every run's chains replay identically.
@Suite(.timeLimit(.minutes(1))) struct ChannelTests {
    /// A response of `TestActors.channels`: the result's tag (0 ok, 1 err) and its text.
    private struct Tagged: Equatable {
        let tag: UInt8
        let text: String
    }

    private func tagged(_ response: [UInt8]) -> Tagged {
        Tagged(tag: response.first ?? 255, text: String(decoding: response.dropFirst(), as: UTF8.self))
    }

    private func startPair(_ scenario: RuntimeScenario) async throws -> (opener: ActorRuntime, acceptor: ActorRuntime) {
        let component = try TestActors.channels.encoded()
        let opener = try await scenario.start("opener", component: component, handlers: ["runtime", "message-server"])
        let acceptor = try await scenario.start("acceptor", component: component, handlers: ["runtime", "message-server"])
        return (opener, acceptor)
    }

    private func open(_ scenario: RuntimeScenario, from actor: ActorRuntime, to target: String,
                      _ message: String) async throws -> Tagged {
        tagged(try await scenario.request(actor, Array(("o" + target + message).utf8)))
    }

    private func send(_ scenario: RuntimeScenario, from actor: ActorRuntime, on channel: String,
                      _ message: String) async throws -> Tagged {
        tagged(try await scenario.request(actor, Array(("s" + channel + message).utf8)))
    }

    private func close(_ scenario: RuntimeScenario, from actor: ActorRuntime, _ channel: String) async throws -> Tagged {
        tagged(try await scenario.request(actor, Array(("c" + channel).utf8)))
    }

    @Test func anAcceptedChannelCarriesMessagesBothWaysAndTheCloseReachesTheOtherEnd() async throws {
        let scenario = try RuntimeScenario()
        let (opener, acceptor) = try await startPair(scenario)
        let opened = try await open(scenario, from: opener, to: acceptor.id, "hello")
        #expect(opened.tag == 0, "open-channel: \(opened.text)")
        let channel = opened.text
        #expect(channel.count == 36)
        #expect(scenario.logs.all == ["acceptor: open hello"])

        // The acceptor answers `ping` with `pong` on the same channel.
        #expect(try await send(scenario, from: opener, on: channel, "ping") == Tagged(tag: 0, text: ""))
        #expect(await scenario.eventually { scenario.logs.all.count == 3 })
        #expect(scenario.logs.all == ["acceptor: open hello", "acceptor: message ping", "opener: message pong"])

        #expect(try await close(scenario, from: opener, channel) == Tagged(tag: 0, text: ""))
        #expect(await scenario.eventually { scenario.logs.all.count == 4 })
        #expect(scenario.logs.all.last == "acceptor: closed \(channel)")

        // Closed: neither end can use it any more.
        let late = try await send(scenario, from: opener, on: channel, "late")
        #expect(late == Tagged(tag: 1, text: "no open channel \(channel)"))
        #expect(try await send(scenario, from: acceptor, on: channel, "late") == late)
        #expect(try await close(scenario, from: opener, channel) == Tagged(tag: 1, text: "no open channel \(channel)"))
        #expect(scenario.logs.all.count == 4)

        let openerCalls = try scenario.events(of: opener).compactMap { event -> String? in
            guard case .hostCall("ntwk:theater/message-server-host", let function, _, _) = event else { return nil }
            return function
        }
        #expect(openerCalls == ["open-channel", "send-on-channel", "close-channel", "send-on-channel", "close-channel"])
        let acceptorExports = try scenario.events(of: acceptor).compactMap { event -> String? in
            guard case .exportCall(let function, _) = event else { return nil }
            return function
        }
        #expect(acceptorExports == ["message-server-client.handle-channel-open", "message-server-client.handle-channel-message",
                                    "message-server-client.handle-channel-close", "message-server-client.handle-request"])
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func aRefusedChannelIsAnErrorForTheOpenerAndUnknownTargetsAndChannelsAreErrors() async throws {
        let scenario = try RuntimeScenario()
        let (opener, acceptor) = try await startPair(scenario)
        let refused = try await open(scenario, from: opener, to: acceptor.id, "reject me")
        #expect(refused.tag == 1)
        #expect(refused.text.contains("rejected the channel"), "\(refused.text)")
        #expect(scenario.logs.all == ["acceptor: open reject me"])

        let nobody = "00000000-0000-4000-8000-000000000000"
        #expect(try await open(scenario, from: opener, to: nobody, "hello") == Tagged(tag: 1, text: "no actor with id \(nobody)"))
        let madeUp = "11111111-1111-4111-8111-111111111111"
        #expect(try await send(scenario, from: opener, on: madeUp, "x") == Tagged(tag: 1, text: "no open channel \(madeUp)"))
        #expect(try await close(scenario, from: opener, madeUp) == Tagged(tag: 1, text: "no open channel \(madeUp)"))
        #expect(scenario.logs.all == ["acceptor: open reject me"])
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func anActorAtNeitherEndCannotUseAChannel() async throws {
        let scenario = try RuntimeScenario()
        let (opener, acceptor) = try await startPair(scenario)
        let outsider = try await scenario.start("outsider", component: TestActors.channels.encoded(),
                                                handlers: ["runtime", "message-server"])
        let channel = try await open(scenario, from: opener, to: acceptor.id, "hello").text
        let refusal = Tagged(tag: 1, text: "no open channel \(channel)")
        #expect(try await send(scenario, from: outsider, on: channel, "sneaky") == refusal)
        #expect(try await close(scenario, from: outsider, channel) == refusal)
        // The channel is still open between its ends.
        #expect(try await send(scenario, from: opener, on: channel, "still here") == Tagged(tag: 0, text: ""))
        #expect(await scenario.eventually { scenario.logs.all.count == 2 })
        #expect(scenario.logs.all == ["acceptor: open hello", "acceptor: message still here"])
        try await scenario.shutdownAndReplay(expectedChains: 3)
    }

    @Test func theAcceptorsFirstMessageArrivesAndTheAcceptorCanClose() async throws {
        let scenario = try RuntimeScenario()
        let (opener, acceptor) = try await startPair(scenario)
        let opened = try await open(scenario, from: opener, to: acceptor.id, "welcome me")
        #expect(opened.tag == 0, "open-channel: \(opened.text)")
        let channel = opened.text
        #expect(await scenario.eventually { scenario.logs.all.count == 2 })
        #expect(scenario.logs.all == ["acceptor: open welcome me", "opener: message welcome"])

        // The accepting end sends and closes too.
        #expect(try await send(scenario, from: acceptor, on: channel, "from the acceptor") == Tagged(tag: 0, text: ""))
        #expect(try await close(scenario, from: acceptor, channel) == Tagged(tag: 0, text: ""))
        #expect(await scenario.eventually { scenario.logs.all.count == 4 })
        #expect(Array(scenario.logs.all.suffix(2)) == ["opener: message from the acceptor", "opener: closed \(channel)"])
        #expect(try await send(scenario, from: opener, on: channel, "late") == Tagged(tag: 1, text: "no open channel \(channel)"))
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func aChannelClosesWhenTheOtherEndStops() async throws {
        let scenario = try RuntimeScenario()
        let (opener, acceptor) = try await startPair(scenario)
        let channel = try await open(scenario, from: opener, to: acceptor.id, "hello").text
        await scenario.runtime.stop(acceptor.id, reason: "test stops the acceptor")
        #expect(await scenario.eventually { scenario.logs.all.count == 2 })
        #expect(scenario.logs.all == ["acceptor: open hello", "opener: closed \(channel)"])
        #expect(try await send(scenario, from: opener, on: channel, "anyone?") == Tagged(tag: 1, text: "no open channel \(channel)"))
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }
}
