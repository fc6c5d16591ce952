/// Figures about a whole runtime: how many actors run, have started and have failed since
/// it was made (restarts included: each incarnation counts).
public struct RuntimeMetrics: Sendable, Equatable {
    /// Actors running now.
    public let actorsRunning: Int
    /// Actors started so far (each incarnation of a restarted actor counts once).
    public let actorsStarted: Int
    /// Actors that ended as failed (trapped, `init` failed, chain unwritable, gave up).
    public let actorsFailed: Int

    /// Figures as given.
    public init(actorsRunning: Int, actorsStarted: Int, actorsFailed: Int) {
        self.actorsRunning = actorsRunning
        self.actorsStarted = actorsStarted
        self.actorsFailed = actorsFailed
    }
}
