import Theater

/// Reading the free-form JSON the server sends (`ActorMetrics`, `ActorManifest`).
extension ManagementJSON {
    /// The value of `key` when this is an object holding it.
    subscript(key: String) -> ManagementJSON? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }

    /// The text when this is a string.
    var text: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The strings of an array of strings (other elements are skipped).
    var strings: [String] {
        guard case .array(let elements) = self else { return [] }
        return elements.compactMap(\.text)
    }

    /// The value as short text for a person: strings bare, numbers as written, null as "-".
    var plainText: String {
        switch self {
        case .null: return "-"
        case .bool(let flag): return String(flag)
        case .number(let literal): return literal
        case .string(let value): return value
        case .array, .bytes, .object: return String(decoding: ManagementJSONWriter.encode(self), as: UTF8.self)
        }
    }
}
