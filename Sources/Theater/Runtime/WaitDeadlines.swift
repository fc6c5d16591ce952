import Foundation

/// The deadlines of the host calls that are waiting (a request, a sleep), for the whole
/// runtime: one scanner task wakes every `tick` while any is registered and ends the waits
/// whose deadline has passed.
///
/// One shared scanner instead of a timer per wait: registering is a dictionary insert under
/// a lock, where a timer task per wait cost a third of an actor-to-actor request. A deadline
/// fires up to one tick late, which is well within what a wall-clock deadline promises.
final class WaitDeadlines: @unchecked Sendable {
    /// How often the scanner looks.
    static let tick: Duration = .milliseconds(20)

    private struct Entry {
        let deadline: ContinuousClock.Instant
        let expire: @Sendable () -> Void
    }

    private let lock = NSLock()
    private var entries: [UInt64: Entry] = [:]
    private var nextToken: UInt64 = 0
    private var scanning = false

    /// Calls `expire` (once, from the scanner) if the wait is still registered at `deadline`.
    /// Returns the token to unregister it with.
    func register(_ deadline: ContinuousClock.Instant, expire: @escaping @Sendable () -> Void) -> UInt64 {
        lock.lock()
        nextToken += 1
        let token = nextToken
        entries[token] = Entry(deadline: deadline, expire: expire)
        let startScanner = !scanning
        scanning = true
        lock.unlock()
        if startScanner { Task { await self.scan() } }
        return token
    }

    /// The wait ended by itself.
    func unregister(_ token: UInt64) {
        lock.withLock { _ = entries.removeValue(forKey: token) }
    }

    private func scan() async {
        while true {
            try? await Task.sleep(for: WaitDeadlines.tick)
            let now = ContinuousClock.now
            let expired: [Entry] = lock.withLock {
                let due = entries.filter { $0.value.deadline <= now }
                for token in due.keys { entries[token] = nil }
                if entries.isEmpty { scanning = false }
                return Array(due.values)
            }
            for entry in expired { entry.expire() }
            if !(lock.withLock { scanning }) { return }
        }
    }
}
