/// How a supervisor reacts when one of its children fails (Erlang/OTP's strategies), set
/// by the `strategy` key of the `supervisor` handler.
public enum RestartStrategy: String, Sendable, Equatable, CaseIterable {
    /// Restart only the child that failed.
    case oneForOne = "one-for-one"
    /// Stop every child (in reverse start order) and restart them all (in start order).
    case oneForAll = "one-for-all"
    /// Stop the failed child and every child started after it, then restart those.
    case restForOne = "rest-for-one"
}
