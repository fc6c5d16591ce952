import ComponentModel
import Foundation
import Synchronization

/// One running actor: a mailbox and a loop that handles its messages one at a time, in
/// arrival order, through `ActorCore` (which records each call). Different actors run in
/// parallel; an actor waiting in a host call (a request, a sleep) suspends without
/// blocking a thread.
///
/// Ownership: the runtime holds the `ActorRuntime`; it owns its `ActorCore` (component
/// instance, context, state), touched only by its message loop. Senders only enqueue
/// (`deliver`), which is safe from any thread and never waits.
public actor ActorRuntime {
    /// The actor's id (a UUID v4).
    public nonisolated let id: String
    /// The manifest's name.
    public nonisolated let name: String
    /// The actor that spawned this one, if any.
    public nonisolated let parentID: String?
    /// The manifest it was started from.
    public nonisolated let manifest: ActorManifest
    /// When it started.
    public nonisolated let startedAt = Date()
    /// Its running figures (handled, queued, errors, time, fuel, sizes), for `metrics()`.
    /// `counters.queued` also paces the chain: when it drops to zero the actor is idle, and
    /// its buffered chain events are written out.
    private nonisolated let counters = ActorCounters()
    /// How many times this actor id was started again before this incarnation.
    public nonisolated let restarts: Int
    /// The actor's chain file (nil with recording off).
    public nonisolated let chainURL: URL?
    /// Its chain events as they are recorded, for subscribers.
    public nonisolated let events: ActorEventFeed
    nonisolated let messageSizeLimit: UInt64
    nonisolated let mailboxLimit: Int
    private nonisolated let mailbox: AsyncStream<MailboxItem>.Continuation
    private let stream: AsyncStream<MailboxItem>
    let core: ActorCore
    /// The running call's stop flag (shared with its `CallBudget`).
    private nonisolated let interruption: CallInterruption
    /// Set once a stop has had to cut the actor short: a call failing from then on is the
    /// stop going through, so the actor ends as stopped for this reason.
    private nonisolated let forcedStopReason = Mutex<String?>(nil)
    private var loop: Task<Void, Never>?
    private let onStop: @Sendable (ActorRuntime, ActorExit) -> Void
    /// The runtime-wide count of pending work this actor's items add to.
    private nonisolated let activity: RuntimeActivity
    /// What this actor does as a supervisor (its restart intensity); made on first use.
    var supervisorState: SupervisorState?
    private var exit: ActorExit?
    /// Whether an export call is running. It may be suspended in an async host call (a
    /// sleep, a request), and the actor then takes other work such as `recordRejection`.
    private var inCall = false
    /// Refusals that arrived during a call: recorded once it returns, so that a call's
    /// events stay together (a replay finds refusals between calls, not inside one).
    private var pendingRejections: [MessageError] = []

    /// `incarnation`: how many times this actor id was started before (its restarts).
    init(core: ActorCore, parentID: String?, incarnation: Int = 0, activity: RuntimeActivity = RuntimeActivity(),
         onStop: @escaping @Sendable (ActorRuntime, ActorExit) -> Void) {
        self.activity = activity
        restarts = incarnation
        let context = core.context
        id = context.actorID
        name = context.manifest.name
        manifest = context.manifest
        self.parentID = parentID
        chainURL = context.chainURL
        messageSizeLimit = core.limits.messageSize
        mailboxLimit = core.limits.mailboxLength
        (stream, mailbox) = AsyncStream<MailboxItem>.makeStream(bufferingPolicy: .bufferingOldest(max(1, core.limits.mailboxLength)))
        self.core = core
        events = core.context.recorder.feed ?? ActorEventFeed()
        interruption = core.instance.budget.interruption
        self.onStop = onStop
        counters.note(ActorSizes(memoryBytes: core.instance.memoryBytes, chainLength: core.context.recorder.eventCount,
                                 stateSize: core.context.state?.count ?? 0))
    }

    /// Calls `actor.init` (when exported) with the initial state, then starts the message loop.
    func start() async throws {
        if core.instance.implements(.initialize) {
            let result = try await invoke(.initialize, [.string(id)])
            try core.context.recorder.flush()
            if case .failure(let failure) = result {
                await finish(.failed(failure.description))
                throw ActorStartError.initFailed(failure.description)
            }
        }
        if let data = core.context.shutdownRequested {
            await finish(.shutdown(data))
            return
        }
        loop = Task { await self.runMessageLoop() }
    }

    /// Handles the mailbox one message at a time until the actor ends; what is still queued
    /// then is refused, so no sender waits forever. Runs on the actor, so that handling a
    /// message involves no hop between executors.
    private func runMessageLoop() async {
        var stopped = false
        for await item in stream {
            counters.queued.subtract(1, ordering: .relaxed)
            if stopped {
                refuse(item)
            } else if await handle(item) {
                stopped = true
            }
            counters.handled.add(1, ordering: .relaxed)
            activity.end()
        }
    }

    /// Cancels what the actor is waiting for (a sleep, a request): the waiting host call
    /// fails, which the actor sees as a trap, recorded like any other. Used when a stop
    /// cannot wait any longer.
    func interrupt() {
        core.context.interruptWait?()
    }

    /// Cuts the actor's current call short from any thread, even while it computes: the
    /// call traps at its next fuel slice (recorded as interrupted), as will any later one.
    /// Used when a stop for `reason` cannot wait any longer: the actor then ends as stopped
    /// for that reason, not as failed, whichever call the interruption cuts short.
    nonisolated func interruptComputation(stopping reason: String) {
        forcedStopReason.withLock { $0 = $0 ?? reason }
        interruption.request()
    }

    /// The current state (a copy).
    public func state() -> [UInt8]? { core.context.state }

    /// How the actor ended, once it has.
    public func exitStatus() -> ActorExit? { exit }

    /// Figures about the actor so far, for `inspect` and the server's `GetActorMetrics`:
    /// taken on the actor, between two messages, so that a message whose answer the caller
    /// already has is counted.
    public func metrics() -> ActorMetrics { liveMetrics }

    /// The figures as they stand, without waiting for the actor (for a scrape, which must
    /// not wait for a busy actor): the message in hand is not counted yet, and the sizes
    /// are as of its last call.
    public nonisolated var liveMetrics: ActorMetrics {
        ActorMetrics(messagesHandled: counters.handled.load(ordering: .relaxed),
                     messagesQueued: max(0, counters.queued.load(ordering: .relaxed)),
                     stateSize: counters.stateSize.load(ordering: .relaxed), uptime: Date().timeIntervalSince(startedAt),
                     subscribers: events.count, errors: counters.errors.load(ordering: .relaxed), restarts: restarts,
                     callNanoseconds: counters.callNanoseconds.load(ordering: .relaxed),
                     fuelUsed: counters.fuelUsed.load(ordering: .relaxed),
                     memoryBytes: counters.memoryBytes.load(ordering: .relaxed),
                     chainLength: counters.chainLength.load(ordering: .relaxed))
    }

    /// The sizes the actor occupies now (read on the actor, between calls).
    private var sizes: ActorSizes {
        ActorSizes(memoryBytes: core.instance.memoryBytes, chainLength: core.context.recorder.eventCount,
                   stateSize: core.context.state?.count ?? 0)
    }

    /// Enqueues `item`; fails when the mailbox is full or the actor has stopped. Never waits.
    nonisolated func deliver(_ item: MailboxItem) -> MessageError? {
        counters.queued.add(1, ordering: .relaxed)
        activity.begin()
        let outcome = mailbox.yield(item)
        if case .enqueued = outcome { return nil }
        counters.queued.subtract(1, ordering: .relaxed)
        activity.end()
        switch outcome {
        case .enqueued: return nil
        case .dropped:
            counters.errors.add(1, ordering: .relaxed)
            let error = MessageError.mailboxFull(actor: id, limit: mailboxLimit)
            switch item {
            case .stop, .childEnded: break
            default: Task { await self.recordRejection(error) }
            }
            return error
        case .terminated: return .actorStopped(id)
        @unknown default: return .actorStopped(id)
        }
    }

    /// How many messages wait in the mailbox. Handlers that feed an actor a stream (process
    /// output) pace themselves on it instead of filling the mailbox.
    nonisolated var backlog: Int { counters.queued.load(ordering: .relaxed) }

    /// Counts a message refused before it reached the mailbox (too large).
    nonisolated func countRefusal() {
        counters.errors.add(1, ordering: .relaxed)
    }

    /// Records that a message was refused (too large, mailbox full) in the actor's chain;
    /// during a call, once the call has returned.
    func recordRejection(_ error: MessageError) {
        if inCall {
            pendingRejections.append(error)
            return
        }
        try? core.context.recorder.record(.actorError(kind: RecordedErrorKind.messageRejected, message: error.description))
        try? core.context.recorder.flush()
    }

    /// Calls `export` through the core, counts it (time, fuel, failure, sizes after), then
    /// records the refusals that arrived meanwhile.
    func invoke(_ export: ActorExport, _ parameters: [ComponentValue]) async throws -> Result<ComponentValue?, CallFailure> {
        inCall = true
        let started = ContinuousClock.now
        defer {
            inCall = false
            for error in pendingRejections { recordRejection(error) }
            pendingRejections = []
        }
        let result: Result<ComponentValue?, CallFailure>
        do {
            result = try await core.invoke(export, parameters)
        } catch {
            count(since: started, failed: true)
            throw error
        }
        if case .failure = result { count(since: started, failed: true) } else { count(since: started, failed: false) }
        return result
    }

    /// Adds one call begun at `started` to the figures.
    private func count(since started: ContinuousClock.Instant, failed: Bool) {
        let elapsed = (ContinuousClock.now - started).components
        let nanoseconds = UInt64(max(0, elapsed.seconds)) * 1_000_000_000 + UInt64(max(0, elapsed.attoseconds / 1_000_000_000))
        counters.recordCall(nanoseconds: nanoseconds, fuel: core.instance.fuelUsedByLastCall, failed: failed, sizes: sizes)
    }

    /// Handles one mailbox item; returns true when the loop must end.
    private func handle(_ item: MailboxItem) async -> Bool {
        do {
            switch item {
            case .send(let payload):
                let result = try await invoke(.handleSend, [.bytes(payload)])
                if case .failure(let failure) = result, stopsActor(failure) { return await fail(failure) }
            case .request(let requestID, let payload, let reply):
                let result = try await invoke(.handleRequest, [.string(requestID), .bytes(payload)])
                try core.context.recorder.flush()
                switch result {
                case .success(let extra):
                    if case .option(let response)? = extra, let response {
                        let answer = try response.bytesArgument()
                        // Shutting down: ended (and its supervisor told) before the sender hears back.
                        if let data = core.context.shutdownRequested {
                            await finish(.shutdown(data))
                            reply.answer(.success(answer))
                            return true
                        }
                        reply.answer(.success(answer))
                    } else {
                        core.context.outstandingRequests.add(requestID, reply)
                    }
                case .failure(let failure):
                    // A failure ends the actor before the sender hears of it, so that its
                    // supervisor is told first: whatever the sender does next comes after.
                    let stops = stopsActor(failure)
                    if stops { await finish(.failed(failure.description)) }
                    reply.answer(.failure(.actorFailed(failure.description)))
                    if stops { return true }
                }
            case .channelOpen(let channelID, let payload, let reply):
                let result = try await invoke(.handleChannelOpen, [.string(channelID), .bytes(payload)])
                try core.context.recorder.flush()
                switch result {
                case .success(let accept):
                    let (accepted, message) = Self.decodeAccept(accept)
                    reply.answer(accepted: accepted, message: message)
                case .failure(let failure):
                    reply.fail(.actorFailed(failure.description))
                    if stopsActor(failure) { return await fail(failure) }
                }
            case .channelMessage(let channelID, let payload):
                let result = try await invoke(.handleChannelMessage, [.string(channelID), .bytes(payload)])
                if case .failure(let failure) = result, stopsActor(failure) { return await fail(failure) }
            case .channelClose(let channelID):
                let result = try await invoke(.handleChannelClose, [.string(channelID)])
                if case .failure(let failure) = result, stopsActor(failure) { return await fail(failure) }
            case .handlerCall(let export, let parameters):
                // A handler's notification (process output, a child's exit): only for actors
                // that implement the export; others never asked for it.
                if core.instance.implements(export) {
                    let result = try await invoke(export, parameters)
                    if case .failure(let failure) = result, stopsActor(failure) { return await fail(failure) }
                }
            case .handlerRequest(let export, let parameters, let reply):
                guard core.instance.implements(export) else {
                    reply.answer(.failure(.actorFailed("the actor does not export \(export)")))
                    break
                }
                let result = try await invoke(export, parameters)
                // The call's events are on disk before its answer leaves the actor.
                try core.context.recorder.flush()
                switch result {
                case .success(let extra):
                    reply.answer(.success(extra))
                case .failure(let failure):
                    // As for requests: the supervisor hears of a failure before the caller.
                    let stops = stopsActor(failure)
                    if stops { await finish(.failed(failure.description)) }
                    reply.answer(.failure(.actorFailed(failure.description)))
                    if stops { return true }
                }
            case .childEnded(let child, let exit):
                if try await superviseChildEnd(child, exit) { return true }
            case .stop(let reason, let done):
                await finish(.stopped(reason))
                done()
                return true
            }
            // Idle, or much buffered: write the chain out. While messages keep coming, a
            // batch of them shares one write (what they caused has not left the actor).
            try core.context.recorder.flushIfBuffered(atLeast: counters.queued.load(ordering: .relaxed) == 0 ? 1 : 64 << 10)
        } catch {
            // The chain could not be written: continuing would run the actor unrecorded.
            await finish(.failed("\(error)"))
            return true
        }
        if let data = core.context.shutdownRequested {
            await finish(.shutdown(data))
            return true
        }
        return false
    }

    private func stopsActor(_ failure: CallFailure) -> Bool {
        if case .trapped = failure { return true }
        return false
    }

    private func fail(_ failure: CallFailure) async -> Bool {
        await finish(.failed(failure.description))
        return true
    }

    /// Ends the actor: records why, answers every waiting request with an error, closes the
    /// chain and tells the runtime.
    func finish(_ exit: ActorExit) async {
        guard self.exit == nil else { return }
        var exit = exit
        if case .failed = exit, let reason = forcedStopReason.withLock({ $0 }) { exit = .stopped(reason) }
        self.exit = exit
        mailbox.finish()
        for reply in core.context.outstandingRequests.removeAll() { reply.answer(.failure(.actorStopped(id))) }
        for hook in core.context.stopHooks.reversed() { hook() }
        core.context.stopHooks = []
        let recorder = core.context.recorder
        try? recorder.record(.actorStopped(reason: exit.reason))
        try? recorder.close()
        events.finish()
        onStop(self, exit)
    }

    /// Answers a message that arrived too late (the actor has stopped).
    private nonisolated func refuse(_ item: MailboxItem) {
        switch item {
        case .request(_, _, let reply): reply.answer(.failure(.actorStopped(id)))
        case .channelOpen(_, _, let reply): reply.fail(.actorStopped(id))
        case .stop(_, let done): done()
        case .handlerRequest(_, _, let reply): reply.answer(.failure(.actorStopped(id)))
        case .send, .channelMessage, .channelClose, .handlerCall, .childEnded: break
        }
    }

    private static func decodeAccept(_ value: ComponentValue?) -> (Bool, [UInt8]?) {
        guard case .record(let fields)? = value else { return (false, nil) }
        var accepted = false
        var message: [UInt8]?
        for field in fields {
            if field.label == "accepted", case .bool(let flag) = field.value { accepted = flag }
            if field.label == "message", case .option(let payload) = field.value { message = try? payload?.bytesArgument() }
        }
        return (accepted, message)
    }
}

/// How an actor ended.
public enum ActorExit: Equatable, Sendable, CustomStringConvertible {
    /// The actor called `runtime.shutdown` (with optional data).
    case shutdown([UInt8]?)
    /// The runtime stopped it (`reason`).
    case stopped(String)
    /// It failed: trapped, ran out of fuel, or its chain could not be written.
    case failed(String)

    public var description: String {
        switch self {
        case .shutdown: return "shutdown requested by the actor"
        case .stopped(let reason): return "stopped: \(reason)"
        case .failed(let message): return "failed: \(message)"
        }
    }

    /// The reason recorded in the `actor-stopped` event.
    var reason: String {
        switch self {
        case .stopped(let reason): return reason
        default: return description
        }
    }
}
