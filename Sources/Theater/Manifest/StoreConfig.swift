/// Settings of the `store` handler (the content-addressed store). The seed documents
/// define none: an actor with the handler may create stores and use any store of the data
/// directory whose id it knows; content it stores or reads is bounded by its
/// `[limits] message_size`, labels by 4096 UTF-8 bytes. Any key in its table is an error.
public struct StoreConfig: Sendable, Equatable {
    /// The only configuration there is.
    public init() {}

    static let keys: [String] = []

    var canonicalSettings: [String: String] { [:] }
}
