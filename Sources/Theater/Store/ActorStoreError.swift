/// Why an operation on an actor's store (the `store` handler) failed. Each message names
/// the value at fault (quoted and escaped, cut to 80 characters) and what would be
/// accepted, since actors see it as the `err` of their call.
public enum ActorStoreError: Error, Equatable, CustomStringConvertible {
    /// The store id is not a lowercase UUID in canonical form.
    case invalidStoreID(String)
    /// No store has this id in the data directory.
    case unknownStore(String)
    /// A content reference is not 64 lowercase hexadecimal digits.
    case invalidContentRef(String)
    /// The store holds no content under the reference.
    case contentNotFound(store: String, hash: String)
    /// Content to store or to return is larger than the limit.
    case contentTooLarge(size: UInt64, limit: UInt64)
    /// A listing (labels or content references) would be larger than the limit.
    case listingTooLarge(what: String, count: Int, bytes: UInt64, limit: UInt64)
    /// A label is the empty string.
    case emptyLabel
    /// A label's UTF-8 form is longer than `ActorStore.maximumLabelBytes`.
    case labelTooLong(label: String, bytes: Int, limit: Int)
    /// A file of the store does not hold what it should (changed outside Theater).
    case corrupted(path: String, reason: String)
    /// The system refused a file operation.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidStoreID(let id):
            return "\(Self.quote(id)) is not a store id (expected a lowercase UUID such as "
                + "\"6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5b\", as returned by store.new)"
        case .unknownStore(let id):
            return "there is no store \(id) in this data directory (create one with store.new)"
        case .invalidContentRef(let hash):
            return "\(Self.quote(hash)) is not a content reference (expected the 64 lowercase hexadecimal digits "
                + "of a SHA-256, as returned by store.store)"
        case .contentNotFound(let store, let hash):
            return "store \(store) holds no content \(hash)"
        case .contentTooLarge(let size, let limit):
            return "content of \(size) bytes is larger than this actor's message_size limit of \(limit) bytes "
                + "(raise [limits] message_size in the manifest, or store smaller pieces)"
        case .listingTooLarge(let what, let count, let bytes, let limit):
            return "the store's \(count) \(what) take \(bytes) bytes, more than this actor's message_size limit of "
                + "\(limit) bytes (raise [limits] message_size, or spread the data over more stores)"
        case .emptyLabel:
            return "a label must not be empty"
        case .labelTooLong(let label, let bytes, let limit):
            return "label \(Self.quote(label)) is \(bytes) bytes long in UTF-8; labels are at most \(limit) bytes"
        case .corrupted(let path, let reason):
            return "store file \(path) is damaged: \(reason)"
        case .io(let path, let reason):
            return "store: \(path): \(reason)"
        }
    }

    /// `text` quoted with its control characters escaped (a NUL shows as `\0`), cut to 80
    /// characters so that a hostile megabyte-long value does not become the message.
    static func quote(_ text: String) -> String {
        let cut = text.count > 80 ? String(text.prefix(80)) : text
        return String(reflecting: cut) + (cut.count < text.count ? "…" : "")
    }
}
