import ComponentModel
import Foundation

/// The way back to whoever waits for an answer that another party gives: answered exactly
/// once, with a value or a `MessageError`. The first answer wins and later ones are ignored,
/// so the waiter's side may answer too (a deadline passing, the actor stopping). Thread-safe.
///
/// `RequestReply` (a request's response bytes) and `HandlerReply` (a handler export's extra
/// result, for the HTTP server waiting on `handle-request`) are its two uses.
public final class OneTimeReply<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Result<Value, MessageError>, Never>?
    private var answered: Result<Value, MessageError>?

    /// A reply nobody has answered yet.
    public init() {}

    /// Answers; later answers are ignored. Returns whether this one was the first.
    @discardableResult
    public func answer(_ result: Result<Value, MessageError>) -> Bool {
        lock.lock()
        guard answered == nil else {
            lock.unlock()
            return false
        }
        answered = result
        let waiting = continuation
        continuation = nil
        lock.unlock()
        waiting?.resume(returning: result)
        return true
    }

    /// Waits for the answer; a cancelled wait (the waiting actor is being stopped) ends with
    /// `.interrupted`.
    public func wait() async -> Result<Value, MessageError> {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                lock.lock()
                if let answered {
                    lock.unlock()
                    continuation.resume(returning: answered)
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

/// The way back to whoever waits for a handler export's result (an HTTP server waiting for
/// `handle-request`'s response): the export's extra result, or why there is none.
public typealias HandlerReply = OneTimeReply<ComponentValue?>
