/// A supervisor's restart intensity, as in Erlang/OTP: at most `maxRestarts` restarts
/// within any `period`; one more means the supervisor gives up.
///
/// Owned by the supervisor's message loop. Times are wall-clock (monotonic) readings, so
/// the decision is not deterministic: it is recorded in the supervisor's chain, and a
/// replay re-reads it from there.
struct RestartIntensity {
    let maxRestarts: Int
    let period: Duration
    private var restarts: [ContinuousClock.Instant] = []

    init(maxRestarts: Int, period: Duration) {
        self.maxRestarts = maxRestarts
        self.period = period
    }

    /// Counts a restart at `now`; false when it would be one too many within the period
    /// (then nothing is counted).
    mutating func allowRestart(at now: ContinuousClock.Instant = .now) -> Bool {
        restarts.removeAll { now - $0 >= period }
        guard restarts.count < maxRestarts else { return false }
        restarts.append(now)
        return true
    }

    /// The rule in words, for the `gave-up` event: "3 restarts within 5 s".
    var description: String {
        let seconds = period.components.seconds
        return "more than \(maxRestarts) restart\(maxRestarts == 1 ? "" : "s") within \(seconds) s"
    }
}
