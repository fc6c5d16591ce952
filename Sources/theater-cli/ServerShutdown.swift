/// The server's one shutdown: stopping the actors, then the listeners. A signal starts it;
/// the command's main path, whose `serve()` returns once the listener is closed, waits for
/// the same shutdown to finish before the process exits, so the process never ends halfway
/// through it (with the metrics endpoint still closing, or "server stopped" not yet said).
actor ServerShutdown {
    private var running: Task<Void, Never>?

    /// Starts the shutdown with `steps` unless it has started already; returns once it is done.
    func run(_ steps: @escaping @Sendable () async -> Void) async {
        if running == nil { running = Task { await steps() } }
        await running?.value
    }
}
