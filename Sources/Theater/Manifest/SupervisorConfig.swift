/// Settings of the `supervisor` handler. (Placeholder defaults until the manifest keys are read.)
public struct SupervisorConfig: Sendable, Equatable {
    public var strategy: RestartStrategy = .oneForOne
    public var maxRestarts: Int = 3
    public var maxSeconds: Int = 5
    public var restart: RestartType = .permanent
    public var shutdownTimeoutMs: UInt64 = 5000
    public var maxChildren: Int = 100

    public init() {}

    static let keys: [String] = []

    var canonicalSettings: [String: String] { [:] }
}

public enum RestartStrategy: String, Sendable, Equatable, CaseIterable {
    case oneForOne = "one-for-one", oneForAll = "one-for-all", restForOne = "rest-for-one"
}

public enum RestartType: String, Sendable, Equatable, CaseIterable { case permanent, transient, temporary }

public struct ChildSupervision: Sendable, Equatable {
    public var restart: RestartType?
    public var shutdownTimeoutMs: UInt64?
    public init(restart: RestartType? = nil, shutdownTimeoutMs: UInt64? = nil) {
        self.restart = restart
        self.shutdownTimeoutMs = shutdownTimeoutMs
    }
}
