/// The name of a new actor project: it names the project's folder, the actor in its
/// manifest and its component file (`NAME.wasm`), so it is kept to characters that are
/// safe in all three.
struct ActorProjectName: Sendable, CustomStringConvertible {
    /// The validated name.
    let description: String

    /// The longest name accepted; a folder name past this is surely a mistake.
    static let maximumLength = 64

    /// Validates `text`: letters, digits, `-` and `_`, starting with a letter or digit.
    init(_ text: String) throws(CommandFailure) {
        guard !text.isEmpty else {
            throw CommandFailure("the actor name is empty; give a name such as my-actor")
        }
        guard text.count <= Self.maximumLength else {
            throw CommandFailure("the actor name is \(text.count) characters long; use at most \(Self.maximumLength)")
        }
        if let bad = text.unicodeScalars.first(where: { !Self.isAllowed($0) }) {
            throw CommandFailure("the actor name \"\(text)\" holds \"\(bad.escaped(asASCII: true))\"; "
                                 + "use only ASCII letters, digits, - and _ (e.g. my-actor)")
        }
        guard let first = text.unicodeScalars.first, first != "-", first != "_" else {
            throw CommandFailure("the actor name \"\(text)\" starts with \(text.prefix(1)); start it with a letter or digit")
        }
        description = text
    }

    /// Whether `scalar` may appear in a name: an ASCII letter or digit, `-` or `_`.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || scalar == "-" || scalar == "_"
    }
}
