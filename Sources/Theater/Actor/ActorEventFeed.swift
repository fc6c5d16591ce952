import Foundation
import Synchronization

/// The chain events of one actor as they are recorded, for any number of subscribers (the
/// server's `SubscribeToActor`, `theater subscribe`, `logs --follow`).
///
/// Back-pressure is per subscriber: each has a bounded queue, and an event that does not
/// fit is dropped for that subscriber alone and counted; the subscriber then gets a
/// `missed(n)` notice where the events were dropped (they remain in the chain). Publishing
/// never waits, so a slow or stalled subscriber never slows the actor or the other
/// subscribers. With no subscriber, publishing costs one atomic load.
public final class ActorEventFeed: @unchecked Sendable {
    private let lock = NSLock()
    private var queues: [UInt64: ActorEventNotices] = [:]
    private var nextID: UInt64 = 0
    private var ended = false
    private let subscriberCount = Atomic<Int>(0)

    /// The default number of notices a subscriber's queue holds.
    public static let defaultCapacity = 1024

    init() {}

    /// A new subscription to the events recorded from now on; its notices end when the
    /// actor ends or `unsubscribe` is called.
    public func subscribe(capacity: Int = ActorEventFeed.defaultCapacity) -> ActorEventSubscription {
        let queue = ActorEventNotices(capacity: max(1, capacity))
        let id: UInt64 = lock.withLock {
            nextID += 1
            if ended {
                queue.finish()
            } else {
                queues[nextID] = queue
                subscriberCount.add(1, ordering: .relaxed)
            }
            return nextID
        }
        return ActorEventSubscription(id: id, notices: queue)
    }

    /// Ends subscription `id` (its notices end after what is queued).
    public func unsubscribe(_ id: UInt64) {
        let removed: ActorEventNotices? = lock.withLock {
            let removed = queues.removeValue(forKey: id)
            if removed != nil { subscriberCount.subtract(1, ordering: .relaxed) }
            return removed
        }
        removed?.finish()
    }

    /// How many subscriptions are open.
    public var count: Int { subscriberCount.load(ordering: .relaxed) }

    /// Hands `event` to every subscriber that has room; never waits.
    func publish(_ event: ChainEvent) {
        guard subscriberCount.load(ordering: .relaxed) > 0 else { return }
        let current = lock.withLock { Array(queues.values) }
        for queue in current { queue.offer(event) }
    }

    /// The actor ended: every subscription ends after what it has queued.
    func finish() {
        let all: [ActorEventNotices] = lock.withLock {
            ended = true
            let all = Array(queues.values)
            queues = [:]
            subscriberCount.store(0, ordering: .relaxed)
            return all
        }
        for queue in all { queue.finish() }
    }
}

/// One subscription to an actor's events: its id (for unsubscribing) and the notices.
public struct ActorEventSubscription: Sendable {
    /// The subscription's id, unique for its actor.
    public let id: UInt64
    /// The events as they are recorded, and notices of events this subscriber missed.
    public let notices: ActorEventNotices
}

/// What a subscriber receives.
public enum ActorEventNotice: Sendable, Equatable {
    /// An event, as recorded.
    case event(ChainEvent)
    /// This many events were dropped here because the subscriber's queue was full; they are
    /// in the actor's chain.
    case missed(Int)
}

/// One subscriber's bounded queue of notices, read as an async sequence (by one reader).
public final class ActorEventNotices: AsyncSequence, @unchecked Sendable {
    public typealias Element = ActorEventNotice

    private let lock = NSLock()
    private let capacity: Int
    private var queue: [ActorEventNotice] = []
    private var head = 0
    private var missed = 0
    private var finished = false
    private var waiting: CheckedContinuation<ActorEventNotice?, Never>?

    init(capacity: Int) { self.capacity = capacity }

    private var queuedCount: Int { queue.count - head }

    /// Queues `event`, or counts it as missed when the queue is full. Never waits.
    func offer(_ event: ChainEvent) {
        lock.lock()
        guard !finished else { lock.unlock(); return }
        if let waiting {
            // The reader waits on an empty queue: nothing can have been missed since.
            self.waiting = nil
            lock.unlock()
            waiting.resume(returning: .event(event))
            return
        }
        if missed > 0, queuedCount < capacity {
            queue.append(.missed(missed))
            missed = 0
        }
        if missed == 0, queuedCount < capacity { queue.append(.event(event)) } else { missed += 1 }
        lock.unlock()
    }

    /// No more notices after the queued ones.
    func finish() {
        lock.lock()
        finished = true
        let waiting = self.waiting
        self.waiting = nil
        lock.unlock()
        waiting?.resume(returning: nil)
    }

    /// The next notice: queued ones first, then what was missed after them; nil once finished.
    func next() async -> ActorEventNotice? {
        switch poll() {
        case .notice(let notice): return notice
        case .finished: return nil
        case .empty:
            return await withCheckedContinuation { continuation in
                // Looked at again under the lock: a notice may have come in since.
                let ready: ActorEventNotice?? = lock.withLock {
                    if let notice = takeLocked() { return .some(notice) }
                    if finished { return .some(nil) }
                    waiting = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }

    private enum Poll {
        case notice(ActorEventNotice)
        case finished
        case empty
    }

    private func poll() -> Poll {
        lock.withLock {
            if let notice = takeLocked() { return .notice(notice) }
            return finished ? .finished : .empty
        }
    }

    private func takeLocked() -> ActorEventNotice? {
        if head < queue.count {
            let notice = queue[head]
            head += 1
            if head > 256 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            return notice
        }
        if missed > 0 {
            defer { missed = 0 }
            return .missed(missed)
        }
        return nil
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let notices: ActorEventNotices
        public mutating func next() async -> ActorEventNotice? { await notices.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(notices: self) }
}
