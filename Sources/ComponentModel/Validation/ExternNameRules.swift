/// The lexical rules for import and export names (`externname` in Explainer.md) and the
/// labels of records, variants, enums, flags and parameters, with the test suite's
/// wording for each way a name can be wrong.
enum ExternNameRules {
    /// Checks `label` (kebab case) and returns an error message if it is not one.
    static func labelError(_ label: Substring) -> String? {
        ExternNameForm.isLabel(label) ? nil : "`\(label)` is not in kebab case"
    }

    /// Checks an extern name; returns its form or throws with what is wrong.
    static func check(_ name: String) throws(ComponentValidationError) -> ExternNameForm {
        func fail(_ reason: String) -> ComponentValidationError {
            ComponentValidationError("`\(name)` is not a valid extern name: \(reason)")
        }
        if name.hasPrefix("[") {
            for prefix in ["[constructor]", "[method]", "[static]"] where name.hasPrefix(prefix) {
                let rest = name.dropFirst(prefix.count)
                if prefix == "[constructor]" {
                    if let error = labelError(rest) { throw fail(error) }
                    return .constructor(resource: String(rest))
                }
                guard let dot = rest.firstIndex(of: ".") else { throw fail("failed to find `.` character") }
                let resource = rest[..<dot], function = rest[rest.index(after: dot)...]
                if let error = labelError(resource) ?? labelError(function) { throw fail(error) }
                return prefix == "[method]"
                    ? .method(resource: String(resource), name: String(function))
                    : .static(resource: String(resource), name: String(function))
            }
            throw fail("unknown `[...]` annotation")
        }
        guard let colon = name.firstIndex(of: ":") else {
            if let error = labelError(Substring(name)) { throw fail(error) }
            return .plain(name)
        }
        // Interface name: namespace ':' package '/' interface ('@' version)?
        let namespace = name[..<colon]
        if let error = labelError(namespace) { throw fail(error) }
        guard ExternNameForm.isWords(namespace) else { throw fail("namespace `\(namespace)` must be lowercase") }
        var rest = name[name.index(after: colon)...]
        let packageEnd = rest.firstIndex { $0 == "/" || $0 == ":" || $0 == "@" } ?? rest.endIndex
        let package = rest[..<packageEnd]
        if let error = labelError(package) { throw fail(error) }
        guard ExternNameForm.isWords(package) else { throw fail("package `\(package)` must be lowercase") }
        rest = rest[packageEnd...]
        guard rest.first == "/" else { throw fail("expected `/` after package name") }
        rest = rest.dropFirst()
        let interfaceEnd = rest.firstIndex { $0 == "/" || $0 == "@" } ?? rest.endIndex
        let interface = rest[..<interfaceEnd]
        if let error = labelError(interface) { throw fail(error) }
        rest = rest[interfaceEnd...]
        if rest.first == "/" { throw fail("trailing characters found: `\(rest)`") }
        if rest.first == "@" {
            if let error = versionError(rest.dropFirst()) { throw fail(error) }
        }
        guard let parsed = InterfaceName(parsing: name) else { throw fail("not an interface name") }
        return .interface(parsed)
    }

    /// Why `text` is not a semantic version (or a 🔗 canonical version), or nil.
    static func versionError(_ text: Substring) -> String? {
        if text.isEmpty { return "empty string" }
        var index = text.startIndex
        var numbers = 0
        while true {
            guard index < text.endIndex else { return "unexpected end of input" }
            let start = index
            while index < text.endIndex, text[index].isASCII, text[index].isNumber { index = text.index(after: index) }
            if start == index { return "unexpected character '\(text[index])'" }
            if text[start] == "0" && text.distance(from: start, to: index) > 1 { return "invalid leading zero" }
            numbers += 1
            if index == text.endIndex {
                // A canonical version (`1`, `0.2`) may stop early.
                return numbers == 3 || isCanonicalPrefix(text) ? nil : "unexpected end of input"
            }
            if numbers == 3 { break }
            guard text[index] == "." else { return "unexpected character '\(text[index])'" }
            index = text.index(after: index)
        }
        var remainder = text[index...]
        for marker in ["-", "+"] as [Character] where remainder.first == marker {
            remainder = remainder.dropFirst()
            let end = marker == "-" ? (remainder.firstIndex(of: "+") ?? remainder.endIndex) : remainder.endIndex
            let identifiers = remainder[..<end].split(separator: ".", omittingEmptySubsequences: false)
            for identifier in identifiers {
                if identifier.isEmpty { return "empty identifier segment" }
                if let bad = identifier.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
                    return "unexpected character '\(bad)'"
                }
            }
            remainder = remainder[end...]
        }
        if let bad = remainder.first { return "unexpected character '\(bad)'" }
        return nil
    }

    /// `1`, `0.2`: the 🔗 canonical version forms shorter than `major.minor.patch`.
    private static func isCanonicalPrefix(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return parts[0] != "0"
        case 2: return parts[0] == "0" && parts[1] != "0"
        default: return false
        }
    }
}

/// The set of names already used in one scope's imports (or exports), compared by the
/// spec's strong uniqueness: acronyms lowercased, `[method]l.l` / `[static]l.l` reduced
/// to `l`, other `[...]` prefixes (but `[constructor]`) stripped.
struct StrongNameSet {
    let kind: String
    private var seen: [String: String] = [:]

    init(kind: String) {
        self.kind = kind
    }

    /// The canonical form two names must not share.
    static func canonical(_ name: String) -> String {
        var text = name.lowercased()
        for prefix in ["[method]", "[static]"] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2 && parts[0] == parts[1] { text = String(parts[0]) }
        }
        return text
    }

    /// Records `name`, or throws if it is not strongly-unique among the names so far.
    mutating func insert(_ name: String) throws(ComponentValidationError) {
        let key = StrongNameSet.canonical(name)
        if let previous = seen[key] {
            throw ComponentValidationError("\(kind) name `\(name)` conflicts with previous name `\(previous)`")
        }
        seen[key] = name
    }
}
