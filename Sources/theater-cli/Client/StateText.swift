/// An actor's state bytes for a person: the text when it is printable UTF-8, else its size
/// and first bytes in hex.
enum StateText {
    /// How many bytes of a binary state are shown in hex.
    static let hexPreview = 64

    static func describe(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self),
           text.unicodeScalars.allSatisfy({ $0 == "\n" || $0 == "\t" || $0.value >= 0x20 && $0.value != 0x7F }) {
            return text.isEmpty ? "(empty)" : text
        }
        let shown = bytes.prefix(hexPreview).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        return "\(bytes.count) bytes: \(shown.joined())\(bytes.count > hexPreview ? "..." : "")"
    }
}
