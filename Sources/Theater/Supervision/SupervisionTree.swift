import Foundation

/// Who supervises whom: every supervisor's children in start order, with what restarting
/// each one needs (its manifest, its initial state, its restart type and shutdown timeout).
///
/// Owned by `TheaterRuntime`; read and changed from the message loops of the supervisors
/// and from the runtime when an actor ends, so every access takes the lock (held for a
/// dictionary access only, never across a call). A child keeps its actor id across restarts:
/// each restart is a new incarnation with a chain file of its own.
final class SupervisionTree: @unchecked Sendable {
    /// One supervised child.
    struct Child {
        /// The child's actor id (kept across restarts).
        let id: String
        /// Its supervisor's actor id.
        let parentID: String
        /// The manifest it was spawned from; a restart starts it again from this.
        let manifest: ActorManifest
        /// The initial state given at spawn (nil: the manifest's `init_state`).
        let initialState: [UInt8]??
        /// When it is restarted.
        let restart: RestartType
        /// How long a stop waits for it before cutting short what it is doing.
        let shutdownTimeout: Duration
        /// The running incarnation (nil while it is being started or after it ended).
        var actor: ActorRuntime?
        /// 0 for the spawned instance, one more for each restart.
        var incarnation: Int = 0
        /// Set while its supervisor starts or stops it: its end is then the supervisor's
        /// doing (or a failed start the supervisor sees itself), not a notice to handle.
        var managed = true
    }

    private let lock = NSLock()
    private var childrenByParent: [String: [Child]] = [:]
    private var parentByChild: [String: String] = [:]
    /// Children no longer supervised (stopped, not restarted): their parent and last
    /// incarnation, so that the parent can still read their chains.
    private var former: [String: (parentID: String, incarnation: Int)] = [:]

    /// Adds `child` after its supervisor's other children.
    func add(_ child: Child) {
        lock.withLock {
            childrenByParent[child.parentID, default: []].append(child)
            parentByChild[child.id] = child.parentID
        }
    }

    /// Removes child `id` (it will not be restarted); returns it.
    @discardableResult
    func remove(_ id: String) -> Child? {
        lock.withLock {
            guard let parent = parentByChild.removeValue(forKey: id) else { return nil }
            var siblings = childrenByParent[parent] ?? []
            guard let index = siblings.firstIndex(where: { $0.id == id }) else { return nil }
            let child = siblings.remove(at: index)
            childrenByParent[parent] = siblings.isEmpty ? nil : siblings
            former[id] = (parent, child.incarnation)
            return child
        }
    }

    /// Child `id`, if it is supervised.
    func child(_ id: String) -> Child? {
        lock.withLock {
            guard let parent = parentByChild[id] else { return nil }
            return childrenByParent[parent]?.first { $0.id == id }
        }
    }

    /// The parent and last incarnation of `id`, supervised now or before.
    func lineage(of id: String) -> (parentID: String, incarnation: Int)? {
        lock.withLock {
            if let parent = parentByChild[id], let child = childrenByParent[parent]?.first(where: { $0.id == id }) {
                return (parent, child.incarnation)
            }
            return former[id]
        }
    }

    /// The children of `parentID`, in start order.
    func children(of parentID: String) -> [Child] {
        lock.withLock { childrenByParent[parentID] ?? [] }
    }

    /// Changes child `id` in place; false when it is not supervised (any more).
    @discardableResult
    func update(_ id: String, _ change: (inout Child) -> Void) -> Bool {
        lock.withLock {
            guard let parent = parentByChild[id], var siblings = childrenByParent[parent],
                  let index = siblings.firstIndex(where: { $0.id == id }) else { return false }
            change(&siblings[index])
            childrenByParent[parent] = siblings
            return true
        }
    }

    /// How many children `parentID` has.
    func childCount(of parentID: String) -> Int {
        lock.withLock { childrenByParent[parentID]?.count ?? 0 }
    }
}
