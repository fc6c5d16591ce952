/// The worlds of the project's WIT (`wit/worlds.wit`) that `theater build` picks from a
/// manifest's handlers, and the handlers each needs.
///
/// componentize-py makes a component import everything its world imports, and Theater
/// refuses a component whose imports are not all granted, so the world must not import more
/// than the manifest grants. `theater build` takes the first world of `preferenceOrder` whose
/// handlers the manifest all has; `--world` overrides it (e.g. `full-actor`, or a world of
/// the project's own in `wit/`).
enum ActorWorld: String, CaseIterable, Sendable {
    case basic = "basic-actor"
    case messageServer = "message-server-actor"
    case supervisor = "supervisor-actor"
    case http = "http-actor"
    case fetch = "fetch-actor"

    /// The manifest handler types whose interfaces the world imports.
    var handlers: [String] {
        switch self {
        case .basic: return ["runtime"]
        case .messageServer: return ["runtime", "message-server"]
        case .supervisor: return ["runtime", "supervisor"]
        case .http: return ["runtime", "http-framework"]
        case .fetch: return ["runtime", "message-server", "http-client"]
        }
    }

    /// The order `theater build` tries the worlds in: the most specific first.
    static let preferenceOrder: [ActorWorld] = [.http, .fetch, .messageServer, .supervisor, .basic]

    /// The world for a manifest granting `handlerTypes`, or nil when the manifest lacks even
    /// the `runtime` handler every project world imports.
    static func chosen(for handlerTypes: [String]) -> ActorWorld? {
        preferenceOrder.first { world in world.handlers.allSatisfy(handlerTypes.contains) }
    }

    /// The rule above as text, for help and error messages.
    static var ruleDescription: String {
        preferenceOrder.map { "\($0.rawValue) (handlers \($0.handlers.joined(separator: " + ")))" }
            .joined(separator: ", ")
    }
}
