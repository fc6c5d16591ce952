import ComponentModel

/// How the chain sees byte lists (`list<u8>`: message payloads, state, random bytes): both
/// forms of a `list<u8>` value (`.bytes` and a `.list` of `.u8`) encode identically, as one
/// blob, and a blob decodes to `.bytes`.
extension ComponentValue {
    /// The value a decoded byte blob becomes.
    public static func byteList(_ bytes: [UInt8]) -> ComponentValue {
        .bytes(bytes)
    }

    /// The bytes of a non-empty list whose elements are all `u8` (in either form), else nil.
    /// An empty list is not a byte list here: it carries no element type, and the chain
    /// writes it as an empty generic list.
    var chainByteListContents: [UInt8]? {
        if case .bytes(let bytes) = self { return bytes.isEmpty ? nil : bytes }
        guard case .list(let items) = self, !items.isEmpty else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(items.count)
        for item in items {
            guard case .u8(let byte) = item else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
