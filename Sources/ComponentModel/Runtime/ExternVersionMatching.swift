/// Version-tolerant matching of interface names, as hosts do for WASI: an import of
/// `wasi:cli/environment@0.2.3` is satisfied by any definition of the same interface whose
/// version is semver-compatible (same major version, and same minor version while the
/// major is 0), the highest such version winning. An exact name always wins; versions
/// with pre-release or build suffixes only match exactly.
enum ExternVersionMatching {
    /// The name among `defined` that satisfies an import of `name`, if any.
    static func bestMatch<Names: Sequence>(for name: String, among defined: Names) -> String? where Names.Element == String {
        let names = Array(defined)
        if names.contains(name) { return name }
        guard let wanted = InterfaceName(parsing: name), let wantedVersion = wanted.version.flatMap(SemanticVersion.init)
        else { return nil }
        var best: (name: String, version: SemanticVersion)?
        for candidate in names {
            guard let interface = InterfaceName(parsing: candidate),
                  let version = interface.version.flatMap(SemanticVersion.init),
                  interface.namespaces == wanted.namespaces, interface.package == wanted.package,
                  interface.projections == wanted.projections,
                  version.isCompatible(with: wantedVersion)
            else { continue }
            if best == nil || best!.version < version { best = (candidate, version) }
        }
        return best?.name
    }
}

/// A plain `major.minor.patch` version (no pre-release or build suffix).
struct SemanticVersion: Comparable {
    let major: UInt64
    let minor: UInt64
    let patch: UInt64

    /// Parses `1.2.3`; nil for anything else (including suffixed versions).
    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let major = UInt64(parts[0]), let minor = UInt64(parts[1]),
              let patch = UInt64(parts[2]) else { return nil }
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Whether a definition of this version may satisfy an import of `other`.
    func isCompatible(with other: SemanticVersion) -> Bool {
        if major != other.major { return false }
        if major > 0 { return true }
        if minor != other.minor { return false }
        return minor > 0 || patch == other.patch
    }

    static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }
}
