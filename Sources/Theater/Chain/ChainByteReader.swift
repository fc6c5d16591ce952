/// A strict reader of the primitive forms `Array+ChainEncoding` writes. Every read checks
/// that the bytes are there and that the form is canonical (minimal LEB128, presence
/// bytes 0 or 1, valid UTF-8), so that decoding then encoding gives back the same bytes;
/// a violation is a `ChainDecodeError` naming the offset, never a crash.
struct ChainByteReader {
    private let bytes: [UInt8]
    /// The offset of the next byte to read.
    private(set) var offset: Int
    private let end: Int

    /// A reader over `bytes[range]`; offsets in errors count from the start of `bytes`.
    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        self.offset = range?.lowerBound ?? 0
        self.end = range?.upperBound ?? bytes.count
    }

    /// The number of bytes not read yet.
    var remaining: Int { end - offset }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset == end }

    /// Fails unless every byte has been read (a payload has no trailing bytes).
    func expectEnd(_ what: String) throws(ChainDecodeError) {
        guard isAtEnd else {
            throw ChainDecodeError(offset: offset, "\(remaining) unexpected byte(s) after the \(what)")
        }
    }

    /// Reads one byte.
    mutating func readByte(_ what: String) throws(ChainDecodeError) -> UInt8 {
        guard offset < end else { throw ChainDecodeError(offset: offset, "the bytes end before the \(what)") }
        let byte = bytes[offset]
        offset += 1
        return byte
    }

    /// Reads a fixed-width little-endian integer.
    mutating func readLittleEndian<T: FixedWidthInteger>(_ type: T.Type, _ what: String) throws(ChainDecodeError) -> T {
        let width = T.bitWidth / 8
        guard remaining >= width else {
            throw ChainDecodeError(offset: offset, "the bytes end inside the \(what) (\(width) bytes needed, \(remaining) left)")
        }
        var value: T = 0
        for index in 0..<width {
            value |= T(truncatingIfNeeded: bytes[offset + index]) << (8 * index)
        }
        offset += width
        return value
    }

    /// Reads a presence byte: false for 0, true for 1, an error for anything else.
    mutating func readPresence(_ what: String) throws(ChainDecodeError) -> Bool {
        let start = offset
        switch try readByte(what) {
        case 0: return false
        case 1: return true
        case let other: throw ChainDecodeError(offset: start, "the \(what) must be 0 or 1, found \(other)")
        }
    }

    /// Reads a minimal unsigned LEB128 number of at most 2^32 - 1.
    mutating func readLEB128(_ what: String) throws(ChainDecodeError) -> Int {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte(what)
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                if byte == 0 && shift > 0 {
                    throw ChainDecodeError(offset: start, "the \(what) is not minimally encoded (a trailing zero LEB128 byte)")
                }
                break
            }
            shift += 7
            if shift >= 35 { throw ChainDecodeError(offset: start, "the \(what) is longer than five LEB128 bytes") }
        }
        guard value <= UInt64(UInt32.max) else {
            throw ChainDecodeError(offset: start, "the \(what) \(value) is larger than 2^32 - 1")
        }
        return Int(value)
    }

    /// Reads a LEB128 length that must fit in the bytes left (each counted item takes at
    /// least `minimumItemSize` bytes), so that a hostile length never drives an
    /// allocation or a loop past the input.
    mutating func readLength(_ what: String, minimumItemSize: Int = 1) throws(ChainDecodeError) -> Int {
        let start = offset
        let length = try readLEB128(what)
        guard length <= remaining / max(minimumItemSize, 1) else {
            throw ChainDecodeError(offset: start, "the \(what) \(length) exceeds the \(remaining) byte(s) left")
        }
        return length
    }

    /// Reads `count` raw bytes.
    mutating func readBytes(_ count: Int, _ what: String) throws(ChainDecodeError) -> [UInt8] {
        guard count <= remaining else {
            throw ChainDecodeError(offset: offset, "the bytes end inside the \(what) (\(count) bytes needed, \(remaining) left)")
        }
        let slice = Array(bytes[offset..<(offset + count)])
        offset += count
        return slice
    }

    /// Reads a LEB128 length and that many bytes.
    mutating func readBlob(_ what: String) throws(ChainDecodeError) -> [UInt8] {
        let count = try readLength("length of the \(what)")
        return try readBytes(count, what)
    }

    /// Reads a LEB128 byte length and that many bytes of valid UTF-8.
    mutating func readString(_ what: String) throws(ChainDecodeError) -> String {
        let count = try readLength("length of the \(what)")
        let start = offset
        guard let string = String(validating: bytes[start..<(start + count)], as: UTF8.self) else {
            throw ChainDecodeError(offset: start, "the \(what) is not valid UTF-8")
        }
        offset += count
        return string
    }

    /// Reads a 32-byte SHA-256 digest.
    mutating func readHash(_ what: String) throws(ChainDecodeError) -> ChainHash {
        ChainHash(trusted: try readBytes(ChainHash.byteCount, what))
    }

    /// Reads a presence byte and, when present, what `body` reads.
    mutating func readOptional<T>(
        _ what: String, _ body: (inout ChainByteReader) throws(ChainDecodeError) -> T
    ) throws(ChainDecodeError) -> T? {
        guard try readPresence("presence byte of the \(what)") else { return nil }
        return try body(&self)
    }
}
