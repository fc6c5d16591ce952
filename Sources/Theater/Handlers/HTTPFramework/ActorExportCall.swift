import ComponentModel
import Foundation

/// Calls one of an actor's `http-handlers` exports on behalf of a network peer and waits
/// for its result at most `timeout`: the call goes through the actor's mailbox (one message
/// at a time, recorded with its result); a full mailbox or a stopped actor answers at once.
struct ActorExportCall: @unchecked Sendable {
    /// What became of a call.
    enum Outcome: Sendable {
        /// The export returned this extra result.
        case returned(ComponentValue?)
        /// The actor's mailbox is full: the call was not queued.
        case busy
        /// The actor did not answer within the time limit; a late answer is dropped.
        case timedOut
        /// The actor returned an error, trapped, or has stopped.
        case failed(String)
    }

    /// The runtime the actor runs in (weak: a server must not keep a runtime alive).
    weak var runtime: TheaterRuntime?
    /// The actor called.
    let actorID: String
    /// How long to wait for an answer.
    let timeout: Duration

    /// Calls `export` with `parameters` and waits for the outcome.
    func call(_ export: ActorExport, _ parameters: [ComponentValue]) async -> Outcome {
        guard let actor = runtime?.actor(actorID) else { return .failed("the actor has stopped") }
        let reply = HandlerReply()
        switch actor.deliver(.handlerRequest(export, parameters, reply: reply)) {
        case nil: break
        case .mailboxFull?: return .busy
        case let error?: return .failed(error.description)
        }
        let expiry = TimeoutMark()
        let timer = Task { [timeout] in
            try? await Task.sleep(for: timeout)
            guard !Task.isCancelled else { return }
            if reply.answer(.failure(.interrupted)) { expiry.set() }
        }
        let result = await reply.wait()
        timer.cancel()
        if expiry.isSet { return .timedOut }
        switch result {
        case .success(let value): return .returned(value)
        case .failure(let error): return .failed(error.description)
        }
    }
}

/// Whether a call's time limit answered it (set once, from the timer task).
private final class TimeoutMark: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.withLock { flag = true } }
    var isSet: Bool { lock.withLock { flag } }
}
