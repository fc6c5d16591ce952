/// The `README.md` `theater create` writes into a new project: what the actor does and
/// how to build and run it.
enum ActorTemplateReadme {
    /// The README of an actor called `name` made from `template`.
    static func text(name: String, template: ActorTemplate) -> String {
        """
        # \(name)

        A Theater actor in Python, made by `theater create \(name) --template \(template.rawValue)`.

        \(summary(of: template, name: name))

        ## Files

        - `app.py`: the actor (world `\(template.world.rawValue)` of the `ntwk:theater` WIT).
        - `manifest.toml`: its name, component (`\(name).wasm`) and the handlers it is granted:
          \(template.world.handlers.map { "`\($0)`" }.joined(separator: ", ")).
        - `wit/`: the `ntwk:theater` WIT package the bindings are generated from.

        ## Build

            pip install componentize-py     # once; Theater is tested with 0.25.1
            theater build

        `theater build` runs `componentize-py -d wit -w \(template.world.rawValue) componentize -p . app -o \(name).wasm`
        and checks the component against `manifest.toml`. It picks the world from the manifest's
        handlers (\(ActorWorld.ruleDescription)); `theater build --world W` picks another, e.g.
        one of your own added to `wit/`. The component holds a Python interpreter (about 18 MB).

        ## Run

        \(running(template: template, name: name))
        """
    }

    private static func summary(of template: ActorTemplate, name: String) -> String {
        switch template {
        case .basic:
            return "It logs `\(name) <actor-id> started` when it starts and then waits; it has no messages to handle."
        case .messageServer:
            return """
            Its state is the number of one-way messages it received, as decimal text. A send `M` is
            logged as `received M` and counted; the request `count` answers the count; any other
            request `R` answers `echo: R`. Channels are refused.
            """
        case .supervisor:
            return """
            Its state is JSON: `{"child_manifest": "<path>", "children": [...]}`. In init it spawns a
            child from `child_manifest` (relative to this manifest; empty, the default, spawns
            nothing) and logs the child's id; it logs each child's failure, exit and stop. Point it at
            an actor, e.g. one made with `theater create worker` (a basic actor) next to this project,
            by setting in `manifest.toml`:

                init_state = '{"child_manifest": "../worker/manifest.toml"}'

            A child is granted no handler its parent lacks: to supervise a message-server actor, add a
            `message-server` handler here too, with a world of your own in `wit/` that imports
            `message-server-host` and exports `message-server-client` (`theater build --world`).
            """
        case .http:
            return """
            In `init` it starts a server on 127.0.0.1 through the `http-framework` handler, on the port
            its state holds (`init_state`; 0 takes any free port), and logs the address. Every GET gets
            `200 hello from \(name)`, a middleware lets every request through, and WebSocket messages on
            `/ws` are echoed; every call is logged, and every request is recorded in the actor's chain.
            """
        }
    }

    private static func running(template: ActorTemplate, name: String) -> String {
        switch template {
        case .basic:
            return """
                theater run manifest.toml       # logs "\(name) <id> started"; Ctrl-C stops it

            With a server: `theater server`, then `theater start manifest.toml`.
            """
        case .messageServer:
            return """
                theater run manifest.toml --send hi --request count --request ping
                # prints 1, then "echo: ping"

            With a server: `theater server`, then `theater start manifest.toml` and
            `theater message <actor-id> --data ping --request`.
            """
        case .supervisor:
            return """
                theater run manifest.toml       # logs the child it spawned; Ctrl-C stops both

            With a server: `theater server`, then `theater start manifest.toml` and `theater tree`.
            """
        case .http:
            return """
                theater run manifest.toml       # logs "serving on http://127.0.0.1:8080"
                curl http://127.0.0.1:8080/     # hello from \(name)

            Ctrl-C stops it; `theater replay` of its chain needs no network.
            """
        }
    }
}
