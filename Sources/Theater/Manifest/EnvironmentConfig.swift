/// Settings of the `environment` handler: which host environment variables the actor
/// may read.
///
/// ```toml
/// [[handler]]
/// type = "environment"
/// allowed_vars = ["HOME", "LANG"]   # optional: exactly these names
/// allowed_prefixes = ["APP_"]       # optional: any name starting with one of these
/// denied_vars = ["APP_SECRET"]      # optional: never these, whatever else says
/// allow_list_all = false            # optional: whether list-vars lists the readable ones
/// ```
///
/// The rules (`permits(_:)`), as upstream Theater applies them, except that allowed
/// names and prefixes combine instead of the names hiding the prefixes:
/// 1. a name in `denied_vars` is never readable;
/// 2. if `allowed_vars` or a non-empty `allowed_prefixes` is given, a name is readable
///    when it is listed in `allowed_vars` or starts with one of `allowed_prefixes`;
/// 3. if neither is given, every name not denied is readable.
///
/// `allow_list_all` does not widen access: it only decides whether `list-vars` returns
/// the readable variables (true) or nothing (false, the default).
public struct EnvironmentConfig: Sendable, Equatable {
    /// The names the actor may read, or nil when names are not listed one by one.
    public var allowedVars: [String]?
    /// Names the actor may never read; wins over everything else.
    public var deniedVars: [String]
    /// Whether `list-vars` lists the readable variables (default false: it lists none).
    public var allowListAll: Bool
    /// Prefixes of names the actor may read (empty: no prefix rule).
    public var allowedPrefixes: [String]

    /// A configuration with the given rules; the defaults allow every variable to be
    /// read and none to be listed.
    public init(
        allowedVars: [String]? = nil, deniedVars: [String] = [], allowListAll: Bool = false,
        allowedPrefixes: [String] = []
    ) {
        self.allowedVars = allowedVars
        self.deniedVars = deniedVars
        self.allowListAll = allowListAll
        self.allowedPrefixes = allowedPrefixes
    }

    /// Whether the actor may read the variable `name`; see the type's documentation.
    public func permits(_ name: String) -> Bool {
        if deniedVars.contains(name) { return false }
        guard allowedVars != nil || !allowedPrefixes.isEmpty else { return true }
        if let allowedVars, allowedVars.contains(name) { return true }
        return allowedPrefixes.contains { name.hasPrefix($0) }
    }

    static let keys = ["allowed_vars", "denied_vars", "allow_list_all", "allowed_prefixes"]

    init(reading settings: ManifestTableReader) throws(ManifestError) {
        self.init(
            allowedVars: try settings.stringArray("allowed_vars", example: "allowed_vars = [\"HOME\", \"LANG\"]"),
            deniedVars: try settings.stringArray("denied_vars", example: "denied_vars = [\"AWS_SECRET_ACCESS_KEY\"]") ?? [],
            allowListAll: try settings.bool("allow_list_all", example: "allow_list_all = false") ?? false,
            allowedPrefixes: try settings.stringArray("allowed_prefixes", example: "allowed_prefixes = [\"APP_\"]") ?? [])
    }

    var canonicalSettings: [String: String] {
        var fields = [
            "denied_vars": CanonicalText.strings(deniedVars),
            "allow_list_all": CanonicalText.bool(allowListAll),
            "allowed_prefixes": CanonicalText.strings(allowedPrefixes),
        ]
        if let allowedVars { fields["allowed_vars"] = CanonicalText.strings(allowedVars) }
        return fields
    }
}
