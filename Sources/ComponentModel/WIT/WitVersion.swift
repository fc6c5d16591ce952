/// A semantic version (semver.org 2.0) as used in WIT package names and feature gates,
/// for example `0.2.0`, `1.0.0-rc.1` or `2.1.3+build.5`.
public struct WitVersion: Hashable, Comparable, CustomStringConvertible, Sendable {
    /// The major number.
    public var major: UInt64
    /// The minor number.
    public var minor: UInt64
    /// The patch number.
    public var patch: UInt64
    /// The dot-separated pre-release identifiers (after `-`), empty for a release.
    public var prerelease: [String]
    /// The dot-separated build metadata (after `+`); ignored when versions are ordered.
    public var build: [String]

    /// Creates a version from its parts.
    public init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: [String] = [], build: [String] = []) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.build = build
    }

    /// Parses `major.minor.patch[-pre][+build]`, or returns the reason the text is not a
    /// valid semantic version.
    public static func parse(_ text: String) -> Result<WitVersion, VersionSyntaxError> {
        var core = Substring(text)
        var build: [String] = []
        var pre: [String] = []
        if let plus = core.firstIndex(of: "+") {
            build = core[core.index(after: plus)...].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            core = core[..<plus]
            if build.contains(where: { $0.isEmpty || !$0.allSatisfy(isIdentifierCharacter) }) {
                return .failure(VersionSyntaxError(reason: "build metadata must be dot-separated non-empty [0-9A-Za-z-] identifiers"))
            }
        }
        if let dash = core.firstIndex(of: "-") {
            pre = core[core.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            core = core[..<dash]
            for part in pre {
                if part.isEmpty || !part.allSatisfy(isIdentifierCharacter) {
                    return .failure(VersionSyntaxError(reason: "pre-release must be dot-separated non-empty [0-9A-Za-z-] identifiers"))
                }
                if part.allSatisfy(\.isASCIIDigit) && part.count > 1 && part.first == "0" {
                    return .failure(VersionSyntaxError(reason: "numeric pre-release identifier '\(part)' has a leading zero"))
                }
            }
        }
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3 else {
            return .failure(VersionSyntaxError(reason: "expected MAJOR.MINOR.PATCH"))
        }
        var values: [UInt64] = []
        for n in numbers {
            guard !n.isEmpty, n.allSatisfy(\.isASCIIDigit), let v = UInt64(n) else {
                return .failure(VersionSyntaxError(reason: "'\(n)' is not a version number"))
            }
            if n.count > 1 && n.first == "0" {
                return .failure(VersionSyntaxError(reason: "version number '\(n)' has a leading zero"))
            }
            values.append(v)
        }
        return .success(WitVersion(major: values[0], minor: values[1], patch: values[2], prerelease: pre, build: build))
    }

    /// Why a text is not a semantic version.
    public struct VersionSyntaxError: Error, Equatable, Sendable {
        /// A human-readable reason.
        public var reason: String
    }

    private static func isIdentifierCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-")
    }

    /// The version as written: `1.2.3-pre.1+build`.
    public var description: String {
        var s = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { s += "-" + prerelease.joined(separator: ".") }
        if !build.isEmpty { s += "+" + build.joined(separator: ".") }
        return s
    }

    /// Semver precedence: numbers, then a release above its pre-releases, then the
    /// pre-release identifiers one by one (numeric ones numerically, below alphanumeric).
    public static func < (lhs: WitVersion, rhs: WitVersion) -> Bool {
        if lhs.major != rhs.major { return lhs.major < rhs.major }
        if lhs.minor != rhs.minor { return lhs.minor < rhs.minor }
        if lhs.patch != rhs.patch { return lhs.patch < rhs.patch }
        if lhs.prerelease.isEmpty || rhs.prerelease.isEmpty {
            return !lhs.prerelease.isEmpty && rhs.prerelease.isEmpty
        }
        for (a, b) in zip(lhs.prerelease, rhs.prerelease) where a != b {
            switch (UInt64(a), UInt64(b)) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a < b
            }
        }
        return lhs.prerelease.count < rhs.prerelease.count
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
