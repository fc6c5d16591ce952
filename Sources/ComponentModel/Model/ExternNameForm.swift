/// What an extern name's string says, by the lexical grammar of `Explainer.md`
/// ("Import and Export Definitions"): a plain name, possibly annotated as a resource
/// constructor, method or static function, or an interface name.
public enum ExternNameForm: Hashable, Sendable {
    /// `label`, e.g. `run`.
    case plain(String)
    /// `[constructor]resource`.
    case constructor(resource: String)
    /// `[method]resource.name`.
    case method(resource: String, name: String)
    /// `[static]resource.name`.
    case `static`(resource: String, name: String)
    /// `namespace:package/interface@version`.
    case interface(InterfaceName)

    /// Parses `name`; `nil` when it matches no form (the validator's
    /// "is not a valid extern name").
    public init?(parsing name: String) {
        if let rest = name.dropPrefix("[constructor]") {
            guard ExternNameForm.isLabel(rest) else { return nil }
            self = .constructor(resource: rest)
        } else if let rest = name.dropPrefix("[method]") {
            guard let (resource, function) = ExternNameForm.splitDotted(rest) else { return nil }
            self = .method(resource: resource, name: function)
        } else if let rest = name.dropPrefix("[static]") {
            guard let (resource, function) = ExternNameForm.splitDotted(rest) else { return nil }
            self = .static(resource: resource, name: function)
        } else if name.contains(":") {
            guard let interface = InterfaceName(parsing: name) else { return nil }
            self = .interface(interface)
        } else {
            guard ExternNameForm.isLabel(name) else { return nil }
            self = .plain(name)
        }
    }

    /// `label.label`.
    private static func splitDotted(_ text: String) -> (String, String)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, isLabel(parts[0]), isLabel(parts[1]) else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// `label ::= first-fragment ('-' fragment)*`: each fragment is all-lowercase
    /// (with digits) or all-uppercase (with digits); the first starts with a letter.
    public static func isLabel<S: StringProtocol>(_ text: S) -> Bool {
        let fragments = text.split(separator: "-", omittingEmptySubsequences: false)
        for (index, fragment) in fragments.enumerated() {
            guard let first = fragment.first else { return false }
            if index == 0 && !(first.isLowercaseASCIILetter || first.isUppercaseASCIILetter) { return false }
            let lower = fragment.allSatisfy { $0.isLowercaseASCIILetter || $0.isASCIIDigit }
            let upper = fragment.allSatisfy { $0.isUppercaseASCIILetter || $0.isASCIIDigit }
            if !lower && !upper { return false }
        }
        return true
    }

    /// `words ::= first-word ('-' word)*`: a label with lowercase fragments only.
    static func isWords<S: StringProtocol>(_ text: S) -> Bool {
        isLabel(text) && !text.contains(where: \.isUppercaseASCIILetter)
    }
}

/// An interface name such as `wasi:cli/environment@0.2.0`.
///
/// Nested namespaces and packages (🪺, `a:b:c/d/e`) are accepted: all but the last
/// `words:` segment are namespaces, and all but the last `/label` are projections into
/// nested packages.
public struct InterfaceName: Hashable, Sendable, CustomStringConvertible {
    /// The namespaces, outermost first (one without 🪺 nesting).
    public var namespaces: [String]
    /// The package name.
    public var package: String
    /// The projections after the package; the last one is the interface.
    public var projections: [String]
    /// The version after `@`, if any (a valid semver, or a 🔗 canonical version).
    public var version: String?

    /// The interface (the last projection).
    public var interface: String { projections.last ?? "" }

    /// Parses `ns:pkg/iface@version`; `nil` when the text does not match the grammar.
    public init?(parsing text: String) {
        var body = Substring(text)
        var version: String?
        if let at = body.firstIndex(of: "@") {
            let versionText = body[body.index(after: at)...]
            guard InterfaceName.isVersion(versionText) else { return nil }
            version = String(versionText)
            body = body[..<at]
        }
        let pathParts = body.split(separator: "/", omittingEmptySubsequences: false)
        guard pathParts.count >= 2 else { return nil }
        let packageParts = pathParts[0].split(separator: ":", omittingEmptySubsequences: false)
        guard packageParts.count >= 2, packageParts.allSatisfy({ ExternNameForm.isWords($0) }) else { return nil }
        let projections = pathParts.dropFirst()
        guard projections.allSatisfy({ ExternNameForm.isLabel($0) }) else { return nil }
        self.namespaces = packageParts.dropLast().map(String.init)
        self.package = String(packageParts.last!)
        self.projections = projections.map(String.init)
        self.version = version
    }

    public var description: String {
        (namespaces + [package]).joined(separator: ":") + "/" + projections.joined(separator: "/")
            + (version.map { "@" + $0 } ?? "")
    }

    /// A semantic version (`1.2.3`, `0.2.0-rc.1+build`), or a 🔗 canonical version
    /// prefix (`1`, `0.2`, `0.0.3`).
    static func isVersion(_ text: Substring) -> Bool {
        var core = text
        var suffixes: [Substring] = []
        if let plus = core.firstIndex(of: "+") {
            suffixes.append(core[core.index(after: plus)...])
            core = core[..<plus]
        }
        if let dash = core.firstIndex(of: "-") {
            suffixes.append(core[core.index(after: dash)...])
            core = core[..<dash]
        }
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(numbers.count), numbers.allSatisfy(isNumericIdentifier) else { return false }
        if numbers.count < 3 && !suffixes.isEmpty { return false }
        for suffix in suffixes {
            let identifiers = suffix.split(separator: ".", omittingEmptySubsequences: false)
            guard identifiers.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCIIDigit || $0.isLowercaseASCIILetter || $0.isUppercaseASCIILetter || $0 == "-" } })
            else { return false }
        }
        return true
    }

    /// A number without leading zeros.
    private static func isNumericIdentifier(_ text: Substring) -> Bool {
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit) else { return false }
        return text == "0" || text.first != "0"
    }
}

private extension Character {
    // `isASCII` first: a letter with a combining mark must not count as ASCII.
    var isLowercaseASCIILetter: Bool { isASCII && ("a"..."z").contains(self) }
    var isUppercaseASCIILetter: Bool { isASCII && ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { isASCII && ("0"..."9").contains(self) }
}

private extension String {
    /// The rest of the string after `prefix`, or `nil` if it does not start with it.
    func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}

extension ExternName {
    /// The parsed form of `name`, or `nil` if it is not a valid extern name.
    public var form: ExternNameForm? { ExternNameForm(parsing: name) }
}
