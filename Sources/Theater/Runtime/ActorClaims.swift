import Foundation

/// The actors some long operation (a component update) is working on, so that a second one
/// on the same actor is refused instead of interleaving with the first. Safe from any thread.
final class ActorClaims: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed: Set<String> = []

    /// Claims `id`; false when it is claimed already.
    func claim(_ id: String) -> Bool {
        lock.withLock { claimed.insert(id).inserted }
    }

    /// Gives `id` back.
    func release(_ id: String) {
        _ = lock.withLock { claimed.remove(id) }
    }
}
