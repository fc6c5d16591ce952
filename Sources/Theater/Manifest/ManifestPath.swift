/// The position of a value inside a manifest's TOML tree: table keys and array indices.
///
/// Used both to find a value's line in the source text and to name the field in
/// error messages (`handler[1].seed`, `handlers[0].config.allowed_vars[2]`).
struct ManifestPath: Hashable, Sendable, CustomStringConvertible {
    /// One step into the tree.
    enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    private(set) var components: [Component]

    init(_ components: [Component] = []) {
        self.components = components
    }

    /// This path extended by a table key.
    func appending(key: String) -> ManifestPath {
        ManifestPath(components + [.key(key)])
    }

    /// This path extended by an array index.
    func appending(index: Int) -> ManifestPath {
        ManifestPath(components + [.index(index)])
    }

    mutating func append(_ component: Component) {
        components.append(component)
    }

    var isEmpty: Bool { components.isEmpty }

    /// Dotted keys, indices in brackets; keys that are not bare TOML keys are quoted.
    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += ManifestPath.isBareKey(key) ? key : "\"\(key)\""
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// Whether `key` can be written without quotes in TOML.
    static func isBareKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy(isBareKeyByte)
    }

    /// Whether `byte` may appear in a bare TOML key (ASCII letters, digits, `_`, `-`).
    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
            || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2D
    }
}
