import Foundation

/// Where the header and records of an intact chain file are, read here independently of
/// Theater from the layout in docs/chain-format.md (section 2): a 16-byte header, then
/// records `u32 L ‖ u32 CRC ‖ body (L bytes, ending in the 32-byte event hash) ‖ 0xEE`.
/// The tests use it to damage the file at chosen places and to know what a verifier must
/// then report.
struct ChainFileLayout {
    /// One record of the file.
    struct Record {
        /// Offset of the record's length field.
        let offset: Int
        /// The body's length `L`.
        let bodyLength: Int

        /// Offset of the CRC of the length.
        var checkOffset: Int { offset + 4 }
        /// Offset of the body (its first byte is the encoding version).
        var bodyOffset: Int { offset + 8 }
        /// Offset of the stored event hash, the body's last 32 bytes.
        var hashOffset: Int { bodyOffset + bodyLength - 32 }
        /// Offset of the end marker.
        var markerOffset: Int { bodyOffset + bodyLength }
        /// Offset just past the record.
        var end: Int { markerOffset + 1 }
    }

    /// The size of the file header.
    static let headerSize = 16

    /// The file's bytes.
    let bytes: [UInt8]
    /// The records in file order (record n holds event n).
    let records: [Record]

    /// Reads the layout of the intact chain file `bytes`; nil if it is not laid out as the
    /// format says (then the test's own recording is broken).
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= ChainFileLayout.headerSize, bytes[0..<8] == [0x89, 0x54, 0x48, 0x43, 0x48, 0x0D, 0x0A, 0x1A] else {
            return nil
        }
        var records: [Record] = []
        var offset = ChainFileLayout.headerSize
        while offset < bytes.count {
            guard offset + 8 <= bytes.count else { return nil }
            let length = bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | Int($1) }
            let record = Record(offset: offset, bodyLength: length)
            guard length >= 58, record.end <= bytes.count, bytes[record.markerOffset] == 0xEE else { return nil }
            records.append(record)
            offset = record.end
        }
        self.bytes = bytes
        self.records = records
    }

    /// Reads the chain file at `path`.
    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        self.init([UInt8](data))
    }

    /// The stored hash of event `index`, in hex.
    func hash(of index: Int) -> String {
        let record = records[index]
        return bytes[record.hashOffset..<record.markerOffset].map { String(format: "%02x", $0) }.joined()
    }

    /// How many records end at or before `size`: the events a reader keeps from a file cut
    /// to `size` bytes.
    func wholeRecords(before size: Int) -> Int {
        records.prefix { $0.end <= size }.count
    }

    /// A spread of offsets that covers every part of the file: five header bytes and, in
    /// every record, the length, its check, the encoding version, the sequence, the parent
    /// presence, a byte in the middle of the body, the stored hash and the end marker.
    func spreadOfOffsets() -> [Int] {
        var offsets = [0, 4, 8, 12, 15]
        for record in records {
            offsets += [record.offset, record.offset + 3, record.checkOffset, record.checkOffset + 2,
                        record.bodyOffset, record.bodyOffset + 1, record.bodyOffset + 9,
                        record.bodyOffset + record.bodyLength / 2, record.hashOffset + 7, record.markerOffset]
        }
        return offsets
    }

    /// The bytes with the byte at `offset` inverted (every bit flipped).
    func flipping(_ offset: Int) -> [UInt8] {
        var copy = bytes
        copy[offset] ^= 0xFF
        return copy
    }
}
