import ComponentModel
import Foundation

/// Hosts actors: starts them from manifests, routes messages by actor id, keeps the
/// channels between them and the supervision tree, and stops them (children before
/// parents, newest first).
///
/// Representation: a registry of `ActorRuntime`s by id under one lock (held only for a
/// dictionary access, never across a call); each actor runs its own message loop. The
/// runtime also owns the data directory (chains, content store) and a cache of decoded
/// and validated components by SHA-256, so starting another actor of the same component
/// skips decoding.
public final class TheaterRuntime: @unchecked Sendable {
    /// Where chains and the content store live.
    public let dataDirectory: DataDirectory
    /// The component bytes of every actor started, by SHA-256.
    public let contentStore: ContentStore
    /// Whether actors record their chains (off only to measure the chain's cost).
    public let recordingEnabled: Bool
    /// The environment actors' `environment` handler and manifest substitution read.
    public let environment: [String: String]
    /// Where actors' `runtime.log` lines go: (actor name, actor id, line).
    public var logSink: @Sendable (String, String, String) -> Void = { _, _, _ in }
    /// Where the WASI standard output and error of actors go.
    public var standardOutput: WASIOutputSink = .standardError
    /// The most actors running at once; a spawn beyond it fails (a spawn flood ends there).
    public var maxActors = 10_000
    /// Every supervisor's children, with what restarting them needs.
    let supervision = SupervisionTree()
    /// Mailbox items queued or being handled, across all actors.
    let activity = RuntimeActivity()
    /// The deadlines of the host calls waiting in any actor.
    let waitDeadlines = WaitDeadlines()
    /// The actors whose component is being replaced (see `updateComponent(of:to:)`).
    let componentUpdates = ActorClaims()

    private let lock = NSLock()
    private var actors: [String: ActorRuntime] = [:]
    private var startOrder: [String] = []
    private var components: [String: ValidatedComponent] = [:]
    private var channels: [String: ChannelEnds] = [:]
    /// How each top-level actor was started, for restarts.
    private var launches: [String: Launch] = [:]
    /// Actors that ended, newest last (at most `endedActorsKept`), for status queries.
    private var ended: [String: EndedActor] = [:]
    private var endedOrder: [String] = []
    /// Actors registered and actors that ended failed, since the runtime was made.
    private var startedCount = 0
    private var failedCount = 0
    /// How many ended actors the runtime remembers.
    public static let endedActorsKept = 10_000
    private let exits: AsyncStream<ActorExitNotice>.Continuation
    /// Every actor that ends, as it ends (for `theater run` and supervisors).
    public let actorExits: AsyncStream<ActorExitNotice>

    /// A runtime keeping its chains and content under `dataDirectory`.
    public init(dataDirectory: DataDirectory, environment: [String: String] = ProcessInfo.processInfo.environment,
                recordingEnabled: Bool = true) throws {
        self.dataDirectory = dataDirectory
        self.environment = environment
        self.recordingEnabled = recordingEnabled
        try dataDirectory.prepare()
        contentStore = ContentStore(root: dataDirectory.storeDirectory)
        (actorExits, exits) = AsyncStream<ActorExitNotice>.makeStream()
    }

    // MARK: Actors

    /// Starts an actor from `manifest`: stores its component, records its first event,
    /// instantiates it with the granted handlers and calls its `init`. `initialState`
    /// overrides the manifest's `init_state`.
    @discardableResult
    public func start(_ manifest: ActorManifest, initialState: [UInt8]?? = nil,
                      parentID: String? = nil) async throws -> ActorRuntime {
        guard actorIDs.count < maxActors else { throw ActorStartError.tooManyActors(maxActors) }
        let launcher = ActorLauncher(runtime: self)
        let actor = try await launcher.launch(manifest, initialState: initialState, parentID: parentID)
        lock.withLock { launches[actor.id] = Launch(initialState: initialState, incarnation: 0) }
        return actor
    }

    /// Restarts actor `id` (running or ended): stops it if it runs, then starts a fresh instance
    /// from the same manifest and initial state, under the same id, with the next
    /// incarnation's chain. A supervised child is restarted through its supervision entry.
    /// `reason` is recorded as the old instance's stop reason.
    @discardableResult
    public func restart(_ id: String, reason: String = "restarted") async throws -> ActorRuntime {
        if let child = supervision.child(id) {
            supervision.update(id) { $0.managed = true }
            await stop(id, reason: reason, grace: child.shutdownTimeout)
            switch await restartChild(id) {
            case .success:
                guard let actor = actor(id) else { throw ActorStartError.instantiation("\(id) ended while restarting") }
                return actor
            case .failure(let error):
                supervision.remove(id)
                throw error
            }
        }
        guard let manifest = manifest(of: id), let launch = lock.withLock({ launches[id] }) else {
            throw ActorStartError.instantiation("no actor \(id) to restart")
        }
        await stop(id, reason: reason)
        let incarnation = launch.incarnation + 1
        let actor = try await ActorLauncher(runtime: self).launch(manifest, initialState: launch.initialState, parentID: nil,
                                                                  actorID: id, incarnation: incarnation)
        lock.withLock { launches[id] = Launch(initialState: launch.initialState, incarnation: incarnation) }
        return actor
    }

    /// How top-level actor `id` was last started (nil for a supervised child or an unknown id).
    func launch(of id: String) -> Launch? {
        lock.withLock { launches[id] }
    }

    /// Records how top-level actor `id` was started, for later restarts.
    func recordLaunch(_ launch: Launch, of id: String) {
        lock.withLock { launches[id] = launch }
    }

    /// Registers a started actor (called by the launcher before `init` runs, so that an
    /// actor spawned during `init` can already be messaged).
    func register(_ actor: ActorRuntime) {
        lock.lock()
        actors[actor.id] = actor
        startOrder.append(actor.id)
        startedCount += 1
        lock.unlock()
        supervision.update(actor.id) { $0.actor = actor }
    }

    /// Called when an actor ends: its channels close, its children stop (they do not
    /// outlive their supervisor), and its own supervisor is told.
    func actorEnded(_ actor: ActorRuntime, _ exit: ActorExit) {
        lock.lock()
        if actors[actor.id] === actor {
            actors[actor.id] = nil
            startOrder.removeAll { $0 == actor.id }
        }
        if case .failed = exit { failedCount += 1 }
        if ended.updateValue(EndedActor(name: actor.name, manifest: actor.manifest, exit: exit), forKey: actor.id) == nil {
            endedOrder.append(actor.id)
            if endedOrder.count > Self.endedActorsKept {
                let forgotten = endedOrder.removeFirst()
                ended[forgotten] = nil
                if actors[forgotten] == nil { launches[forgotten] = nil }
            }
        }
        let ended = channels.filter { $0.value.contains(actor.id) }
        for id in ended.keys { channels[id] = nil }
        lock.unlock()
        for (channelID, ends) in ended {
            if let external = ends.external, ends.contains(external.id) {
                external.onClose(channelID)
            } else if let other = ends.other(than: actor.id), let peer = self.actor(other) {
                _ = peer.deliver(.channelClose(id: channelID))
            }
        }
        let orphans = supervision.children(of: actor.id)
        if !orphans.isEmpty {
            Task {
                for orphan in orphans.reversed() {
                    supervision.update(orphan.id) { $0.managed = true }
                    await stop(orphan.id, reason: "its supervisor \(actor.id) ended", grace: orphan.shutdownTimeout)
                    supervision.remove(orphan.id)
                }
            }
        }
        if let entry = supervision.child(actor.id), entry.actor === actor, !entry.managed,
           let parent = self.actor(entry.parentID) {
            notify(parent, .childEnded(child: actor, exit: exit))
        }
        exits.yield(ActorExitNotice(actorID: actor.id, name: actor.name, parentID: actor.parentID, exit: exit))
    }

    /// Delivers a notice that must not be lost: while the mailbox is full, tries again.
    func notify(_ actor: ActorRuntime, _ item: MailboxItem) {
        guard case .mailboxFull? = actor.deliver(item) else { return }
        Task {
            while case .mailboxFull? = actor.deliver(item) {
                try? await Task.sleep(nanoseconds: 1_000_000)
            }
        }
    }

    /// The running actor `id`, if any.
    public func actor(_ id: String) -> ActorRuntime? {
        lock.lock()
        defer { lock.unlock() }
        return actors[id]
    }

    /// The status of actor `id`: running, or how it ended; nil for an id the runtime does not
    /// know (or has forgotten: it remembers the last `endedActorsKept` ended actors).
    public func status(of id: String) -> ActorStatus? {
        lock.lock()
        defer { lock.unlock() }
        if actors[id] != nil { return .running }
        return ended[id].map { ActorStatus($0.exit) }
    }

    /// The manifest actor `id` was started from, running or ended.
    public func manifest(of id: String) -> ActorManifest? {
        lock.lock()
        defer { lock.unlock() }
        return actors[id]?.manifest ?? ended[id]?.manifest
    }

    /// How many actors run, have started and have failed (for the metrics endpoint).
    public func metrics() -> RuntimeMetrics {
        lock.withLock { RuntimeMetrics(actorsRunning: actors.count, actorsStarted: startedCount, actorsFailed: failedCount) }
    }

    /// The running actors in start order (one lock, for a scrape of all their figures).
    public var runningActors: [ActorRuntime] {
        lock.withLock { startOrder.compactMap { actors[$0] } }
    }

    /// The ids of the running actors, in start order.
    public var actorIDs: [String] {
        lock.lock()
        defer { lock.unlock() }
        return startOrder
    }

    /// A decoded and validated component by its SHA-256, decoding `bytes` the first time.
    func validatedComponent(bytes: [UInt8], hash: String) throws -> ValidatedComponent {
        lock.lock()
        if let cached = components[hash] { lock.unlock(); return cached }
        lock.unlock()
        let validated = try ComponentLoader.validate(bytes)
        lock.lock()
        components[hash] = validated
        lock.unlock()
        return validated
    }

    // MARK: Messages

    /// Delivers a one-way message to `actorID`'s `handle-send`. Returns once it is queued.
    public func send(to actorID: String, _ payload: [UInt8]) -> MessageError? {
        guard let actor = actor(actorID) else { return .unknownActor(actorID) }
        if let refusal = admit(payload, to: actor) { return refusal }
        return actor.deliver(.send(payload))
    }

    /// Sends a request to `actorID`'s `handle-request` and waits for its response.
    public func request(to actorID: String, _ payload: [UInt8]) async -> Result<[UInt8], MessageError> {
        guard let actor = actor(actorID) else { return .failure(.unknownActor(actorID)) }
        if let refusal = admit(payload, to: actor) { return .failure(refusal) }
        let reply = RequestReply()
        if let error = actor.deliver(.request(id: ActorID.random(), payload: payload, reply: reply)) {
            return .failure(error)
        }
        return await reply.wait()
    }

    /// Opens a channel from `initiator` to `actorID`; the target's `handle-channel-open`
    /// decides. Returns the channel id and the target's optional first message back.
    /// `external` is the initiator when it is not an actor (see `ExternalChannelParticipant`).
    func openChannel(from initiator: String, to actorID: String, _ payload: [UInt8],
                     channelID: String = ActorID.random(),
                     external: ExternalChannelParticipant? = nil) async -> Result<(String, [UInt8]?), MessageError> {
        guard let actor = actor(actorID) else { return .failure(.unknownActor(actorID)) }
        if let refusal = admit(payload, to: actor) { return .failure(refusal) }
        let reply = ChannelOpenReply()
        if let error = actor.deliver(.channelOpen(id: channelID, payload: payload, reply: reply)) {
            return .failure(error)
        }
        switch await reply.wait() {
        case .success(let message):
            lock.withLock { channels[channelID] = ChannelEnds(first: initiator, second: actorID, external: external) }
            return .success((channelID, message))
        case .failure(let error):
            return .failure(error)
        }
    }

    /// Sends `payload` on channel `channelID` from `sender` to the other end.
    func sendOnChannel(_ channelID: String, from sender: String, _ payload: [UInt8]) -> MessageError? {
        lock.lock()
        let ends = channels[channelID]
        lock.unlock()
        guard let ends, let other = ends.other(than: sender) else { return .notSupported("no open channel \(channelID)") }
        if let external = ends.external, external.id == other {
            external.onMessage(channelID, sender, payload)
            return nil
        }
        guard let peer = actor(other) else { return .actorStopped(other) }
        if let refusal = admit(payload, to: peer) { return refusal }
        return peer.deliver(.channelMessage(id: channelID, payload: payload))
    }

    /// Closes channel `channelID` from `sender`'s end; the other end is told.
    func closeChannel(_ channelID: String, from sender: String) -> MessageError? {
        lock.lock()
        let ends = channels[channelID]
        if ends?.contains(sender) == true { channels[channelID] = nil }
        lock.unlock()
        guard let ends, let other = ends.other(than: sender) else { return .notSupported("no open channel \(channelID)") }
        if let external = ends.external, external.id == other {
            external.onClose(channelID)
        } else {
            _ = actor(other)?.deliver(.channelClose(id: channelID))
        }
        return nil
    }

    /// Refuses a message over the target's size limit, recording the refusal in its chain.
    private func admit(_ payload: [UInt8], to actor: ActorRuntime) -> MessageError? {
        guard UInt64(payload.count) > actor.messageSizeLimit else { return nil }
        let error = MessageError.tooLarge(size: payload.count, limit: actor.messageSizeLimit)
        actor.countRefusal()
        Task { await actor.recordRejection(error) }
        return error
    }

    // MARK: Stopping

    /// Stops actor `actorID` after the messages already queued; waits until it has stopped.
    /// Its children are stopped first, newest first, each given its shutdown timeout.
    public func stop(_ actorID: String, reason: String, grace: Duration = .seconds(2)) async {
        for child in supervision.children(of: actorID).reversed() {
            supervision.update(child.id) { $0.managed = true }
            await stop(child.id, reason: "its supervisor \(actorID) is stopping", grace: child.shutdownTimeout)
        }
        guard let actor = actor(actorID) else { return }
        // An actor busy past `grace` (a long sleep, a request nobody answers) is interrupted:
        // its waiting host call fails, recorded, and the actor ends as stopped for `reason`.
        let watchdog = Task {
            try await Task.sleep(for: grace)
            actor.interruptComputation(stopping: reason)
            await actor.interrupt()
        }
        defer { watchdog.cancel() }
        while true {
            let refusal = await withCheckedContinuation { (done: CheckedContinuation<MessageError?, Never>) in
                if let error = actor.deliver(.stop(reason: reason, done: { done.resume(returning: nil) })) {
                    done.resume(returning: error)
                }
            }
            // A full mailbox takes the stop once the actor has handled a message; anything
            // else (stopped already, or stopped now) is done.
            guard case .mailboxFull? = refusal else { return }
            try? await Task.sleep(nanoseconds: 1_000_000)
        }
    }

    /// Stops every actor, newest first (children before their parents), and closes their chains.
    public func shutdown(reason: String = "runtime shutting down") async {
        // Top-level actors newest first; each stop takes its supervision subtree down first.
        for id in actorIDs.reversed() where supervision.child(id) == nil {
            await stop(id, reason: reason)
        }
        for id in actorIDs.reversed() {
            await stop(id, reason: reason)
        }
        exits.finish()
    }

    /// Waits until no actor has a message queued or in hand (what earlier messages set off,
    /// such as a failure and the restarts it causes, has played out), or until `timeout`.
    /// Returns whether the runtime became idle.
    @discardableResult
    public func waitUntilIdle(timeout: Duration = .seconds(10)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        // Idle twice in a row, a moment apart: work handed over between actors is counted
        // before it is let go, so one reading suffices in principle; two cost nothing.
        var idleReadings = 0
        while ContinuousClock.now < deadline {
            idleReadings = activity.isIdle ? idleReadings + 1 : 0
            if idleReadings >= 2 { return true }
            try? await Task.sleep(nanoseconds: 2_000_000)
        }
        return false
    }
}

/// An actor ended: who, its parent, and how.
public struct ActorExitNotice: Sendable {
    public let actorID: String
    public let name: String
    public let parentID: String?
    public let exit: ActorExit
}

/// The two ends a channel connects: two actors, or an external participant (`first`, with
/// `external` set) and an actor.
struct ChannelEnds {
    let first: String
    let second: String
    var external: ExternalChannelParticipant? = nil

    func contains(_ id: String) -> Bool { first == id || second == id }
    func other(than id: String) -> String? {
        if id == first { return second }
        if id == second { return first }
        return nil
    }
}

/// What the runtime remembers of an actor that ended.
struct EndedActor {
    let name: String
    let manifest: ActorManifest
    let exit: ActorExit
}

/// How a top-level actor was started: what `restart` starts again.
struct Launch {
    let initialState: [UInt8]??
    let incarnation: Int
}
