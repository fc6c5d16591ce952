import Foundation
import Theater

/// Carries out management commands on a `TheaterRuntime`: one method per command, each
/// returning the response MANAGEMENT.md gives for it. Subscriptions are not here: they
/// belong to a connection (see `ManagementConnection`), which asks this service for the
/// actor to subscribe to.
///
/// Channels are not here either: a client's channels belong to its connection (see
/// `ManagementChannels`).
public struct ManagementService: Sendable {
    /// The runtime the commands act on.
    public let runtime: TheaterRuntime
    /// Where a manifest given as a relative path, or as TOML text, resolves its paths.
    public let workingDirectory: URL

    /// A service over `runtime`; relative manifest paths resolve against `workingDirectory`.
    public init(runtime: TheaterRuntime,
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.runtime = runtime
        self.workingDirectory = workingDirectory
    }

    /// The response to `command`. `SubscribeToActor`, `UnsubscribeFromActor` and the
    /// `subscribe` of `StartActor` need a connection; here they only check the actor.
    public func handle(_ command: ManagementCommand) async -> ManagementResponse {
        switch command {
        case .startActor(let manifest, let initialState, _, _):
            return await startActor(manifest: manifest, initialState: initialState).response
        case .stopActor(let id):
            return await stop(id, grace: .seconds(2))
        case .terminateActor(let id):
            return await stop(id, grace: .zero)
        case .listActors:
            let actors = runtime.actorIDs.compactMap { id in runtime.actor(id).map { (id: id, name: $0.name) } }
            return .actorList(actors: actors)
        case .subscribeToActor(let id), .unsubscribeFromActor(let id, _):
            return runtime.actor(id) == nil ? notRunningOrUnknown(id) : .error(.internalError("subscriptions need a connection"))
        case .sendActorMessage(let id, let data):
            return sendMessage(to: id, data)
        case .requestActorMessage(let id, let data):
            switch await runtime.request(to: id, data) {
            case .success(let message): return .requestedMessage(id: id, message: message)
            case .failure(let error): return .error(Self.error(for: error))
            }
        case .getActorManifest(let id):
            guard let manifest = runtime.manifest(of: id) else { return .error(.actorNotFound) }
            return .actorManifest(id: id, manifest: .string(manifest.sourceText))
        case .getActorStatus(let id):
            guard let status = runtime.status(of: id) else { return .error(.actorNotFound) }
            return .actorStatus(id: id, status: Self.wireStatus(status))
        case .restartActor(let id):
            guard runtime.status(of: id) != nil else { return .error(.actorNotFound) }
            do {
                try await runtime.restart(id)
                return .restarted(id: id)
            } catch {
                return .error(.actorError("cannot restart actor \(id): \(error)"))
            }
        case .getActorState(let id):
            guard let actor = runtime.actor(id) else { return notRunningOrUnknown(id) }
            return .actorState(id: id, state: await actor.state())
        case .getActorEvents(let id):
            return events(of: id)
        case .getActorMetrics(let id):
            guard let actor = runtime.actor(id) else { return notRunningOrUnknown(id) }
            return .actorMetrics(id: id, metrics: Self.json(await actor.metrics(), parent: runtime.parent(of: id),
                                                            children: runtime.children(of: id)))
        case .updateActorComponent(let id, let component):
            return await updateComponent(of: id, to: component)
        case .openChannel, .sendOnChannel, .closeChannel:
            return .error(.internalError("channels need a connection"))
        case .newStore:
            return newStore()
        }
    }

    /// `SendActorMessage`: queues `data` in the actor's mailbox; never waits.
    public func sendMessage(to id: String, _ data: [UInt8]) -> ManagementResponse {
        if let error = runtime.send(to: id, data) { return .error(Self.error(for: error)) }
        return .sentMessage(id: id)
    }

    /// What starting an actor gave: the actor, or the error response.
    public enum StartOutcome: Sendable {
        case started(ActorRuntime)
        case failed(ManagementError)

        /// The response to send for it.
        public var response: ManagementResponse {
            switch self {
            case .started(let actor): return .actorStarted(id: actor.id)
            case .failed(let error): return .error(error)
            }
        }
    }

    /// Starts an actor from `manifest`: a path to a TOML file (relative to the working
    /// directory) or the TOML text itself. `initialState` overrides the manifest's.
    public func startActor(manifest: String, initialState: [UInt8]?) async -> StartOutcome {
        let actorManifest: ActorManifest
        do {
            actorManifest = try loadManifest(manifest)
            try actorManifest.requireComponentFile()
        } catch {
            return .failed(.actorInitializationError("\(error)"))
        }
        do {
            let actor = try await runtime.start(actorManifest, initialState: initialState.map { .some($0) })
            return .started(actor)
        } catch {
            return .failed(.actorInitializationError("cannot start \(actorManifest.name): \(error)"))
        }
    }

    /// A manifest from a path (when the text names an existing file, or has no newline and
    /// no `=`, so it cannot be TOML) or else from TOML text.
    private func loadManifest(_ text: String) throws -> ActorManifest {
        let environment = runtime.environment
        let looksLikePath = !text.contains("\n") && !text.contains("=")
        let url = text.hasPrefix("/") ? URL(fileURLWithPath: text) : workingDirectory.appendingPathComponent(text)
        if looksLikePath || (!text.contains("\n") && FileManager.default.fileExists(atPath: url.path)) {
            return try ActorManifest.load(path: url.path, environment: environment)
        }
        return try ActorManifest.parse(text: text, fileName: "StartActor manifest", baseDirectory: workingDirectory,
                                       environment: environment)
    }

    private func stop(_ id: String, grace: Duration) async -> ManagementResponse {
        guard runtime.actor(id) != nil else { return notRunningOrUnknown(id) }
        await runtime.stop(id, reason: grace == .zero ? "terminated by a management client" : "stopped by a management client",
                           grace: grace)
        return .actorStopped(id: id)
    }

    /// The chain events recorded so far (from the chain file; events an actor still holds in
    /// its write buffer appear once it is idle).
    private func events(of id: String) -> ManagementResponse {
        guard runtime.status(of: id) != nil else { return .error(.actorNotFound) }
        guard let url = runtime.actor(id)?.chainURL ?? Optional(runtime.dataDirectory.chainURL(actorID: id)) else {
            return .actorEvents(id: id, events: [])
        }
        guard FileManager.default.fileExists(atPath: url.path) else { return .actorEvents(id: id, events: []) }
        do {
            return .actorEvents(id: id, events: try ChainReader.read(at: url).events.map(WireChainEvent.init))
        } catch {
            return .error(.runtimeError("cannot read the chain of actor \(id) at \(url.path): \(error)"))
        }
    }

    /// Creates an empty content store in the data directory's `stores/` (the stores actors
    /// open with the `store` handler by id) and answers its id.
    private func newStore() -> ManagementResponse {
        // The limit applies to content moved through the store; creating one moves none.
        let stores = ActorStores(root: runtime.dataDirectory.actorStoresDirectory, maximumContentBytes: 0)
        do {
            return .storeCreated(storeID: try stores.create().id)
        } catch {
            return .error(.storeError("\(error)"))
        }
    }

    /// `ActorNotRunning` for an actor that ended, `ActorNotFound` for an unknown id.
    func notRunningOrUnknown(_ id: String) -> ManagementResponse {
        runtime.status(of: id) == nil ? .error(.actorNotFound) : .error(.actorNotRunning)
    }

    /// The protocol's error for a failed message.
    static func error(for error: MessageError) -> ManagementError {
        switch error {
        case .unknownActor: return .actorNotFound
        case .actorStopped: return .actorNotRunning
        default: return .actorError(error.description)
        }
    }

    /// The protocol's three statuses.
    static func wireStatus(_ status: ActorStatus) -> ManagementActorStatus {
        switch status {
        case .running: return .running
        case .stopped: return .stopped
        case .failed: return .failed
        }
    }

    /// Metrics as a JSON object with snake_case keys: the figures of `ActorMetrics`
    /// (`call_seconds` with nanosecond precision, the rest integers).
    ///
    /// Our one extension of MANAGEMENT.md: `parent` (the supervisor's id, or null) and
    /// `children` (the supervised children's ids, in start order), because the protocol has
    /// no command for the hierarchy and `theater tree` / `inspect` need it. Upstream's metrics
    /// are free-form JSON, so upstream clients are unaffected.
    static func json(_ metrics: ActorMetrics, parent: String?, children: [String]) -> ManagementJSON {
        .object([
            (key: "messages_handled", value: .integer(metrics.messagesHandled)),
            (key: "messages_queued", value: .integer(metrics.messagesQueued)),
            (key: "state_size", value: .integer(metrics.stateSize)),
            (key: "uptime_seconds", value: .number(String(format: "%.3f", metrics.uptime))),
            (key: "subscribers", value: .integer(metrics.subscribers)),
            (key: "errors", value: .integer(metrics.errors)),
            (key: "restarts", value: .integer(metrics.restarts)),
            (key: "call_seconds", value: .number(String(format: "%.9f", metrics.callSeconds))),
            (key: "fuel_used", value: .integer(metrics.fuelUsed)),
            (key: "memory_bytes", value: .integer(metrics.memoryBytes)),
            (key: "chain_length", value: .integer(metrics.chainLength)),
            (key: "parent", value: parent.map { .string($0) } ?? .null),
            (key: "children", value: .array(children.map { .string($0) })),
        ])
    }
}
