/// A value of the manifest's TOML tree with the path and line it came from.
///
/// The parser converts TOMLKit's tree into these nodes once, substituting `${VAR}` in
/// every string on the way, so that every later check can name the exact field and
/// line of what it rejects.
struct ManifestNode: Sendable {
    /// The TOML value itself.
    enum Value: Sendable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)
        /// A date, time or date-time, kept as written (manifests use none).
        case dateTime(String)
        case array([ManifestNode])
        case table([String: ManifestNode])
    }

    var value: Value
    /// Where in the tree the value sits (for messages).
    var path: ManifestPath
    /// The line of its key, header or array element, when the source map knows it.
    var line: Int?

    /// The dotted field name used in error messages.
    var field: String { path.description }

    /// The entries of a table node in source order (by line, then name), or nil.
    var tableEntries: [(key: String, node: ManifestNode)]? {
        guard case .table(let entries) = value else { return nil }
        return entries.map { (key: $0.key, node: $0.value) }.sorted { lhs, rhs in
            (lhs.node.line ?? Int.max, lhs.key) < (rhs.node.line ?? Int.max, rhs.key)
        }
    }

    /// "a string \"abc\"", "an integer 42", "a table", ... for "expected X, found Y".
    var kindDescription: String {
        switch value {
        case .string(let text):
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "a string \(ManifestNode.quoted(shown))"
        case .integer(let number): return "an integer \(number)"
        case .float(let number): return "a floating-point number \(number)"
        case .boolean(let flag): return "a boolean \(flag)"
        case .dateTime(let text): return "a date-time \(text)"
        case .array: return "an array"
        case .table: return "a table"
        }
    }

    /// `text` as a TOML/JSON basic string literal, with quotes, backslashes and control
    /// characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
