import ComponentModel
import Foundation

/// `ntwk:theater/supervisor`: spawning child actors (from a manifest path, relative to the
/// parent's manifest folder, or manifest TOML text), listing and stopping them, and reading
/// their state and events. Results are recorded, so a replay of the parent needs no child.
/// (Restart strategies and intensity limits come with the supervision work.)
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
            let running = Set(context.runtime?.actorIDs ?? [])
            return .list(context.children.filter { running.contains($0) }.map { .string($0) })
        }
        supervisor.asyncFunction("stop-child", [.string], TheaterTypes.unitResult) { arguments in
            let child = try arguments[0].stringArgument()
            guard context.children.contains(child), let runtime = context.runtime, runtime.actor(child) != nil else {
                return .outcome(.failure(HostFunctionError("\(child) is not a running child of this actor")))
            }
            try context.recorder.flush()
            await runtime.stop(child, reason: "stopped by its parent \(context.actorID)")
            return .outcome(.success(nil))
        }
        supervisor.function("restart-child", [.string], TheaterTypes.unitResult) { arguments in
            let child = try arguments[0].stringArgument()
            return .outcome(.failure(HostFunctionError("restart-child \(child): restarts are not available in this version")))
        }
        supervisor.asyncFunction("get-child-state", [.string], TheaterTypes.result(.option(bytes))) { arguments in
            let child = try arguments[0].stringArgument()
            guard context.children.contains(child), let actor = context.runtime?.actor(child) else {
                return .outcome(.failure(HostFunctionError("\(child) is not a running child of this actor")))
            }
            let state = await actor.state()
            return .outcome(.success(.option(state.map { .bytes($0) })))
        }
        supervisor.function("get-child-events", [.string], TheaterTypes.result(.list(TheaterTypes.chainEvent))) { arguments in
            let child = try arguments[0].stringArgument()
            guard context.children.contains(child), let url = context.runtime?.dataDirectory.chainURL(actorID: child) else {
                return .outcome(.failure(HostFunctionError("\(child) is not a child of this actor")))
            }
            do {
                let events = try ChainReader.read(at: url).events
                return .outcome(.success(.list(events.map(chainEventValue))))
            } catch {
                return .outcome(.failure(HostFunctionError("cannot read the chain of \(child): \(error)")))
            }
        }
        return supervisor.granted
    }

    /// Starts a child from a manifest path or text; `ok(child-id)` or `err(reason)`.
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
            let child = try await runtime.start(manifest, initialState: state.map { .some($0) },
                                                parentID: context.actorID)
            context.children.append(child.id)
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
