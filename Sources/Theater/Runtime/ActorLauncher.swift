import ComponentModel
import Foundation

/// Starts one live actor for a `TheaterRuntime`: stores its component, opens its chain,
/// records the first event (what fixes the run), builds its sandbox and calls `init`.
struct ActorLauncher {
    let runtime: TheaterRuntime

    /// Starts an actor from `manifest`; `actorID` and `incarnation` are given when a
    /// supervisor restarts a child (same id, a new chain), else a fresh id is made.
    func launch(_ manifest: ActorManifest, initialState: [UInt8]??, parentID: String?,
                actorID givenID: String? = nil, incarnation: Int = 0) async throws -> ActorRuntime {
        let bytes = try ComponentLoader.read(manifest.componentURL)
        let componentHash = ChainHash.sha256(bytes).hex
        if !runtime.contentStore.contains(componentHash) {
            _ = try runtime.contentStore.put(bytes)
        }
        let component: ValidatedComponent
        do {
            component = try runtime.validatedComponent(bytes: bytes, hash: componentHash)
        } catch let error as ActorStartError {
            throw ActorStartError.component("\(manifest.componentURL.path): \(error)")
        }

        let actorID = givenID ?? ActorID.random()
        let chainURL = runtime.recordingEnabled
            ? runtime.dataDirectory.chainURL(actorID: actorID, incarnation: incarnation) : nil
        let writer = try chainURL.map { try ChainWriter.create(at: $0) }
        let recorder = ChainRecorder(mode: .live(writer: writer), disabled: !runtime.recordingEnabled)
        recorder.feed = ActorEventFeed()
        let seed = manifest.randomSeed ?? UInt64.random(in: .min ... .max)
        let state: [UInt8]? = initialState ?? manifest.initialState

        try recorder.record(.actorStarted(ActorStartRecord(
            actorID: actorID, name: manifest.name, manifest: manifest.sourceText, componentHash: componentHash,
            initialState: state, grants: manifest.handlers.map(\.canonicalDescription) + [manifest.limits.canonicalDescription], randomSeed: seed,
            parentID: parentID, environment: ManifestVariables.values(referencedIn: manifest.sourceText,
                                                                      from: runtime.environment))))

        let logSink = runtime.logSink
        let context = ActorContext(actorID: actorID, manifest: manifest, recorder: recorder, chainURL: chainURL,
                                   runtime: runtime, logSink: { logSink(manifest.name, actorID, $0) })
        context.state = state
        let instance: ActorInstance
        do {
            instance = try ActorSandbox.instantiate(component, manifest: manifest, context: context, randomSeed: seed,
                                                    environment: runtime.environment, output: runtime.standardOutput)
        } catch {
            try? recorder.record(.actorError(kind: RecordedErrorKind.startFailed, message: "\(error)"))
            try? recorder.record(.actorStopped(reason: "failed to start"))
            try? recorder.close()
            throw error
        }
        let core = ActorCore(instance: instance, context: context, limits: manifest.limits)
        let actor = ActorRuntime(core: core, parentID: parentID, incarnation: incarnation,
                                 activity: runtime.activity) { [weak runtime] actor, exit in
            runtime?.actorEnded(actor, exit)
        }
        runtime.register(actor)
        try await actor.start()
        return actor
    }
}
