import Foundation
import Theater

/// The event subscriptions of one connection, by subscription id. Each runs a task that
/// reads the actor's bounded notice queue and writes `ActorEvent` responses; the task reads
/// the next notice only after the previous write was taken by the channel (see
/// `ResponseWriter`), so a client that stops reading leaves events piling up only in the
/// bounded queue, where the overflow is counted and reported as missed.
final class ManagementSubscriptions: @unchecked Sendable {
    /// The event type of the notice that tells a subscriber how many events it missed.
    static let missedEventType = "theater-server/missed-events"

    private struct Entry {
        let actorID: String
        let feed: ActorEventFeed
        let feedID: UInt64
        let task: Task<Void, Never>
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private let writer: ResponseWriter
    private let capacity: Int
    private let metrics: ManagementServerMetrics

    init(writer: ResponseWriter, capacity: Int, metrics: ManagementServerMetrics) {
        self.writer = writer
        self.capacity = capacity
        self.metrics = metrics
    }

    /// Subscribes to `actor`'s events from now on, writes `announcement(subscriptionID)`
    /// (the command's response, so that it precedes the first event), then streams the
    /// events. When the actor ends and `resultOnEnd` is set, an `ActorResult` follows the
    /// last event.
    func subscribe(to actor: ActorRuntime, resultOnEnd: Bool,
                   announcement: (String) -> ManagementResponse) async throws {
        let subscription = actor.events.subscribe(capacity: capacity)
        let id = UUID().uuidString.lowercased()
        do {
            try await writer.send(announcement(id))
        } catch {
            actor.events.unsubscribe(subscription.id)
            throw error
        }
        start(subscription, id: id, of: actor, resultOnEnd: resultOnEnd)
    }

    /// Starts the task that streams `subscription`, registered as `id`.
    private func start(_ subscription: ActorEventSubscription, id: String, of actor: ActorRuntime, resultOnEnd: Bool) {
        let writer = self.writer
        let metrics = self.metrics
        // The task is created under the lock so that `unsubscribe` always finds it.
        lock.lock()
        defer { lock.unlock() }
        let task = Task {
            for await notice in subscription.notices {
                do {
                    try await writer.send(.actorEvent(event: Self.wireEvent(notice)))
                    metrics.eventStreamed()
                } catch {
                    return  // the connection is gone
                }
            }
            if resultOnEnd, !Task.isCancelled, let exit = await actor.exitStatus() {
                try? await writer.send(.actorResult(Self.result(actor.id, exit)))
            }
        }
        entries[id] = Entry(actorID: actor.id, feed: actor.events, feedID: subscription.id, task: task)
    }

    /// Ends subscription `id` of actor `actorID`; false when there is no such subscription.
    func unsubscribe(_ id: String, actorID: String) -> Bool {
        let entry: Entry? = lock.withLock {
            guard let entry = entries[id], entry.actorID == actorID else { return nil }
            entries[id] = nil
            return entry
        }
        guard let entry else { return false }
        entry.task.cancel()
        entry.feed.unsubscribe(entry.feedID)
        return true
    }

    /// Ends every subscription (the connection closed).
    func cancelAll() {
        let all: [Entry] = lock.withLock {
            defer { entries = [:] }
            return Array(entries.values)
        }
        for entry in all {
            entry.task.cancel()
            entry.feed.unsubscribe(entry.feedID)
        }
    }

    /// A notice as a wire event: an event as recorded, or a made-up event of type
    /// `missedEventType` whose data is the decimal count of the events missed.
    static func wireEvent(_ notice: ActorEventNotice) -> WireChainEvent {
        switch notice {
        case .event(let event):
            return WireChainEvent(event)
        case .missed(let count):
            return WireChainEvent(
                hash: [], parentHash: nil, eventType: missedEventType, data: Array(String(count).utf8),
                timestamp: UInt64(Date().timeIntervalSince1970 * 1000),
                description: "\(count) events missed because this subscriber fell behind; they are in the actor's chain")
        }
    }

    private static func result(_ id: String, _ exit: ActorExit) -> ManagementActorResult {
        switch exit {
        case .failed(let message): return .error(actorID: id, error: message)
        case .shutdown(let data): return .success(actorID: id, result: data)
        case .stopped: return .externalStop(actorID: id)
        }
    }
}
