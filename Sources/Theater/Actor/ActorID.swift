/// Actor ids: random UUIDs (version 4) in their canonical text form.
public enum ActorID {
    /// A fresh random id.
    public static func random() -> String {
        // Two 64-bit draws (one system call each) rather than sixteen one-byte draws.
        var generator = SystemRandomNumberGenerator()
        let high = generator.next(), low = generator.next()
        return uuidV4(from: (0..<16).map { UInt8(truncatingIfNeeded: ($0 < 8 ? high : low) >> (8 * UInt64($0 % 8))) })
    }

    /// The version-4 UUID text of 16 random bytes (version and variant bits set).
    static func uuidV4(from random: [UInt8]) -> String {
        var bytes = random
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte -> String in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
    }

    /// Whether `text` is a UUID in canonical form (what actor ids look like).
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isHexDigit && !$0.isUppercase } }
    }
}
