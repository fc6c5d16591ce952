import ComponentModel

/// How the chain sees byte lists (`list<u8>`: message payloads, state, random bytes).
///
/// MERGE NOTE for the lead: ComponentModel is gaining `case bytes([UInt8])` (a `list<u8>`
/// held as one buffer, equal to the `.list` of `.u8` form). The chain encodes both forms
/// identically, as one blob. After that merge:
///   1. `byteList(_:)` below returns `.bytes(bytes)`;
///   2. `chainByteListContents` also answers `.bytes(let b)` with `b` when `!b.isEmpty`;
///   3. the compiler then asks for a `.bytes` case in the exhaustive switches of
///      `ChainValueCodec.encode`, `ChainValueFormatter.format` and `ChainValueJSON.object`:
///      each already handles byte lists first through `chainByteListContents`, so the
///      new case there only has to handle the empty `.bytes([])` like an empty `.list`.
extension ComponentValue {
    /// The value a decoded byte blob becomes: `.list` of `.u8` today, `.bytes` after the
    /// merge (see the note above). The one place that decides it.
    public static func byteList(_ bytes: [UInt8]) -> ComponentValue {
        .list(bytes.map { .u8($0) })
    }

    /// The bytes of a non-empty list whose elements are all `u8`, else nil. An empty list
    /// is not a byte list here: it carries no element type, and the chain writes it as an
    /// empty generic list.
    var chainByteListContents: [UInt8]? {
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
