/// Reads the `[[handler]]` and `[[handlers]]` arrays of a manifest into `HandlerSpec`s,
/// in the order they appear in the file, and rejects duplicates.
enum HandlerListReader {
    /// The two spellings of the handler array: current and older.
    static let arrayKeys = ["handler", "handlers"]

    static func read(from root: ManifestTableReader) throws(ManifestError) -> [HandlerSpec] {
        var entries: [ManifestNode] = []
        for key in arrayKeys {
            guard let node = root.take(key) else { continue }
            guard case .array(let elements) = node.value,
                elements.allSatisfy({ if case .table = $0.value { return true } else { return false } })
            else {
                throw root.error(at: node, "expected an array of tables, found \(node.kindDescription); write [[\(key)]] (two brackets) above each handler, with type = \"...\" below it")
            }
            entries += elements
        }
        // Both arrays may be used in one file; the file's order is the handlers' order.
        let ordered = entries.enumerated().sorted { lhs, rhs in
            (lhs.element.line ?? Int.max, lhs.offset) < (rhs.element.line ?? Int.max, rhs.offset)
        }.map(\.element)

        var handlers: [HandlerSpec] = []
        var firstOfKind: [HandlerKind: ManifestNode] = [:]
        for entry in ordered {
            let (spec, typeNode) = try readOne(entry, fileName: root.fileName)
            if let first = firstOfKind[spec.kind] {
                let place = first.line.map { " on line \($0)" } ?? ""
                throw ManifestError(
                    file: root.fileName, line: typeNode.line, field: typeNode.field,
                    message: "a second \(spec.typeName) handler (the first is \(first.field)\(place)); each handler type may appear once: merge their settings into one")
            }
            firstOfKind[spec.kind] = entry
            handlers.append(spec)
        }
        return handlers
    }

    /// One entry; returns the spec and the node of its `type` key.
    private static func readOne(
        _ entry: ManifestNode, fileName: String
    ) throws(ManifestError) -> (HandlerSpec, ManifestNode) {
        let table = try ManifestTableReader(
            fileName: fileName, node: entry, context: "this handler", example: "[[handler]]")
        guard let typeNode = table.take("type") else {
            throw ManifestError(
                file: fileName, line: entry.line, field: table.field("type"),
                message: "missing; every handler needs a type: add type = \"message-server\" (one of \(HandlerSpec.allTypeNames.joined(separator: ", ")))")
        }
        guard case .string(let written) = typeNode.value else {
            throw table.error(at: typeNode, "expected a string, found \(typeNode.kindDescription); write type = \"message-server\"")
        }
        guard let kind = HandlerKind(manifestName: written) else {
            if let advice = HandlerKind.replacementAdvice(for: written) {
                throw table.error(at: typeNode, advice)
            }
            let suggestion = SpellingSuggestion.didYouMean(written, among: HandlerSpec.allTypeNames)
            throw table.error(
                at: typeNode,
                "unknown handler type \(ManifestNode.quoted(written))\(suggestion) (valid types: \(HandlerSpec.allTypeNames.joined(separator: ", ")))")
        }
        let context = "the \(kind.rawValue) handler"
        let settings: ManifestTableReader
        if let configNode = table.take("config") {
            // The older form: nothing but type and config in the entry itself.
            for (key, node) in entry.tableEntries ?? [] where key != "type" && key != "config" {
                throw table.error(
                    at: node,
                    "a setting next to config; with config = { ... } every setting of \(context) goes inside config: move \(key) into it, or drop config and keep the settings next to type")
            }
            settings = try ManifestTableReader(
                fileName: fileName, node: configNode, context: context, example: "config = { }")
        } else {
            settings = try ManifestTableReader(fileName: fileName, node: entry, context: context, example: "[[handler]]")
        }
        try settings.rejectUnknownKeys(
            allowed: kind.settingKeys, alsoAllowed: settings.node.path == entry.path ? ["type"] : [])
        return (try HandlerSpec(kind: kind, settings: settings), typeNode)
    }
}
