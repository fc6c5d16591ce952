import ComponentModel
import Foundation
import Testing
@testable import Theater

/// An actor that sends a request, or opens a channel, to itself would wait forever for a
/// call that cannot start before its own returns: both are refused with an `err` at once,
/// and the actor goes on. Each run replays identically.
@Suite(.timeLimit(.minutes(1))) struct SelfAddressedMessageTests {
    private static let refusal = "an actor cannot wait for an answer from itself"

    @Test func openingAChannelToItselfIsRefusedAtOnce() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("loner", component: TestActors.channels.encoded(),
                                             handlers: ["runtime", "message-server"])
        let response = try await scenario.request(actor, Array(("o" + actor.id + "hello").utf8))
        #expect(response.first == 1)
        let message = String(decoding: response.dropFirst(), as: UTF8.self)
        #expect(message.hasPrefix("open-channel: " + Self.refusal), "\(message)")
        // Its handle-channel-open never ran, and the actor still answers.
        #expect(scenario.logs.all.isEmpty)
        let nobody = "00000000-0000-4000-8000-000000000000"
        #expect(try await scenario.request(actor, Array(("c" + nobody).utf8)).first == 1)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func aRelayPointedAtItselfFailsTheRequestInsteadOfWaitingForever() async throws {
        let scenario = try RuntimeScenario()
        let relay = try await scenario.start("relay", component: RuntimeScenario.prebuilt("Benchmarks/actors/relay.wasm"),
                                             handlers: ["message-server"])
        #expect(scenario.runtime.send(to: relay.id, Array(relay.id.utf8)) == nil)
        let forwarded = await scenario.runtime.request(to: relay.id, Array("to myself".utf8))
        guard case .failure(.actorFailed(let message)) = forwarded else {
            Issue.record("the relay should fail the request with the refusal, got \(forwarded)")
            return
        }
        #expect(message.contains("request: " + Self.refusal), "\(message)")
        #expect(await relay.exitStatus() == nil)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
