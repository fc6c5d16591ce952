/// The name of a WIT package: `namespace:name@version`, for example `wasi:clocks@0.2.0`.
public struct WitPackageName: Hashable, CustomStringConvertible, Sendable {
    /// The namespace, e.g. `wasi`.
    public var namespace: String
    /// The package within the namespace, e.g. `clocks`.
    public var name: String
    /// The optional semantic version.
    public var version: WitVersion?

    /// Creates a package name.
    public init(namespace: String, name: String, version: WitVersion? = nil) {
        self.namespace = namespace
        self.name = name
        self.version = version
    }

    /// `ns:name@version`, as written in WIT.
    public var description: String {
        "\(namespace):\(name)" + (version.map { "@\($0)" } ?? "")
    }

    /// The fully qualified name of an interface of this package, as used for component
    /// imports and exports: `wasi:clocks/wall-clock@0.2.0`.
    public func qualified(_ item: String) -> String {
        "\(WitName.escaped(namespace)):\(WitName.escaped(name))/\(WitName.escaped(item))" + (version.map { "@\($0)" } ?? "")
    }
}

/// A reference to a named interface of some package.
public struct WitInterfaceRef: Hashable, CustomStringConvertible, Sendable {
    /// The package that defines the interface.
    public var package: WitPackageName
    /// The interface's name within its package.
    public var name: String

    /// Creates a reference.
    public init(package: WitPackageName, name: String) {
        self.package = package
        self.name = name
    }

    /// `ns:pkg/name@version`.
    public var description: String { package.qualified(name) }
}

/// The feature gates of an item: `@since`, `@unstable` and `@deprecated`.
public struct WitGate: Hashable, Sendable {
    /// `@since(version = ...)`: the package version that introduced the item.
    public var since: WitVersion?
    /// `@unstable(feature = ...)`: the feature that must be enabled to use the item.
    public var unstableFeature: String?
    /// `@deprecated(version = ...)`: the version from which the item should not be used.
    public var deprecated: WitVersion?

    /// Creates a gate; the default has no gate at all.
    public init(since: WitVersion? = nil, unstableFeature: String? = nil, deprecated: WitVersion? = nil) {
        self.since = since
        self.unstableFeature = unstableFeature
        self.deprecated = deprecated
    }

    /// An ungated item.
    public static let none = WitGate()

    /// True when no gate is present.
    public var isEmpty: Bool { since == nil && unstableFeature == nil && deprecated == nil }
}
