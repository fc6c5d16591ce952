import Theater

extension ManagementJSON {
    /// The value as indented JSON text for people: two spaces per level, one member or
    /// element per line, numbers exactly as they were written.
    func prettyText(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            return "[\n" + elements.map { inner + $0.prettyText(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .bytes(let bytes):
            return ManagementJSON.array(bytes.map { .integer($0) }).prettyText(indent: indent)
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { member in
                inner + Self.string(member.key).compactText + ": " + member.value.prettyText(indent: inner)
            }.joined(separator: ",\n") + "\n\(indent)}"
        default:
            return compactText
        }
    }

    /// The value as JSON text on one line.
    var compactText: String {
        String(decoding: ManagementJSONWriter.encode(self), as: UTF8.self)
    }
}
