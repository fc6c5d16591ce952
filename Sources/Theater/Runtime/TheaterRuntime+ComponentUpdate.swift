import ComponentModel
import Foundation

/// Replacing a running actor's component (the management protocol's `UpdateActorComponent`,
/// and what `theater watch` does after each rebuild).
extension TheaterRuntime {
    /// Replaces the component of running top-level actor `id` with the component file at
    /// `componentURL`, keeping the actor's id and its state.
    ///
    /// The new component is checked against the actor's manifest first (imports granted,
    /// the exports its handlers call present); one that does not fit leaves the old instance
    /// running untouched. Otherwise the old instance stops as `stop` stops it (after the
    /// messages already queued, so no sent message is lost), recording
    /// "component updated to PATH (sha256 …)" as its stop reason; then the new component
    /// starts under the same id with the state the old one ended with (its `init` gets that
    /// state), as the next incarnation with its own chain, like `restart`. Between the two,
    /// for the time a start takes, the actor is not running: messages sent then are refused
    /// as to an unknown actor.
    ///
    /// The actor keeps its manifest (name, handlers, limits, the manifest text its chains
    /// record); only the component differs, and each chain's first event names the
    /// component it ran by hash, so replays use the right one. A later `restart` starts the
    /// new component from the manifest's initial state.
    ///
    /// When the new component's `init` fails with the kept state, the old component is
    /// started again with that state (`ComponentUpdateError.startFailed`, `restored: true`).
    @discardableResult
    public func updateComponent(of id: String, to componentURL: URL) async throws(ComponentUpdateError) -> ActorRuntime {
        guard let old = actor(id) else {
            throw status(of: id) == nil ? ComponentUpdateError.unknownActor(id) : ComponentUpdateError.notRunning(id)
        }
        if let child = supervision.child(id) { throw .supervisedChild(id: id, parentID: child.parentID) }
        guard let launch = launch(of: id) else { throw .notRunning(id) }
        guard componentUpdates.claim(id) else { throw .busy(id) }
        defer { componentUpdates.release(id) }

        let path = componentURL.path
        var manifest = old.manifest
        manifest.component = path
        manifest.componentURL = componentURL
        let hash: String
        do {
            hash = try checkedComponent(for: manifest)
        } catch {
            throw .unfit(path: path, reason: "\(error)")
        }

        await stop(id, reason: "component updated to \(path) (sha256 \(hash.prefix(16))…)")
        // Read after the stop: the state after every message queued before it.
        let state = await old.state()
        let incarnation = launch.incarnation + 1
        recordLaunch(Launch(initialState: launch.initialState, incarnation: incarnation), of: id)
        do {
            return try await ActorLauncher(runtime: self).launch(manifest, initialState: .some(state), parentID: nil,
                                                                 actorID: id, incarnation: incarnation)
        } catch {
            let reason = "\(error)"
            // Put the old component back, with the same state, as the incarnation after.
            recordLaunch(Launch(initialState: launch.initialState, incarnation: incarnation + 1), of: id)
            let restored = (try? await ActorLauncher(runtime: self).launch(
                old.manifest, initialState: .some(state), parentID: nil, actorID: id, incarnation: incarnation + 1)) != nil
            throw .startFailed(path: path, reason: reason, restored: restored)
        }
    }

    /// Reads, decodes and validates `manifest`'s component (through the runtime's cache, so
    /// the start that follows does not decode it again), stores it in the content store and
    /// checks it against the manifest's handlers. Returns its SHA-256 (hex).
    private func checkedComponent(for manifest: ActorManifest) throws -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: manifest.componentURL.path, isDirectory: &isFolder) else {
            throw ActorStartError.component("there is no file at \(manifest.componentURL.path)")
        }
        guard !isFolder.boolValue else {
            throw ActorStartError.component("\(manifest.componentURL.path) is a folder, not a component file")
        }
        let bytes = try ComponentLoader.read(manifest.componentURL)
        let hash = ChainHash.sha256(bytes).hex
        let component = try validatedComponent(bytes: bytes, hash: hash)
        _ = try ActorValidation.check(component, against: manifest)
        return hash
    }
}
