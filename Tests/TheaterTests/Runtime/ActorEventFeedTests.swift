import Foundation
import Testing
@testable import Theater

/// Subscribing to an actor's events: each event arrives as it is recorded, in chain order;
/// a subscriber that reads nothing never holds the actor up, and learns how many events it
/// missed; subscriptions end with the actor.
@Suite(.timeLimit(.minutes(1))) struct ActorEventFeedTests {
    @Test func aSubscriberGetsTheEventsAsRecordedInChainOrder() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.startCounter()
        let subscription = actor.events.subscribe()
        #expect(try await scenario.request(actor, "add 2") == "2")
        await scenario.runtime.stop(actor.id, reason: "done")
        var received: [ChainEvent] = []
        for await notice in subscription.notices {
            guard case .event(let event) = notice else {
                Issue.record("unexpected \(notice)")
                continue
            }
            received.append(event)
        }
        let chain = try ChainReader.read(at: try #require(actor.chainURL)).events
        // Everything after the subscription began, exactly as in the chain file.
        #expect(received == Array(chain.suffix(received.count)))
        #expect(received.map(\.type) == ["export-call", "export-return", "actor-stopped"])
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func aStalledSubscriberNeitherHoldsTheActorUpNorLosesCountOfWhatItMissed() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.startCounter()
        let stalled = actor.events.subscribe(capacity: 4)
        let reading = actor.events.subscribe(capacity: 10_000)
        #expect(actor.events.count == 2)
        for _ in 0..<1000 { #expect(scenario.runtime.send(to: actor.id, Array("tick".utf8)) == nil) }
        // The actor handles everything while the stalled subscriber reads nothing.
        #expect(try await scenario.request(actor, "get") == "1000")
        await scenario.runtime.stop(actor.id, reason: "done")
        var eventsSeen = 0, missed = 0
        for await notice in stalled.notices {
            switch notice {
            case .event: eventsSeen += 1
            case .missed(let count): missed += count
            }
        }
        #expect(eventsSeen == 4)
        var all = 0
        for await notice in reading.notices { if case .event = notice { all += 1 } }
        // 1000 sends (call, log, return), a request (call, return) and the stop.
        #expect(all == 3003)
        #expect(eventsSeen + missed == all)
        #expect(actor.events.count == 0)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func unsubscribingEndsTheStreamAndSubscribingToAnEndedActorEndsAtOnce() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.startCounter()
        let subscription = actor.events.subscribe()
        actor.events.unsubscribe(subscription.id)
        #expect(actor.events.count == 0)
        var iterator = subscription.notices.makeAsyncIterator()
        #expect(await iterator.next() == nil)
        await scenario.runtime.stop(actor.id, reason: "done")
        let late = actor.events.subscribe()
        var lateIterator = late.notices.makeAsyncIterator()
        #expect(await lateIterator.next() == nil)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
