import ArgumentParser

/// The kinds of actor project `theater create` writes. Each is a Python actor for one of
/// the project's worlds, with a manifest granting exactly the handlers that world imports.
enum ActorTemplate: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Logs in init and does nothing else.
    case basic
    /// Answers requests and counts one-way messages.
    case messageServer = "message-server"
    /// Spawns a child from a manifest named in its initial state and logs the child's events.
    case supervisor
    /// Implements the HTTP handler exports (the `http-framework` handler is not in Theater yet).
    case http

    /// The world of the project's WIT the template's `app.py` implements.
    var world: ActorWorld {
        switch self {
        case .basic: return .basic
        case .messageServer: return .messageServer
        case .supervisor: return .supervisor
        case .http: return .http
        }
    }

    /// The manifest's `init_state` line, if the template has one.
    var initialStateLine: String? {
        switch self {
        case .basic: return nil
        case .messageServer: return "init_state = \"0\""
        // The port to serve on (0: any free port; the actor logs the one it got).
        case .http: return "init_state = \"8080\""
        // An empty path spawns nothing; the README says how to point it at a child.
        case .supervisor: return "init_state = '{\"child_manifest\": \"\"}'"
        }
    }

    /// The text of `app.py` for an actor called `name`.
    func application(name: String) -> String {
        switch self {
        case .basic: return ActorTemplateApplications.basic(name: name)
        case .messageServer: return ActorTemplateApplications.messageServer(name: name)
        case .supervisor: return ActorTemplateApplications.supervisor(name: name)
        case .http: return ActorTemplateApplications.http(name: name)
        }
    }

    /// The text of `manifest.toml` for an actor called `name`, whose component is `NAME.wasm`.
    func manifest(name: String) -> String {
        var text = "name = \"\(name)\"\nversion = \"0.1.0\"\ncomponent = \"\(name).wasm\"\n"
        if let initialStateLine { text += initialStateLine + "\n" }
        for handler in world.handlers {
            text += "\n[[handler]]\ntype = \"\(handler)\"\n"
        }
        return text
    }
}
