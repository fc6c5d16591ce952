/// The constants of the chain file format, version 1 (docs/chain-format.md):
///
///     file    = header record*
///     header  = magic(8) version(u32) crc32(magic ‖ version)(u32)          16 bytes
///     record  = length(u32) crc32(length bytes)(u32) body(length) 0xEE
///     body    = canonical event encoding ‖ stored SHA-256 (32 bytes)
///
/// The length check lets a reader trust a length before following it; the end marker
/// is never zero, so a single damaged byte can never look like the zero-filled tail a
/// power cut leaves, and a torn write is told apart from corruption.
enum ChainFileFormat {
    /// The version this build writes and reads.
    static let version: UInt32 = 1
    /// "\x89THCH\r\n\x1a": not text, and damaged by any text-mode conversion.
    static let magic: [UInt8] = [0x89, 0x54, 0x48, 0x43, 0x48, 0x0D, 0x0A, 0x1A]
    /// The complete 16-byte header of a version-1 file.
    static let header: [UInt8] = header(version: version)
    /// The size of the file header.
    static let headerSize = 16
    /// The size of a record's length and check.
    static let recordHeaderSize = 8
    /// The byte after every record body.
    static let endMarker: UInt8 = 0xEE
    /// The smallest record body: an event without parent, type or payload, and its hash.
    static let minimumBodyLength = ChainEvent.canonicalFixedLength + ChainHash.byteCount

    /// The header for a format version.
    static func header(version: UInt32) -> [UInt8] {
        var bytes = magic
        bytes.appendLittleEndian(version)
        bytes.appendLittleEndian(CRC32.checksum(bytes))
        return bytes
    }

    /// The check stored after a record length.
    @inline(__always)
    static func lengthCheck(_ length: UInt32) -> UInt32 {
        CRC32.checksum(littleEndian: length)
    }
}
