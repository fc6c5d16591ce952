import Foundation

/// Starting and restarting supervised children. The tree (`supervision`) holds what a
/// restart needs; the supervisor's message loop makes the decisions
/// (`ActorRuntime+Supervision`).
extension TheaterRuntime {
    /// Starts a child of `parentID` from `manifest` and puts it in the supervision tree with
    /// its restart type and shutdown timeout. Fails when the start fails (the child is then
    /// not in the tree).
    func spawnChild(_ manifest: ActorManifest, initialState: [UInt8]??, parentID: String,
                    restart: RestartType, shutdownTimeout: Duration) async throws -> ActorRuntime {
        guard actorIDs.count < maxActors else { throw ActorStartError.tooManyActors(maxActors) }
        let childID = ActorID.random()
        supervision.add(SupervisionTree.Child(
            id: childID, parentID: parentID, manifest: manifest, initialState: initialState,
            restart: restart, shutdownTimeout: shutdownTimeout))
        do {
            let actor = try await ActorLauncher(runtime: self).launch(
                manifest, initialState: initialState, parentID: parentID, actorID: childID)
            adopt(actor, as: childID)
            return actor
        } catch {
            supervision.remove(childID)
            throw error
        }
    }

    /// Starts supervised child `childID` again: a fresh instance from the manifest and
    /// initial state it was spawned with, under the same id, with the next incarnation's
    /// chain. Returns the incarnation number. The child's supervisor calls it (from its
    /// message loop) after the previous incarnation has ended.
    func restartChild(_ childID: String) async -> Result<Int, ActorStartError> {
        guard let child = supervision.child(childID) else {
            return .failure(.instantiation("\(childID) is not a supervised child"))
        }
        let incarnation = child.incarnation + 1
        supervision.update(childID) {
            $0.incarnation = incarnation
            $0.actor = nil
            $0.managed = true
        }
        do {
            let launcher = ActorLauncher(runtime: self)
            let actor = try await launcher.launch(child.manifest, initialState: child.initialState,
                                                  parentID: child.parentID, actorID: childID, incarnation: incarnation)
            return .success(adopt(actor, as: childID))
        } catch let error as ActorStartError {
            return .failure(error)
        } catch {
            return .failure(.instantiation("\(error)"))
        }
    }

    /// Hands a started child over to its supervisor's care: from now on its end is a notice
    /// to the supervisor. An incarnation that already ended (right after `init`) is told at
    /// once. Returns the child's incarnation.
    @discardableResult
    func adopt(_ actor: ActorRuntime, as childID: String) -> Int {
        var incarnation = 0
        var parentID: String?
        supervision.update(childID) {
            $0.managed = false
            incarnation = $0.incarnation
            parentID = $0.parentID
        }
        Task {
            if let exit = await actor.exitStatus(), let parentID, let parent = self.actor(parentID) {
                notify(parent, .childEnded(child: actor, exit: exit))
            }
        }
        return incarnation
    }

}
