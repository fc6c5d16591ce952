import ComponentModel

/// Queues calls of an actor's own handler exports from outside its message loop (the
/// threads that read a process's output), paced so that the feed never fills the mailbox:
/// a call is queued only while fewer than `window` messages wait, otherwise the caller keeps
/// its data and tries again later. Safe from any thread (it reads only the runtime's locked
/// registry and the actor's nonisolated mailbox).
struct ActorFeed: @unchecked Sendable {
    /// What became of one call.
    enum Delivery: Equatable {
        /// Queued in the mailbox.
        case queued
        /// The mailbox is busy: keep the call and try again later.
        case busy
        /// The actor has stopped (or the runtime is gone): drop everything.
        case gone
    }

    /// The runtime the actor runs in (weak: a feed must not keep a runtime alive).
    private weak var runtime: TheaterRuntime?
    /// The actor fed.
    let actorID: String
    /// How many waiting messages make the feed hold back.
    let window: Int

    /// A feed into actor `actorID` of `runtime`, holding back while `window` messages wait
    /// (at most half the mailbox, at least one).
    init(runtime: TheaterRuntime?, actorID: String, mailboxLength: Int) {
        self.runtime = runtime
        self.actorID = actorID
        window = max(1, min(8, mailboxLength / 2))
    }

    /// Queues a call of `export` with `parameters` unless the mailbox is busy.
    func deliver(_ export: ActorExport, _ parameters: [ComponentValue]) -> Delivery {
        guard let actor = runtime?.actor(actorID) else { return .gone }
        if actor.backlog >= window { return .busy }
        switch actor.deliver(.handlerCall(export, parameters)) {
        case nil: return .queued
        case .mailboxFull?: return .busy
        case _?: return .gone
        }
    }
}
