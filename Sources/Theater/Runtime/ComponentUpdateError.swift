import Foundation

/// Why `TheaterRuntime.updateComponent(of:to:)` did not replace an actor's component.
/// Except for `startFailed` with `restored == false`, the actor is left as it was (running
/// its old component, or not running at all for `unknownActor` / `notRunning`).
public enum ComponentUpdateError: Error, CustomStringConvertible, Equatable {
    /// The runtime knows no actor with this id.
    case unknownActor(String)
    /// The actor has ended; there is nothing to update (restart or start it instead).
    case notRunning(String)
    /// The actor is a supervised child: its supervisor restarts it from the manifest it spawned
    /// it with, which would silently undo the update.
    case supervisedChild(id: String, parentID: String)
    /// Another update or restart of the same actor is under way.
    case busy(String)
    /// The new component cannot be read, is not a valid component, or does not fit the
    /// actor's manifest (an import no handler grants, an export a handler calls missing).
    case unfit(path: String, reason: String)
    /// The new component fitted but its `init` (or its start) failed with the kept state.
    /// `restored` tells whether the old component was started again with that state.
    case startFailed(path: String, reason: String, restored: Bool)

    public var description: String {
        switch self {
        case .unknownActor(let id):
            return "no actor \(id)"
        case .notRunning(let id):
            return "actor \(id) is not running; start it again instead of updating it"
        case .supervisedChild(let id, let parentID):
            return "actor \(id) is a supervised child of \(parentID): its supervisor restarts it from the manifest "
                + "it spawned it with, so update the child's manifest and restart it through its supervisor instead"
        case .busy(let id):
            return "actor \(id) is already being updated; try again once that update has finished"
        case .unfit(let path, let reason):
            return "the component \(path) does not fit the actor's manifest: \(reason); the old component keeps running"
        case .startFailed(let path, let reason, let restored):
            return "the component \(path) failed to start with the actor's state: \(reason); "
                + (restored ? "the old component was started again with that state"
                            : "starting the old component again failed too, so the actor has stopped")
        }
    }
}
