import Foundation
import NIOConcurrencyHelpers
import Theater

/// The responses a connection has received and not yet handed out, in arrival order, and
/// the one reader waiting for the next (a client reads one response at a time).
///
/// The channel handler pushes on NIO's event loop; the client pops from its own task. A
/// lock guards the queue because the two sides run on different threads and each touch is
/// a few instructions: an actor hop per response would cost more than the lock.
final class ResponseInbox: Sendable {
    private struct State {
        var queue: [Result<ManagementResponse, ManagementClientError>] = []
        var head = 0
        var closed: ManagementClientError?
        var waiter: (id: UInt64, continuation: CheckedContinuation<ManagementResponse, Error>)?
        var nextWaiterID: UInt64 = 0
        /// The timer of the waiting reader, cancelled when an answer comes first (so that
        /// a client sending thousands of commands leaves no thousands of sleeping tasks).
        var timer: Task<Void, Never>?
    }
    private let state = NIOLockedValueBox(State())

    /// Adds a response (or a protocol failure) to the queue, waking the reader.
    func push(_ item: Result<ManagementResponse, ManagementClientError>) {
        let waiter = state.withLockedValue { state -> CheckedContinuation<ManagementResponse, Error>? in
            if let waiter = state.waiter {
                state.waiter = nil
                state.timer?.cancel()
                state.timer = nil
                return waiter.continuation
            }
            state.queue.append(item)
            return nil
        }
        waiter?.resume(with: item.mapError { $0 as Error })
    }

    /// Marks the connection closed: queued responses are still handed out, then `error`.
    func close(_ error: ManagementClientError) {
        let waiter = state.withLockedValue { state -> CheckedContinuation<ManagementResponse, Error>? in
            if state.closed == nil { state.closed = error }
            defer { state.waiter = nil }
            return state.waiter?.continuation
        }
        waiter?.resume(throwing: error)
    }

    /// The next response; throws the connection's end, or `timeout` when nothing comes
    /// within `seconds` (nil: wait as long as it takes).
    func next(within seconds: Double?, timeout: ManagementClientError) async throws -> ManagementResponse {
        let id: UInt64 = state.withLockedValue { $0.nextWaiterID += 1; return $0.nextWaiterID }
        return try await withCheckedThrowingContinuation { continuation in
            let ready = state.withLockedValue { state -> Result<ManagementResponse, Error>? in
                if state.head < state.queue.count {
                    let item = state.queue[state.head]
                    state.head += 1
                    if state.head > 1024, state.head * 2 > state.queue.count {
                        state.queue.removeFirst(state.head)
                        state.head = 0
                    }
                    return item.mapError { $0 as Error }
                }
                if let closed = state.closed { return .failure(closed) }
                state.waiter = (id, continuation)
                return nil
            }
            if let ready {
                continuation.resume(with: ready)
            } else if let seconds {
                let timer = Task { [weak self] in
                    do {
                        try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                    } catch {
                        return  // cancelled: the answer came
                    }
                    self?.expire(waiterID: id, error: timeout)
                }
                let stillWaiting = state.withLockedValue { state -> Bool in
                    guard state.waiter?.id == id else { return false }
                    state.timer = timer
                    return true
                }
                if !stillWaiting { timer.cancel() }
            }
        }
    }

    /// Ends the wait of reader `waiterID` with `error`, if it is still waiting.
    private func expire(waiterID: UInt64, error: ManagementClientError) {
        let waiter = state.withLockedValue { state -> CheckedContinuation<ManagementResponse, Error>? in
            guard let waiter = state.waiter, waiter.id == waiterID else { return nil }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume(throwing: error)
    }
}
