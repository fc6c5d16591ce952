import Foundation

/// Whether `theater watch` was asked to stop (SIGINT, SIGTERM), and the build running at the
/// time, which the request ends at once rather than after its half minute. Safe from any
/// thread (the signal handler runs on a dispatch queue).
final class WatchStop: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private var build: Process?

    /// True once a stop was requested.
    var isRequested: Bool { lock.withLock { requested } }

    /// Asks the watch to stop, and ends the running build, if any.
    func request() {
        let running = lock.withLock { () -> Process? in
            requested = true
            return build
        }
        if let running, running.isRunning { running.terminate() }
    }

    /// Notes the build process now running (nil when it ended); ends it at once when a stop
    /// was already requested.
    func building(_ process: Process?) {
        let stopNow = lock.withLock { () -> Bool in
            build = process
            return requested
        }
        if stopNow, let process, process.isRunning { process.terminate() }
    }
}
