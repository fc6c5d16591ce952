/// Settings of the `http-framework` handler. The seed documents define none: the actor
/// creates servers, picks ports and adds routes at run time through the interface. Any
/// key in its table is an error.
public struct HTTPFrameworkConfig: Sendable, Equatable {
    /// The only configuration there is.
    public init() {}

    static let keys: [String] = []

    var canonicalSettings: [String: String] { [:] }
}
