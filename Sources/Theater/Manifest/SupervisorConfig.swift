/// Settings of the `supervisor` handler: how the actor supervises the children it
/// spawns, after Erlang/OTP's supervisors. Every key is optional.
///
/// ```toml
/// [[handler]]
/// type = "supervisor"
/// strategy = "one-for-one"      # or "one-for-all", "rest-for-one"
/// max_restarts = 3              # at most this many restarts ...
/// max_seconds = 5               # ... within this many seconds, else give up and escalate
/// restart = "permanent"         # children's default: "permanent", "transient", "temporary"
/// shutdown_timeout_ms = 5000    # how long a stopping child may take
/// max_children = 100            # children alive at once
/// ```
///
/// A child may override `restart` and `shutdown_timeout_ms` for itself in its own
/// manifest's `[supervision]` table (see `ChildSupervision`).
public struct SupervisorConfig: Sendable, Equatable {
    /// Which children are restarted when one fails (default one-for-one).
    public var strategy: RestartStrategy
    /// The restart intensity: at most this many restarts within `maxSeconds`
    /// (default 3); one more and the supervisor stops its children and fails.
    public var maxRestarts: Int
    /// The period of the restart intensity, in seconds (default 5).
    public var maxSeconds: Int
    /// The restart type of children that do not set one themselves (default permanent).
    public var restart: RestartType
    /// How long a child may take to stop before it is ended by force, in milliseconds
    /// (default 5000), for children that do not set their own.
    public var shutdownTimeoutMs: UInt64
    /// How many children may be alive at once (default 100): a spawn beyond it fails.
    public var maxChildren: Int

    /// The defaults of every setting.
    public static let defaults = SupervisorConfig()

    /// The accepted ranges, also used in error messages.
    public static let maxRestartsRange: ClosedRange<Int> = 0...1_000_000
    /// The accepted `max_seconds`: a second to a day.
    public static let maxSecondsRange: ClosedRange<Int> = 1...86_400
    /// The accepted `shutdown_timeout_ms`: 0 (stop at once) to a day.
    public static let shutdownTimeoutRange: ClosedRange<UInt64> = 0...86_400_000
    /// The accepted `max_children`.
    public static let maxChildrenRange: ClosedRange<Int> = 1...100_000

    /// A configuration with the given values; each defaults as documented above.
    public init(
        strategy: RestartStrategy = .oneForOne, maxRestarts: Int = 3, maxSeconds: Int = 5,
        restart: RestartType = .permanent, shutdownTimeoutMs: UInt64 = 5000, maxChildren: Int = 100
    ) {
        self.strategy = strategy
        self.maxRestarts = maxRestarts
        self.maxSeconds = maxSeconds
        self.restart = restart
        self.shutdownTimeoutMs = shutdownTimeoutMs
        self.maxChildren = maxChildren
    }

    static let keys = ["strategy", "max_restarts", "max_seconds", "restart", "shutdown_timeout_ms", "max_children"]

    init(reading settings: ManifestTableReader) throws(ManifestError) {
        let defaults = SupervisorConfig.defaults
        self.init(
            strategy: try settings.choice("strategy", example: "strategy = \"one-for-one\"") ?? defaults.strategy,
            maxRestarts: try settings.integer(
                "max_restarts", in: SupervisorConfig.widened(SupervisorConfig.maxRestartsRange), unit: "restarts",
                example: "max_restarts = 3").map { Int($0) } ?? defaults.maxRestarts,
            maxSeconds: try settings.integer(
                "max_seconds", in: SupervisorConfig.widened(SupervisorConfig.maxSecondsRange), unit: "seconds",
                example: "max_seconds = 5").map { Int($0) } ?? defaults.maxSeconds,
            restart: try settings.choice("restart", example: "restart = \"permanent\"") ?? defaults.restart,
            shutdownTimeoutMs: try settings.integer(
                "shutdown_timeout_ms", in: SupervisorConfig.shutdownTimeoutRange, unit: "ms",
                example: "shutdown_timeout_ms = 5000") ?? defaults.shutdownTimeoutMs,
            maxChildren: try settings.integer(
                "max_children", in: SupervisorConfig.widened(SupervisorConfig.maxChildrenRange), unit: "children",
                example: "max_children = 100").map { Int($0) } ?? defaults.maxChildren)
    }

    private static func widened(_ range: ClosedRange<Int>) -> ClosedRange<UInt64> {
        UInt64(range.lowerBound)...UInt64(range.upperBound)
    }

    var canonicalSettings: [String: String] {
        [
            "strategy": CanonicalText.string(strategy.rawValue),
            "max_restarts": CanonicalText.integer(maxRestarts),
            "max_seconds": CanonicalText.integer(maxSeconds),
            "restart": CanonicalText.string(restart.rawValue),
            "shutdown_timeout_ms": CanonicalText.integer(shutdownTimeoutMs),
            "max_children": CanonicalText.integer(maxChildren),
        ]
    }
}
