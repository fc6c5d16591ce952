/// The name of an import or export, with how it was encoded (`nameattributes`).
///
/// `name` is the `externname` string (a plain name such as `run` or `[method]r.m`, or
/// an interface name such as `wasi:cli/environment@0.2.0`); its grammar is checked by
/// the validator (it is *invalid*, not malformed, when it does not match).
public struct ExternName: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    /// The prefix byte the binary used.
    public var encoding: ExternNameEncoding
    /// The attributes that followed the name (only with the 0x02 prefix).
    public var attributes: [ExternNameAttribute]

    /// Makes an extern name.
    public init(_ name: String, encoding: ExternNameEncoding = .plain, attributes: [ExternNameAttribute] = []) {
        self.name = name
        self.encoding = encoding
        self.attributes = attributes
    }

    public var description: String { name }
}

/// The prefix byte of a `nameattributes`. The 0x00 and 0x01 prefixes are historical
/// (once: kebab name and interface name) and mean the same today; they are kept so an
/// encoder can round-trip the input.
public enum ExternNameEncoding: UInt8, Hashable, Sendable {
    case plain = 0x00
    case interface = 0x01
    /// Followed by a vector of attributes.
    case withAttributes = 0x02
}

/// An attribute attached to an extern name (🏷️/🔗).
public enum ExternNameAttribute: Hashable, Sendable {
    /// 0x00: `(implements "ns:pkg/iface")`.
    case implements(String)
    /// 0x01: `(versionsuffix "...")`.
    case versionSuffix(String)
    /// 0x02: `(external-id "...")`.
    case externalID(String)
}
