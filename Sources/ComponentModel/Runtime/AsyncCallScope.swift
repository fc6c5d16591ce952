import WasmEngine

/// The link between `ComponentFunction.callAsync` of a lifted export and the asynchronous
/// host functions its guest calls: while the call runs the guest (`Store.start` or
/// `Store.resume`), it is the task-local `current` scope; an asynchronous host function
/// reached through `canon lower` leaves its pending call here and suspends the execution,
/// and `callAsync` takes the call, awaits the host function and resumes the guest.
///
/// Outside such a run (a synchronous `call`, or a nested execution inside a host call)
/// there is no scope, and an asynchronous host function traps instead of suspending.
final class AsyncCallScope: @unchecked Sendable {
    /// The scope of the guest execution running on this task, if it may suspend.
    @TaskLocal static var current: AsyncCallScope?

    /// The store the execution runs in (a host function called from another store's
    /// execution must not suspend this one).
    let store: Store
    private var pending: PendingHostCall?

    /// A scope for an execution in `store`.
    init(store: Store) {
        self.store = store
    }

    /// Runs `body` (a `Store.start` or `Store.resume`) with this scope as `current`.
    func run<T>(_ body: () throws -> T) rethrows -> T {
        try Self.$current.withValue(self, operation: body)
    }

    /// Records the host call the execution is about to suspend on.
    func suspend(on call: PendingHostCall) {
        pending = call
    }

    /// The host call the execution suspended on, taken out of the scope.
    func takePending() -> PendingHostCall? {
        defer { pending = nil }
        return pending
    }

    /// Runs `body` with no scope: for synchronous executions, which cannot suspend even
    /// when they run inside an asynchronous call's execution.
    static func withoutSuspension<T>(_ body: () throws -> T) rethrows -> T {
        guard current != nil else { return try body() }
        return try $current.withValue(nil, operation: body)
    }
}
