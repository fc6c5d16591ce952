import Synchronization

/// The running figures of one actor (see `ActorMetrics`), kept as relaxed atomics so
/// that the message loop updates them without a lock or an allocation and a reader (the
/// server, a Prometheus scrape) takes them from any thread without waiting for the
/// actor, even while it computes.
///
/// Written by the actor's own loop only (`deliver` adds refusals from any thread);
/// readers see each figure on its own, not a snapshot taken at one instant.
final class ActorCounters: Sendable {
    /// Mailbox items handled.
    let handled = Atomic<Int>(0)
    /// Items queued and not yet handled.
    let queued = Atomic<Int>(0)
    /// Calls that failed plus messages refused.
    let errors = Atomic<Int>(0)
    /// Nanoseconds spent in export calls.
    let callNanoseconds = Atomic<UInt64>(0)
    /// Fuel used by export calls.
    let fuelUsed = Atomic<UInt64>(0)
    /// Bytes of the linear memories after the last call.
    let memoryBytes = Atomic<Int>(0)
    /// Chain events recorded after the last call.
    let chainLength = Atomic<Int>(0)
    /// State bytes after the last call.
    let stateSize = Atomic<Int>(0)

    /// Counts one export call that took `nanoseconds` and `fuel`, and failed or not; then
    /// notes the sizes it left behind.
    func recordCall(nanoseconds: UInt64, fuel: UInt64, failed: Bool, sizes: ActorSizes) {
        callNanoseconds.add(nanoseconds, ordering: .relaxed)
        fuelUsed.add(fuel, ordering: .relaxed)
        if failed { errors.add(1, ordering: .relaxed) }
        note(sizes)
    }

    /// Notes the actor's current sizes (after a call, or at start).
    func note(_ sizes: ActorSizes) {
        memoryBytes.store(sizes.memoryBytes, ordering: .relaxed)
        chainLength.store(sizes.chainLength, ordering: .relaxed)
        stateSize.store(sizes.stateSize, ordering: .relaxed)
    }
}

/// What an actor occupies at one moment: its memories, its chain and its state.
struct ActorSizes {
    let memoryBytes: Int
    let chainLength: Int
    let stateSize: Int
}
