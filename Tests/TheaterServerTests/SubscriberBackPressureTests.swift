import Foundation
import Testing
import Theater
import TheaterServer

/// A subscriber that reads nothing must not stall the actor, the other clients or the
/// server's memory: its events queue up to a bound, the rest are counted, and when it
/// reads again it is told how many it missed.
@Suite(.serialized) struct SubscriberBackPressureTests {
    @Test func aStalledSubscriberIsToldWhatItMissedAndStallsNobody() async throws {
        // Generous time limits: the whole test suite shares two cores with this test, and the
        // server's tasks may wait seconds for a thread.
        let harness = try await ServerHarness(subscriptionCapacity: 8)
        let driver = try harness.client()
        guard case .actorStarted(let id) = try await driver.call(
            .startActor(manifest: ServerHarness.counterManifest, initialState: nil, parent: false, subscribe: false)) else {
            Issue.record("the counter did not start"); return
        }
        let stalled = try harness.client(receiveBuffer: 4096)
        try await stalled.send(.subscribeToActor(id: id))

        // 3,000 messages of 1 KiB: several MiB of events, far past the socket buffers.
        let message = [UInt8](repeating: UInt8(ascii: "x"), count: 1024)
        var sent = 0
        for _ in 0..<3000 {
            if case .sentMessage = try await driver.call(.sendActorMessage(id: id, data: message), timeout: 60) { sent += 1 }
        }
        #expect(sent > 0)
        let deadline = Date().addingTimeInterval(30)
        var handled = 0
        while Date() < deadline {
            guard case .requestedMessage(_, let count) = try await driver.call(.requestActorMessage(id: id, data: Array("get".utf8)))
            else { Issue.record("get failed"); return }
            handled = Int(String(decoding: count, as: UTF8.self)) ?? 0
            if handled >= sent { break }
        }
        #expect(handled == sent, "the actor handled \(handled) of \(sent) sends")

        // Now the stalled subscriber reads: Subscribed, some events, then a missed notice.
        guard case .subscribed = try await stalled.receive() else { Issue.record("expected Subscribed"); return }
        var missed = 0
        var events = 0
        while missed == 0, events < 20_000 {
            guard case .actorEvent(let event) = try await stalled.receive(timeout: 60) else {
                Issue.record("expected ActorEvent"); return
            }
            events += 1
            if event.eventType == "theater-server/missed-events" {
                missed = Int(String(decoding: event.data, as: UTF8.self)) ?? -1
            }
        }
        #expect(missed > 0, "no missed-events notice after \(events) events")
        await harness.close()
    }
}
