/// Settings of the `supervisor` handler. It takes none yet (restart strategies and
/// limits on children come later); any key in its table is an error.
public struct SupervisorConfig: Sendable, Equatable {
    /// The only configuration there is.
    public init() {}

    static let keys: [String] = []

    var canonicalSettings: [String: String] { [:] }
}
