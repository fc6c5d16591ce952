import Theater
import TheaterServer

/// What the server tells about one actor, gathered for `inspect` and `tree`: its status,
/// name, place in the supervision hierarchy and metrics.
///
/// The hierarchy comes from the `parent` and `children` fields of `GetActorMetrics`, this
/// server's documented extension of the protocol's free-form metrics; an actor that is not
/// running has no metrics, so it shows no parent or children.
struct ActorSnapshot {
    let id: String
    /// The manifest's name; nil when the server does not list the actor and has no manifest for it.
    let name: String?
    let status: ManagementActorStatus
    /// The metrics object; nil when the actor is not running.
    let metrics: ManagementJSON?

    /// The supervisor's id (nil: top level, or unknown because the actor is not running).
    var parent: String? { metrics?["parent"]?.text }
    /// The supervised children's ids, in start order.
    var children: [String] { metrics?["children"]?.strings ?? [] }

    /// Asks `server` about actor `id`; `names` are the names `ListActors` gave, used before
    /// asking for the manifest. Fails with the server's explanation for an unknown id.
    static func fetch(_ id: String, from server: ManagementClient, names: [String: String]) async throws -> ActorSnapshot {
        guard case .actorStatus(_, let status) = try await server.answer(.getActorStatus(id: id), actorID: id) else {
            throw CommandFailure("the server answered GetActorStatus for \(id) with an unexpected response")
        }
        var metrics: ManagementJSON?
        if status == .running, case .actorMetrics(_, let value)? = try? await server.answer(.getActorMetrics(id: id), actorID: id) {
            metrics = value
        }
        var name = names[id]
        if name == nil, case .actorManifest(_, let manifest)? = try? await server.answer(.getActorManifest(id: id), actorID: id) {
            name = ManifestSummary(manifest).name
        }
        return ActorSnapshot(id: id, name: name, status: status, metrics: metrics)
    }

    /// The names of the running actors by id.
    static func names(from server: ManagementClient) async throws -> (ids: [String], names: [String: String]) {
        guard case .actorList(let actors) = try await server.answer(.listActors) else {
            throw CommandFailure("the server answered ListActors with an unexpected response")
        }
        var names: [String: String] = [:]
        for actor in actors { names[actor.id] = actor.name }
        return (actors.map(\.id), names)
    }
}
