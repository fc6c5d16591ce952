import Foundation

/// Actor ids as the client commands take them: the server names actors by lower-case UUIDs,
/// so an argument that is not a UUID is refused before anything is sent.
enum ActorID {
    /// `text` (trimmed) as the server spells an actor id; a `CommandFailure` saying what an
    /// id looks like when it is not one.
    static func parse(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let id = recognise(trimmed) else {
            throw CommandFailure("'\(trimmed)' is not an actor id (a UUID such as 3f2b8c1e-0d4a-4c5e-9b7a-1e2d3c4b5a69; "
                + "`theater list` shows the running actors' ids)")
        }
        return id
    }

    /// The lower-case id when `text` is a UUID, else nil.
    static func recognise(_ text: String) -> String? {
        guard text.utf8.count == 36, let uuid = UUID(uuidString: text) else { return nil }
        return uuid.uuidString.lowercased()
    }
}
