/// When a supervisor restarts a child that ended (Erlang/OTP's restart types): the
/// `restart` key of the `supervisor` handler (the default of its children) and of a
/// child's own `[supervision]` table.
public enum RestartType: String, Sendable, Equatable, CaseIterable {
    /// Always restarted, whether it failed or ended normally.
    case permanent
    /// Restarted only when it failed; a normal exit is final.
    case transient
    /// Never restarted.
    case temporary
}
