import Foundation

/// Whether the user interrupted a stream, set from a signal handler and read by the
/// streaming task.
final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    /// Marks the interruption; false when it was marked already (a second Ctrl-C).
    func raise() -> Bool {
        lock.withLock {
            defer { raised = true }
            return !raised
        }
    }

    /// True once the user interrupted.
    var isRaised: Bool { lock.withLock { raised } }
}
