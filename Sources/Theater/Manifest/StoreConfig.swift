/// Settings of the `store` handler (the content-addressed store). The seed documents
/// define none: an actor with the handler may create and use stores. Any key in its
/// table is an error.
public struct StoreConfig: Sendable, Equatable {
    /// The only configuration there is.
    public init() {}

    static let keys: [String] = []

    var canonicalSettings: [String: String] { [:] }
}
