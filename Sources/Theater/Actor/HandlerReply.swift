import ComponentModel
import Foundation

/// The way back to whoever waits for a handler export's result (an HTTP server waiting for
/// `handle-request`'s response): answered exactly once, with the export's extra result or an
/// error. The first answer wins, so a waiter may also answer it itself (a deadline passing)
/// and later answers are ignored. Thread-safe.
public final class HandlerReply: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Result<ComponentValue?, MessageError>, Never>?
    private var early: Result<ComponentValue?, MessageError>?

    /// A reply nobody has answered yet.
    public init() {}

    /// Answers; later answers are ignored. Returns whether this one was the first.
    @discardableResult
    public func answer(_ result: Result<ComponentValue?, MessageError>) -> Bool {
        lock.lock()
        guard early == nil else {
            lock.unlock()
            return false
        }
        early = result
        let waiting = continuation
        continuation = nil
        lock.unlock()
        waiting?.resume(returning: result)
        return true
    }

    /// Waits for the answer; a cancelled wait ends with `.interrupted`.
    public func wait() async -> Result<ComponentValue?, MessageError> {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                lock.lock()
                if let early {
                    lock.unlock()
                    continuation.resume(returning: early)
                    return
                }
                self.continuation = continuation
                lock.unlock()
            }
        } onCancel: {
            answer(.failure(.interrupted))
        }
    }
}
