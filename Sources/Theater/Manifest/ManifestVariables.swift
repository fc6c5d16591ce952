/// The environment variables a manifest's `${VAR}` / `${VAR:-default}` references read, so
/// that the first chain event can record their values and a replay parses the manifest
/// exactly as the run did, whatever the replaying machine's environment.
enum ManifestVariables {
    /// The referenced variables that are set in `environment`, with their values.
    static func values(referencedIn text: String, from environment: [String: String]) -> [String: String] {
        var found: [String: String] = [:]
        for name in referencedNames(in: text) {
            if let value = environment[name] { found[name] = value }
        }
        return found
    }

    /// The names inside `${...}` (up to `:-`), in order of first appearance.
    static func referencedNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "}") else { break }
            var name = rest[..<end]
            if let defaultMarker = name.range(of: ":-") { name = name[..<defaultMarker.lowerBound] }
            if !name.isEmpty, !names.contains(String(name)) { names.append(String(name)) }
            rest = rest[rest.index(after: end)...]
        }
        return names
    }
}
