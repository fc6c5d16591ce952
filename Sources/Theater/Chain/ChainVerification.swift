/// The verdict of `ChainVerifier.verify(at:)`.
public enum ChainVerification: Equatable, Sendable {
    /// Every event checks out: `count` events, the last one's hash (nil for an empty
    /// chain), and how many bytes of torn tail follow them (an unfinished last write,
    /// which is not corruption and is cut when the chain is opened for appending).
    case verified(count: Int, head: ChainHash?, tornTailBytes: Int)
    /// The file is not a valid chain.
    case failed(ChainVerificationFailure)
}
