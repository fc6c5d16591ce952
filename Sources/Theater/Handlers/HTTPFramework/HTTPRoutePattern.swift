/// A route path as an actor writes it for `add-route`, `add-middleware` or
/// `enable-websocket`: segments separated by `/`, each a literal, a `:name` parameter
/// (matching one non-empty segment) or, last only, `*` (matching the rest of the path,
/// possibly nothing).
///
/// The actor gets no separate list of parameter values: as with upstream Theater, it
/// receives the request's full `uri` (path and query) and reads its parameters from it.
struct HTTPRoutePattern: Equatable, Sendable, CustomStringConvertible {
    /// One segment of a pattern.
    enum Segment: Equatable, Sendable {
        case literal(String)
        case parameter(String)
        case wildcard
    }

    /// The segments, in order (none for `/`).
    let segments: [Segment]
    /// The path as the actor wrote it.
    let description: String

    /// Parses `path`; throws a message that names the path and what is wrong with it.
    init(_ path: String) throws(HostFunctionError) {
        guard path.hasPrefix("/") else {
            throw HostFunctionError("path \(path.debugDescription) must start with /")
        }
        guard path.utf8.count <= 2048 else { throw HostFunctionError("path of \(path.utf8.count) bytes is longer than 2048 bytes") }
        if let bad = path.unicodeScalars.first(where: { $0 == "?" || $0 == "#" || $0.value <= 0x20 || $0.value == 0x7F }) {
            throw HostFunctionError("path \(path.debugDescription) contains \(String(bad).debugDescription); a route path has no query, fragment, spaces or control characters")
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var segments: [Segment] = []
        var names = Set<String>()
        for (index, part) in parts.enumerated() {
            if part == "*" {
                guard index == parts.count - 1 else {
                    throw HostFunctionError("path \(path.debugDescription): * may only be the last segment")
                }
                segments.append(.wildcard)
            } else if part.hasPrefix(":") {
                let name = String(part.dropFirst())
                guard !name.isEmpty else { throw HostFunctionError("path \(path.debugDescription): a parameter needs a name after :") }
                guard names.insert(name).inserted else {
                    throw HostFunctionError("path \(path.debugDescription): parameter :\(name) appears twice")
                }
                segments.append(.parameter(name))
            } else {
                segments.append(.literal(part))
            }
        }
        self.segments = segments
        self.description = path
    }

    /// The parameter values when `path` (a request path without its query) matches, or nil.
    func match(_ path: Substring) -> [String: String]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        var values: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .wildcard:
                return values
            case .literal(let text):
                guard index < parts.count, parts[index] == text else { return nil }
            case .parameter(let name):
                guard index < parts.count else { return nil }
                values[name] = String(parts[index])
            }
        }
        return parts.count == segments.count ? values : nil
    }

    /// Whether `path` lies at or below this pattern's literal prefix, segment by segment
    /// (`/api` covers `/api` and `/api/users`, not `/apis`): where middlewares apply.
    func covers(_ path: Substring) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .wildcard: return true
            case .literal(let text): guard index < parts.count, parts[index] == text else { return false }
            case .parameter: guard index < parts.count else { return false }
            }
        }
        return true
    }

    /// How specific the pattern is, for choosing between several matches: literals beat
    /// parameters, which beat a wildcard.
    var specificity: [Int] {
        segments.map { segment in
            switch segment {
            case .literal: return 2
            case .parameter: return 1
            case .wildcard: return 0
            }
        }
    }

    /// Two patterns that match the same paths (parameter names aside).
    func isEquivalent(to other: HTTPRoutePattern) -> Bool {
        guard segments.count == other.segments.count else { return false }
        return zip(segments, other.segments).allSatisfy { pair in
            switch pair {
            case (.literal(let a), .literal(let b)): return a == b
            case (.parameter, .parameter), (.wildcard, .wildcard): return true
            default: return false
            }
        }
    }
}
