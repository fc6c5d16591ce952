/// The actions a `supervision` event records in a supervisor's chain (docs/chain-format.md).
enum SupervisionAction {
    /// A child failed (trapped, ran out of fuel, crossed a limit, could not write its chain).
    static let childFailed = "child-failed"
    /// A child shut itself down (`runtime.shutdown`).
    static let childExited = "child-exited"
    /// A child was stopped from outside (not by its supervisor).
    static let childStopped = "child-stopped"
    /// A child was started again (a fresh instance, initialised as at its spawn).
    static let childRestarted = "child-restarted"
    /// A child ended and is not restarted (its restart type says so); it is no longer supervised.
    static let childNotRestarted = "child-not-restarted"
    /// Starting a child again failed.
    static let restartFailed = "restart-failed"
    /// The restart intensity was exceeded: the supervisor stops its children and fails,
    /// which its own supervisor sees as a failed child.
    static let gaveUp = "gave-up"
}
