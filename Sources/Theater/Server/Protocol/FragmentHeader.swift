/// Which part of which large message a `Fragment` frame carries.
public struct FragmentHeader: Equatable, Hashable, Sendable {
    /// Identifies the message among the sender's messages; fragments of one message share it.
    public var messageID: UInt64
    /// This fragment's position, 0-based, below `totalFragments`.
    public var fragmentIndex: UInt32
    /// How many fragments the whole message has.
    public var totalFragments: UInt32

    public init(messageID: UInt64, fragmentIndex: UInt32, totalFragments: UInt32) {
        self.messageID = messageID
        self.fragmentIndex = fragmentIndex
        self.totalFragments = totalFragments
    }
}
