/// Collects the excesses of one child-versus-parent check, with one method per kind of
/// rule (a number that may not grow, a list that must be a subset, ...), so that every
/// rule words its message the same way.
struct CapabilityComparison {
    /// How a number is shown in messages.
    enum Unit {
        /// Bytes, shown in KiB, MiB or GiB when the value is a whole number of them.
        case bytes
        /// Milliseconds: `500 ms`.
        case milliseconds
        /// A plain count, followed by the word when it is not empty (`10 instructions`).
        case count(String)

        func format<T: BinaryInteger>(_ value: T) -> String {
            switch self {
            case .bytes:
                for (shift, name) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] {
                    let size = T(1) << shift
                    if value >= size && value % size == 0 { return "\(value / size) \(name)" }
                }
                return "\(value) bytes"
            case .milliseconds: return "\(value) ms"
            case .count(let word): return word.isEmpty ? "\(value)" : "\(value) \(word)"
            }
        }
    }

    private(set) var excesses: [CapabilityExcess] = []

    /// Records an excess unless the same sentence is already there.
    mutating func add(_ field: String, _ message: String) {
        let excess = CapabilityExcess(field: field, message: message)
        if !excesses.contains(excess) { excesses.append(excess) }
    }

    /// The child's number may not be bigger than the parent's.
    mutating func atMost<T: BinaryInteger>(_ field: String, child: T, parent: T, unit: Unit) {
        if child > parent {
            add(field, "\(field) \(unit.format(child)) exceeds the parent's \(unit.format(parent))")
        }
    }

    /// The child's number may not be smaller than the parent's (a lower bound such as the
    /// shortest sleep).
    mutating func atLeast<T: BinaryInteger>(_ field: String, child: T, parent: T, unit: Unit) {
        if child < parent {
            add(field, "\(field) \(unit.format(child)) is below the parent's \(unit.format(parent))")
        }
    }

    /// Like `atMost`, where nil means no bound (`absent` words it, e.g. "unlimited"): a
    /// bounded parent requires a bounded child.
    mutating func atMost<T: BinaryInteger>(_ field: String, child: T?, parent: T?, unit: Unit, absent: String) {
        guard let parent else { return }
        guard let child else {
            add(field, "\(field) \(absent) exceeds the parent's \(unit.format(parent))")
            return
        }
        atMost(field, child: child, parent: parent, unit: unit)
    }

    /// A list where nil means "any": the child's entries must all be in the parent's,
    /// and a restricted parent requires a restricted child. `anything` words what an
    /// absent list allows ("every operation").
    mutating func subset(_ field: String, child: [String]?, parent: [String]?, anything: String) {
        guard let parent else { return }
        guard let child else {
            add(field, "\(field): absent, which allows \(anything), while the parent allows \(CapabilityComparison.only(parent))")
            return
        }
        for entry in child where !parent.contains(entry) {
            add(field, "\(field): \(ManifestNode.quoted(entry)) is not allowed to the parent")
        }
    }

    /// `only "a", "b"`, or `none` for an empty list: what a restricted parent allows.
    static func only(_ entries: [String]) -> String {
        entries.isEmpty ? "none" : "only " + list(entries)
    }

    /// `"a", "b"`, or `none` for an empty list.
    static func list(_ entries: [String]) -> String {
        entries.isEmpty ? "none" : entries.map(ManifestNode.quoted).joined(separator: ", ")
    }
}
