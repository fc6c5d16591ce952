/// A label of an actor's store: any non-empty string of at most `maximumBytes` UTF-8
/// bytes (`/`, `..`, NUL, line breaks and any Unicode included), pointing at one content
/// reference.
///
/// A label never becomes a path as written: its file in the store's `labels/` folder is
/// named by the SHA-256 of its UTF-8 bytes (64 hex digits: no separator, no `..`, within
/// every file system's name length, and two labels share a file only if SHA-256 collides).
/// The file holds the reference and the label itself, so that labels can be listed:
/// `<64 hex digits of the reference>\n<the label's UTF-8 bytes>`.
struct StoreLabel: Equatable {
    /// The label as the actor wrote it.
    let name: String

    /// The longest label, in UTF-8 bytes.
    static let maximumBytes = 4096

    /// A label after checking that it is not empty and not too long.
    init(_ name: String) throws(ActorStoreError) {
        guard !name.isEmpty else { throw .emptyLabel }
        let bytes = name.utf8.count
        guard bytes <= Self.maximumBytes else {
            throw .labelTooLong(label: name, bytes: bytes, limit: Self.maximumBytes)
        }
        self.name = name
    }

    /// The name of the label's file: the SHA-256 hex of its UTF-8 bytes.
    var fileName: String { ChainHash.sha256(Array(name.utf8)).hex }

    /// The bytes of the label's file when it points at `hash`.
    func fileContents(pointingAt hash: String) -> [UInt8] {
        Array(hash.utf8) + [0x0A] + Array(name.utf8)
    }

    /// Reads a label file: the label and the reference it holds. `fileName` is the name the
    /// file was found under, which must be the label's hash; `path` is for messages.
    static func parse(_ bytes: [UInt8], fileName: String, path: String) throws(ActorStoreError) -> (label: StoreLabel, hash: String) {
        let hashLength = 64
        guard bytes.count > hashLength + 1, bytes[hashLength] == 0x0A else {
            throw .corrupted(path: path, reason: "a label file is a 64-digit content reference, a line break and the label")
        }
        let hash = String(decoding: bytes[..<hashLength], as: UTF8.self)
        guard ContentStore.isValidID(hash) else {
            throw .corrupted(path: path, reason: "it does not start with a content reference")
        }
        guard let name = String(validating: bytes[(hashLength + 1)...], as: UTF8.self) else {
            throw .corrupted(path: path, reason: "the label is not valid UTF-8")
        }
        let label: StoreLabel
        do throws(ActorStoreError) {
            label = try StoreLabel(name)
        } catch {
            throw .corrupted(path: path, reason: "the label it holds is not a valid label: \(error)")
        }
        guard label.fileName == fileName else {
            throw .corrupted(path: path, reason: "the file's name is not the SHA-256 of the label it holds")
        }
        return (label, hash)
    }
}
