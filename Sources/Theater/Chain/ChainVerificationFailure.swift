/// Where and why a chain file is not a valid chain: the event (by its position's
/// sequence number; nil for the file header), the byte offset of its record, and what is
/// wrong with it.
public struct ChainVerificationFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The sequence number of the damaged event (its position in the file); nil when the
    /// file header is damaged.
    public let sequence: UInt64?
    /// The offset in the file of the damaged record (or of the header's first bad byte).
    public let byteOffset: Int
    /// What is wrong.
    public let reason: String

    /// A failure of event `sequence` (nil: the header) at `byteOffset`.
    public init(sequence: UInt64?, byteOffset: Int, reason: String) {
        self.sequence = sequence
        self.byteOffset = byteOffset
        self.reason = reason
    }

    public var description: String {
        if let sequence { return "event \(sequence) (record at byte \(byteOffset)) is corrupted: \(reason)" }
        return "the chain file header (byte \(byteOffset)) is corrupted: \(reason)"
    }
}
