/// CRC-32 as zlib computes it (IEEE 802.3, reflected polynomial 0xEDB88320, initial and
/// final value 0xFFFFFFFF): the check the chain file puts next to every record length and
/// after the file header. Chosen over a stronger code because a verifier in any language
/// has it at hand (`zlib.crc32` in Python, `hash/crc32` in Go).
enum CRC32 {
    /// The CRC-32 of `bytes`.
    static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The CRC-32 of the four little-endian bytes of `value` (a record length's check).
    static func checksum(littleEndian value: UInt32) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        var remaining = value
        for _ in 0..<4 {
            crc = table[Int((crc ^ (remaining & 0xFF)) & 0xFF)] ^ (crc >> 8)
            remaining >>= 8
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let table: [UInt32] = (0..<256).map { index -> UInt32 in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }
}
