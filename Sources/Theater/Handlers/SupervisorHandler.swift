import ComponentModel
import Foundation

/// `ntwk:theater/supervisor`: spawning child actors (from a manifest path, relative to the
/// parent's manifest folder, or manifest TOML text), listing and stopping them, and reading
/// restarting them, and reading their state and events. Results are recorded, so a replay of
/// the parent needs no child. What happens when a child ends on its own is the supervision's
/// (`ActorRuntime+Supervision`), configured on this handler.
enum SupervisorHandler {
    static func interface(_ context: ActorContext) -> GrantedInterface {
        var supervisor = RecordedInterface("supervisor", recorder: context.recorder)
        let bytes = TheaterTypes.bytes
        supervisor.asyncFunction("spawn", [.string, .option(bytes)], TheaterTypes.result(.string)) { arguments in
            try await spawn(context, manifest: try arguments[0].stringArgument(),
                            state: try arguments[1].optionalBytesArgument())
        }
        supervisor.asyncFunction("resume", [.string, .option(bytes)], TheaterTypes.result(.string)) { arguments in
            try await spawn(context, manifest: try arguments[0].stringArgument(),
                            state: try arguments[1].optionalBytesArgument())
        }
        supervisor.function("list-children", [], .list(.string)) { _ in
            let children = context.runtime?.supervision.children(of: context.actorID) ?? []
            return .list(children.map { .string($0.id) })
        }
        supervisor.asyncFunction("stop-child", [.string], TheaterTypes.unitResult) { arguments in
            let childID = try arguments[0].stringArgument()
            guard let runtime = context.runtime, let child = ownChild(childID, context) else {
                return .outcome(.failure(notARunningChild(childID)))
            }
            try context.recorder.flush()
            runtime.supervision.update(childID) { $0.managed = true }
            await runtime.stop(childID, reason: "stopped by its parent \(context.actorID)", grace: child.shutdownTimeout)
            runtime.supervision.remove(childID)
            return .outcome(.success(nil))
        }
        supervisor.asyncFunction("restart-child", [.string], TheaterTypes.unitResult) { arguments in
            let childID = try arguments[0].stringArgument()
            guard let runtime = context.runtime, ownChild(childID, context) != nil else {
                return .outcome(.failure(notARunningChild(childID)))
            }
            try context.recorder.flush()
            do {
                try await runtime.restart(childID, reason: "restarted by its parent \(context.actorID)")
                return .outcome(.success(nil))
            } catch {
                return .outcome(.failure(HostFunctionError("restart-child \(childID): \(error)")))
            }
        }
        supervisor.asyncFunction("get-child-state", [.string], TheaterTypes.result(.option(bytes))) { arguments in
            let childID = try arguments[0].stringArgument()
            guard let actor = ownChild(childID, context)?.actor else {
                return .outcome(.failure(notARunningChild(childID)))
            }
            let state = await actor.state()
            return .outcome(.success(.option(state.map { .bytes($0) })))
        }
        supervisor.function("get-child-events", [.string], TheaterTypes.result(.list(TheaterTypes.chainEvent))) { arguments in
            let childID = try arguments[0].stringArgument()
            // A child stopped or not restarted still has its chain: it can be read.
            guard let runtime = context.runtime, let lineage = runtime.supervision.lineage(of: childID),
                  lineage.parentID == context.actorID else {
                return .outcome(.failure(HostFunctionError("\(childID) is not a child of this actor")))
            }
            guard runtime.recordingEnabled else {
                return .outcome(.failure(HostFunctionError("\(childID) has no chain: recording is off")))
            }
            let url = runtime.dataDirectory.chainURL(actorID: childID, incarnation: lineage.incarnation)
            do {
                let events = try ChainReader.read(at: url).events
                return .outcome(.success(.list(events.map(chainEventValue))))
            } catch {
                return .outcome(.failure(HostFunctionError("cannot read the chain of \(childID): \(error)")))
            }
        }
        return supervisor.granted
    }

    /// The child `childID` of the actor of `context`, if it has one by that id.
    private static func ownChild(_ childID: String, _ context: ActorContext) -> SupervisionTree.Child? {
        guard let child = context.runtime?.supervision.child(childID), child.parentID == context.actorID else { return nil }
        return child
    }

    private static func notARunningChild(_ childID: String) -> HostFunctionError {
        HostFunctionError("\(childID) is not a running child of this actor")
    }

    /// Starts a child from a manifest path or text; `ok(child-id)` or `err(reason)`. The child
    /// gets at most what its parent has, and a supervisor at most `max_children` children.
    private static func spawn(_ context: ActorContext, manifest text: String, state: [UInt8]?) async throws -> ComponentValue {
        guard let runtime = context.runtime else { return .outcome(.failure(HostFunctionError("no runtime"))) }
        try context.recorder.flush()
        let manifest: ActorManifest
        do {
            manifest = try loadManifest(text, parent: context.manifest, environment: runtime.environment)
        } catch {
            return .outcome(.failure(HostFunctionError("spawn: \(error)")))
        }
        do {
            try CapabilityCheck.require(manifest, within: context.manifest)
        } catch {
            return .outcome(.failure(HostFunctionError("spawn: \(error)")))
        }
        let config = context.manifest.supervisorConfig
        guard runtime.supervision.childCount(of: context.actorID) < config.maxChildren else {
            return .outcome(.failure(HostFunctionError(
                "spawn \(manifest.name): this actor already has \(config.maxChildren) children, its max_children")))
        }
        do {
            let child = try await runtime.spawnChild(
                manifest, initialState: state.map { .some($0) }, parentID: context.actorID,
                restart: manifest.supervision.restart ?? config.restart,
                shutdownTimeout: .milliseconds(manifest.supervision.shutdownTimeoutMs ?? config.shutdownTimeoutMs))
            return .outcome(.success(.string(child.id)))
        } catch {
            return .outcome(.failure(HostFunctionError("spawn \(manifest.name): \(error)")))
        }
    }

    /// A manifest given as TOML text (it has a line break or an `=`) or as a path relative to
    /// the parent's manifest folder.
    private static func loadManifest(_ text: String, parent: ActorManifest,
                                     environment: [String: String]) throws -> ActorManifest {
        if text.contains("\n") || text.contains("=") {
            return try ActorManifest.parse(text: text, fileName: "<manifest spawned by \(parent.name)>",
                                           baseDirectory: parent.baseDirectory, environment: environment)
        }
        let url = URL(fileURLWithPath: text, relativeTo: parent.baseDirectory).standardizedFileURL
        return try ActorManifest.load(path: url.path, environment: environment)
    }

    /// A chain event as the WIT `chain-event` record.
    static func chainEventValue(_ event: ChainEvent) -> ComponentValue {
        let summary = (try? RecordedEvent(type: event.type, payload: event.payload))?.summary
        return .record([
            ComponentField("hash", .bytes(event.hash.bytes)),
            ComponentField("parent-hash", .option(event.parentHash.map { .bytes($0.bytes) })),
            ComponentField("event-type", .string(event.type)),
            ComponentField("data", .bytes(event.payload)),
            ComponentField("timestamp", .u64(event.timestamp)),
            ComponentField("description", .option(summary.map { .string($0) })),
        ])
    }
}
