import Foundation

/// Reads typed fields out of one table of the manifest and rejects keys nobody read.
///
/// Every accessor takes an `example` (`seed = 42`) that ends up in the error message,
/// so that a wrong value always comes with the right way to write it. Callers first
/// call `rejectUnknownKeys(allowed:)`, so that a misspelled key is reported as such
/// rather than as a missing one.
struct ManifestTableReader {
    let fileName: String
    /// The table being read.
    let node: ManifestNode
    private let entries: [String: ManifestNode]
    /// What the table is, for messages ("the random handler", "[limits]").
    let context: String

    /// A reader for `node`; throws when `node` is not a table.
    init(fileName: String, node: ManifestNode, context: String, example: String) throws(ManifestError) {
        guard case .table(let entries) = node.value else {
            throw ManifestError(
                file: fileName, line: node.line, field: node.field,
                message: "expected a table, found \(node.kindDescription); write \(example)")
        }
        self.fileName = fileName
        self.node = node
        self.entries = entries
        self.context = context
    }

    /// The line of the table's header (or key), for errors about missing keys.
    var line: Int? { node.line }

    /// The field name of a key in this table.
    func field(_ key: String) -> String { node.path.appending(key: key).description }

    /// The node of `key`, if present.
    func take(_ key: String) -> ManifestNode? {
        entries[key]
    }

    /// Whether the table has `key` (without marking it read).
    func has(_ key: String) -> Bool { entries[key] != nil }

    /// Builds an error at the node's line and field.
    func error(at node: ManifestNode, _ message: String) -> ManifestError {
        ManifestError(file: fileName, line: node.line, field: node.field, message: message)
    }

    /// Builds an error for a key this table lacks (at the table's own line).
    func missing(_ key: String, example: String) -> ManifestError {
        ManifestError(
            file: fileName, line: node.line, field: field(key),
            message: "missing; \(context) needs it: add \(example)")
    }

    private func mismatch(_ node: ManifestNode, expected: String, example: String) -> ManifestError {
        error(at: node, "expected \(expected), found \(node.kindDescription); write \(example)")
    }

    // MARK: - Typed fields

    func string(_ key: String, example: String) throws(ManifestError) -> String? {
        guard let node = take(key) else { return nil }
        guard case .string(let text) = node.value else {
            throw mismatch(node, expected: "a string", example: example)
        }
        return text
    }

    /// A string that must not be empty (after substitution).
    func nonEmptyString(_ key: String, example: String) throws(ManifestError) -> String? {
        guard let text = try string(key, example: example) else { return nil }
        guard !text.isEmpty else {
            throw error(at: entries[key]!, "must not be empty; write \(example)")
        }
        return text
    }

    func bool(_ key: String, example: String) throws(ManifestError) -> Bool? {
        guard let node = take(key) else { return nil }
        guard case .boolean(let flag) = node.value else {
            throw mismatch(node, expected: "true or false", example: example)
        }
        return flag
    }

    /// A whole number in `range` (TOML integers are signed 64-bit, so the top of any
    /// range is at most `Int64.max`).
    func integer(
        _ key: String, in range: ClosedRange<UInt64>, unit: String = "", example: String
    ) throws(ManifestError) -> UInt64? {
        guard let node = take(key) else { return nil }
        return try integerValue(of: node, in: range, unit: unit, example: example)
    }

    func integerValue(
        of node: ManifestNode, in range: ClosedRange<UInt64>, unit: String, example: String
    ) throws(ManifestError) -> UInt64 {
        guard case .integer(let number) = node.value else {
            throw mismatch(node, expected: "an integer", example: example)
        }
        let suffix = unit.isEmpty ? "" : " \(unit)"
        guard number >= 0 else {
            throw error(at: node, "must not be negative (found \(number)); write \(example)")
        }
        let value = UInt64(number)
        guard range.contains(value) else {
            throw error(at: node, "\(value)\(suffix) is out of range; it must be between \(range.lowerBound) and \(range.upperBound)\(suffix); write \(example)")
        }
        return value
    }

    /// A whole number in `range`, or the string `"unlimited"` (returned as nil); an
    /// absent key gives `absent`.
    func integerOrUnlimited(
        _ key: String, in range: ClosedRange<UInt64>, unit: String, example: String, absent: UInt64?
    ) throws(ManifestError) -> UInt64? {
        guard let node = take(key) else { return absent }
        if case .string(let text) = node.value {
            guard text == "unlimited" else {
                throw error(at: node, "expected an integer or \"unlimited\", found \(node.kindDescription); write \(example) or \(key) = \"unlimited\"")
            }
            return nil
        }
        return try integerValue(of: node, in: range, unit: unit, example: "\(example) (or \"unlimited\")")
    }

    /// An array of strings (each non-empty).
    func stringArray(_ key: String, example: String) throws(ManifestError) -> [String]? {
        guard let node = take(key) else { return nil }
        guard case .array(let elements) = node.value else {
            throw mismatch(node, expected: "an array of strings", example: example)
        }
        var strings: [String] = []
        for element in elements {
            guard case .string(let text) = element.value else {
                throw mismatch(element, expected: "a string", example: example)
            }
            guard !text.isEmpty else {
                throw error(at: element, "must not be an empty string; write \(example)")
            }
            strings.append(text)
        }
        return strings
    }

    /// A table whose values are all strings (HTTP headers), keys in sorted order.
    func stringTable(_ key: String, example: String) throws(ManifestError) -> [String: String]? {
        guard let node = take(key) else { return nil }
        guard let entries = node.tableEntries else {
            throw mismatch(node, expected: "a table of strings", example: example)
        }
        var result: [String: String] = [:]
        for (name, value) in entries {
            guard case .string(let text) = value.value else {
                throw mismatch(value, expected: "a string", example: example)
            }
            result[name] = text
        }
        return result
    }

    // MARK: - Unknown keys

    /// Throws for the first key (in source order) not in `allowed` or `alsoAllowed`,
    /// with a "did you mean" when an allowed key is close. The message lists `allowed`
    /// (`alsoAllowed` holds structural keys such as a handler's `type`).
    func rejectUnknownKeys(
        allowed known: [String], alsoAllowed: [String] = [], extraAdvice: String = ""
    ) throws(ManifestError) {
        for (key, child) in node.tableEntries ?? [] where !known.contains(key) && !alsoAllowed.contains(key) {
            let suggestion = SpellingSuggestion.didYouMean(key, among: known + alsoAllowed)
            let valid = known.isEmpty
                ? "\(context) takes no settings"
                : "valid keys: \(known.joined(separator: ", "))"
            throw error(at: child, "unknown key for \(context)\(suggestion) (\(valid))\(extraAdvice)")
        }
    }
}
