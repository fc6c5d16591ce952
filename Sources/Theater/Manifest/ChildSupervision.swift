/// A child's own supervision settings, from its manifest's optional `[supervision]`
/// table; each one overrides its supervisor's default for this child only.
///
/// ```toml
/// [supervision]
/// restart = "transient"          # "permanent", "transient" or "temporary"
/// shutdown_timeout_ms = 2000     # how long this child may take to stop
/// ```
/// An actor without a supervisor (started from the CLI) ignores the table.
public struct ChildSupervision: Sendable, Equatable {
    /// The child's restart type, or nil to take the supervisor's `restart`.
    public var restart: RestartType?
    /// How long the child may take to stop, in milliseconds, or nil to take the
    /// supervisor's `shutdown_timeout_ms`.
    public var shutdownTimeoutMs: UInt64?

    /// Settings with the given overrides (nil: the supervisor's default).
    public init(restart: RestartType? = nil, shutdownTimeoutMs: UInt64? = nil) {
        self.restart = restart
        self.shutdownTimeoutMs = shutdownTimeoutMs
    }

    static let keys = ["restart", "shutdown_timeout_ms"]

    /// Reads a `[supervision]` table.
    init(reading table: ManifestTableReader) throws(ManifestError) {
        self.init(
            restart: try table.choice("restart", example: "restart = \"transient\""),
            shutdownTimeoutMs: try table.integer(
                "shutdown_timeout_ms", in: SupervisorConfig.shutdownTimeoutRange, unit: "ms",
                example: "shutdown_timeout_ms = 2000"))
    }
}
