/// Why a `Fragment` frame was refused. The message it belonged to is dropped; the
/// connection can go on (the framing itself is intact).
public enum FragmentError: Error, Equatable, CustomStringConvertible, Sendable {
    /// `total_fragments` is 0, or `fragment_index` is not below it.
    case indexOutOfRange(messageID: UInt64, index: UInt32, total: UInt32)
    /// A fragment says a different `total_fragments` than the message's first fragment.
    case inconsistentTotal(messageID: UInt64, expected: UInt32, found: UInt32)
    /// The same fragment arrived twice.
    case duplicate(messageID: UInt64, index: UInt32)
    /// A message would have more fragments than allowed.
    case tooManyFragments(messageID: UInt64, total: UInt32, limit: UInt32)
    /// Incomplete messages would hold more bytes than allowed.
    case pendingBytesExceeded(messageID: UInt64, limit: Int)
    /// Too many messages are incomplete at once.
    case tooManyPendingMessages(messageID: UInt64, limit: Int)

    public var description: String {
        switch self {
        case .indexOutOfRange(let id, let index, let total):
            return "fragment \(index) of message \(id) is out of range: the message has \(total) fragments"
        case .inconsistentTotal(let id, let expected, let found):
            return "fragment of message \(id) says \(found) fragments, earlier fragments said \(expected); message dropped"
        case .duplicate(let id, let index):
            return "fragment \(index) of message \(id) arrived twice; message dropped"
        case .tooManyFragments(let id, let total, let limit):
            return "message \(id) has \(total) fragments, more than the limit of \(limit)"
        case .pendingBytesExceeded(let id, let limit):
            return "fragment of message \(id) would make incomplete messages hold over \(limit) bytes; message dropped"
        case .tooManyPendingMessages(let id, let limit):
            return "message \(id) would make more than \(limit) messages incomplete at once; fragment dropped"
        }
    }
}
