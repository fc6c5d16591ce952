/// Why a child could not be spawned: its manifest asks for more than its parent has.
/// Thrown by `CapabilityCheck.require(_:within:)`; `description` names every excess.
public struct CapabilityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The child's name (from its manifest).
    public let child: String
    /// The parent's name (from its manifest).
    public let parent: String
    /// What exceeds, in the order `CapabilityCheck.excess(of:within:)` found it (never empty).
    public let excesses: [CapabilityExcess]

    /// An error for `child` exceeding `parent` by `excesses`.
    public init(child: String, parent: String, excesses: [CapabilityExcess]) {
        self.child = child
        self.parent = parent
        self.excesses = excesses
    }

    /// `actor "c" asks for more than its parent "p" has: a; b`.
    public var description: String {
        "actor \(ManifestNode.quoted(child)) asks for more than its parent \(ManifestNode.quoted(parent)) has: "
            + excesses.map(\.message).joined(separator: "; ")
    }
}
