@testable import Theater

extension RuntimeScenario {
    /// Starts the counter example (`examples/counter`, handlers runtime and message-server,
    /// initial count 0) with `extra` TOML appended to its manifest (e.g. a `[limits]` table).
    func startCounter(extra: String = "") async throws -> ActorRuntime {
        try await start("counter", component: RuntimeScenario.prebuilt("examples/counter/counter.wasm"),
                        handlers: ["runtime", "message-server"], initialState: "0", extra: extra)
    }
}
