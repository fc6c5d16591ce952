import Foundation

/// Checks a chain file without trusting anything in it.
public struct ChainVerifier {
    /// Checks framing, every stored hash against a recomputed one, parent links and
    /// sequence numbers. A torn tail is reported in the verdict, not as a failure; a file
    /// that cannot be read is a failure at offset 0.
    public static func verify(at url: URL) -> ChainVerification {
        do {
            let contents = try ChainReader.parse(at: url, keepEvents: false)
            return .verified(count: contents.count, head: contents.head, tornTailBytes: contents.tornTailBytes)
        } catch {
            switch error {
            case .corrupted(_, let failure):
                return .failed(failure)
            default:
                return .failed(ChainVerificationFailure(sequence: nil, byteOffset: 0, reason: error.description))
            }
        }
    }
}
