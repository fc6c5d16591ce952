/// Why a chain file could not be created, read or appended to; each case names the file.
public enum ChainFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `ChainWriter.create` found a file already there (an actor id used twice?).
    case alreadyExists(path: String)
    /// The system refused an operation (`operation` "open", "write", "fsync", ...).
    case io(path: String, operation: String, reason: String)
    /// The file is damaged (or not a chain file at all); `failure` says where.
    case corrupted(path: String, failure: ChainVerificationFailure)
    /// An event given to `ChainWriter.append` does not continue the chain in the file.
    case eventDoesNotLink(path: String, sequence: UInt64, reason: String)
    /// An event too large for one record (length field is 32 bits).
    case eventTooLarge(path: String, sequence: UInt64, bytes: Int)
    /// The writer was used after `close()`.
    case closed(path: String)

    public var description: String {
        switch self {
        case .alreadyExists(let path):
            return "cannot create chain file \(path): a file already exists there"
        case .io(let path, let operation, let reason):
            return "cannot \(operation) chain file \(path): \(reason)"
        case .corrupted(let path, let failure):
            return "chain file \(path): \(failure)"
        case .eventDoesNotLink(let path, let sequence, let reason):
            return "cannot append event \(sequence) to chain file \(path): \(reason)"
        case .eventTooLarge(let path, let sequence, let bytes):
            return "cannot append event \(sequence) to chain file \(path): its record would be \(bytes) bytes, more than 2^32 - 1"
        case .closed(let path):
            return "chain file \(path) was already closed"
        }
    }

    /// The chain error for a failed system call.
    init(_ failure: DurableFile.Failure) {
        self = .io(path: failure.path, operation: failure.operation, reason: failure.reason)
    }
}
