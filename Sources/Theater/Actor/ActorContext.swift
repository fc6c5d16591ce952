import ComponentModel
import Foundation

/// What the host functions of one actor share: its identity, its recorder, its current
/// state, and the runtime it can reach other actors through.
///
/// Owned by the actor's `ActorRuntime` and used only from its message loop and the host
/// calls made during it (one message at a time), so it needs no lock.
final class ActorContext {
    /// The actor's id (a UUID v4).
    let actorID: String
    /// The manifest it was started from.
    let manifest: ActorManifest
    /// Where every input and output of the actor goes.
    let recorder: ChainRecorder
    /// The actor's chain file (nil in replay or with recording off).
    let chainURL: URL?
    /// The runtime, to reach other actors (nil in replay, where host calls are answered from the chain).
    weak var runtime: TheaterRuntime?
    /// The current state, replaced by what each export returns.
    var state: [UInt8]?
    /// Requests the actor has not answered yet (it answers them with `respond-to-request`).
    var outstandingRequests = OutstandingRequests()
    /// Set when the actor asked to shut down (`runtime.shutdown`); acted on after the current call.
    var shutdownRequested: [UInt8]?? = nil
    /// Where `runtime.log` lines go.
    let logSink: (String) -> Void
    /// Run once when the actor ends, newest first: handlers release what they hold for the
    /// actor (processes, servers, open files).
    var stopHooks: [() -> Void] = []
    /// The budget of the actor's export calls (their deadline bounds waits too).
    var callBudget: CallBudget?
    /// Cancels the wait a host call is in (set while `interruptible` runs).
    var interruptWait: (() -> Void)?

    init(actorID: String, manifest: ActorManifest, recorder: ChainRecorder, chainURL: URL?,
         runtime: TheaterRuntime?, logSink: @escaping (String) -> Void) {
        self.actorID = actorID
        self.manifest = manifest
        self.recorder = recorder
        self.chainURL = chainURL
        self.runtime = runtime
        self.logSink = logSink
    }
}

extension ActorContext {
    /// Runs a host call's wait (a sleep, a request) so that a stop can cut it short: it runs
    /// as a child task that `interruptWait` cancels. Only waiting calls pay for the task.
    /// The wait also ends when the call's deadline (`call_deadline_ms`) passes: the host call
    /// then traps, recorded like any host trap.
    func interruptible<T: Sendable>(_ wait: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await wait() }
        interruptWait = { task.cancel() }
        defer { interruptWait = nil }
        guard let deadline = callBudget?.currentDeadline, let deadlines = runtime?.waitDeadlines else {
            return try await task.value
        }
        let expired = CallInterruption()
        let token = deadlines.register(deadline) {
            expired.request()
            task.cancel()
        }
        defer { deadlines.unregister(token) }
        let value: T
        do {
            value = try await task.value
        } catch {
            if expired.isRequested { throw deadlineTrap() }
            throw error
        }
        if expired.isRequested { throw deadlineTrap() }
        return value
    }

    private func deadlineTrap() -> ComponentTrap {
        ComponentTrap("the call ran past its deadline of \(callBudget?.deadlineDescription ?? "?") "
                      + "(call_deadline_ms) while waiting")
    }
}

/// The requests an actor received and has not answered yet, in arrival order.
struct OutstandingRequests {
    private var order: [String] = []
    private var replies: [String: RequestReply] = [:]

    /// Keeps `reply` until the actor answers request `id`.
    mutating func add(_ id: String, _ reply: RequestReply) {
        if replies.updateValue(reply, forKey: id) == nil { order.append(id) }
    }

    /// Removes and returns the reply for request `id`.
    mutating func take(_ id: String) -> RequestReply? {
        guard let reply = replies.removeValue(forKey: id) else { return nil }
        order.removeAll { $0 == id }
        return reply
    }

    /// The ids of the requests still waiting, oldest first.
    var ids: [String] { order }

    /// Removes every request (when the actor stops), returning their replies.
    mutating func removeAll() -> [RequestReply] {
        defer { order = []; replies = [:] }
        return order.compactMap { replies[$0] }
    }
}
