/// The method a route answers: one HTTP method (upper-cased) or any (`*` or `ANY`).
enum HTTPRouteMethod: Equatable, Sendable, CustomStringConvertible {
    case any
    case only(String)

    /// Parses what the actor passed to `add-route`; throws a message naming it.
    init(_ text: String) throws(HostFunctionError) {
        let upper = text.uppercased()
        if upper == "*" || upper == "ANY" {
            self = .any
            return
        }
        let token = "!#$%&'*+-.^_`|~"
        guard !upper.isEmpty, upper.utf8.count <= 32,
              upper.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || token.unicodeScalars.contains($0) })
        else {
            throw HostFunctionError("method \(text.debugDescription) is not an HTTP method (write GET, POST, ... or * for any)")
        }
        self = .only(upper)
    }

    /// Whether a request with `method` is answered.
    func accepts(_ method: String) -> Bool {
        switch self {
        case .any: return true
        case .only(let name): return name == method
        }
    }

    var description: String {
        switch self {
        case .any: return "*"
        case .only(let name): return name
        }
    }
}
