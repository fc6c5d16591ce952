import Synchronization

/// How much work the actors of one runtime have: mailbox items queued or being handled,
/// across all actors. Zero means every actor is idle, which is how `theater run` knows that
/// what its messages set off (a failure, the restarts it causes) has played out.
///
/// An item caused by handling another (a message sent, a child's end told to its
/// supervisor) is counted before the one that caused it is done, so the count never drops
/// to zero while work is under way.
final class RuntimeActivity: Sendable {
    private let pending = Atomic<Int>(0)

    /// An item was queued.
    func begin() { pending.add(1, ordering: .relaxed) }

    /// An item was handled, refused or dropped.
    func end() { pending.subtract(1, ordering: .relaxed) }

    /// Whether no item is queued or being handled anywhere.
    var isIdle: Bool { pending.load(ordering: .relaxed) <= 0 }
}
