/// A cursor over the bytes of a binary module: single bytes, fixed-width little-endian
/// words, LEB128 integers, length-prefixed vectors and names.
///
/// Reads never go past `end`; running out of bytes throws
/// "unexpected end of section or function", like the reference interpreter. Like the
/// reference interpreter too, section contents are read from the whole module's stream
/// and section sizes are compared afterwards, so `end` is normally the input's end;
/// only the name-section parser uses a narrower reader.
struct ByteReader {
    let bytes: [UInt8]
    /// Index of the next byte to read.
    var position: Int
    /// One past the last byte this reader may read.
    let end: Int

    /// A reader over `bytes[start..<end]` (the whole array by default).
    init(bytes: [UInt8], start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = min(end ?? bytes.count, bytes.count)
    }

    /// Whether every byte has been consumed.
    var isAtEnd: Bool { position >= end }

    /// How many bytes are left to read.
    var remaining: Int { max(0, end - position) }

    /// An error located at `offset` (the current position when omitted).
    func error(_ message: String, at offset: Int? = nil) -> DecodeError {
        DecodeError(offset: offset ?? position, message: message)
    }

    /// The error for reading past the end of the input.
    var unexpectedEnd: DecodeError {
        DecodeError(offset: end, message: "unexpected end of section or function")
    }

    // MARK: Raw bytes

    /// The next byte without consuming it, or `nil` at the end.
    func peekByte() -> UInt8? {
        position < end ? bytes[position] : nil
    }

    /// Consumes and returns one byte.
    @inline(__always)
    mutating func readByte() throws -> UInt8 {
        guard position < end else { throw unexpectedEnd }
        let byte = bytes[position]
        position += 1
        return byte
    }

    /// Consumes one byte and throws `message` (located at that byte) unless it equals `expected`.
    mutating func expectByte(_ expected: UInt8, _ message: String) throws {
        let offset = position
        if try readByte() != expected { throw error(message, at: offset) }
    }

    /// Consumes `count` bytes and returns a copy of them.
    mutating func readBytes(_ count: Int) throws -> [UInt8] {
        guard count >= 0, count <= remaining else { throw unexpectedEnd }
        let slice = bytes[position..<(position + count)]
        position += count
        return Array(slice)
    }

    /// Moves past `count` bytes; a negative count or one beyond the end throws "unexpected end".
    mutating func skip(_ count: Int) throws {
        guard count >= 0, count <= remaining else { throw unexpectedEnd }
        position += count
    }

    /// A 32-bit little-endian word (the magic, the version and `f32.const` bits).
    mutating func readFixedUInt32() throws -> UInt32 {
        var value: UInt32 = 0
        for index in 0..<4 {
            value |= UInt32(try readByte()) << (8 * index)
        }
        return value
    }

    /// A 64-bit little-endian word (`f64.const` bits).
    mutating func readFixedUInt64() throws -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 {
            value |= UInt64(try readByte()) << (8 * index)
        }
        return value
    }

    // MARK: LEB128

    /// An unsigned LEB128 integer of at most `bits` bits.
    ///
    /// The binary format limits an N-bit integer to ceil(N/7) bytes ("integer
    /// representation too long") and requires the unused high bits of the last byte to
    /// be zero ("integer too large").
    @inline(__always)
    mutating func readUnsignedLEB(bits: Int) throws -> UInt64 {
        // Fast path: most immediates (indices, small counts) fit in one byte, which is
        // always well-formed when `bits >= 7`.
        if bits >= 7 && position < end {
            let byte = bytes[position]
            if byte < 0x80 {
                position += 1
                return UInt64(byte)
            }
        }
        return try readUnsignedLEBSlowly(bits: bits)
    }

    /// The general case of `readUnsignedLEB(bits:)`, kept out of line.
    @inline(never)
    private mutating func readUnsignedLEBSlowly(bits: Int) throws -> UInt64 {
        do { return try LEB128.readUnsigned(bytes, at: &position, end: end, bits: bits) } catch {
            throw decodeError(for: error)
        }
    }

    /// A signed LEB128 integer of at most `bits` bits, sign-extended to 64 bits.
    ///
    /// Same length rule as the unsigned form; the unused high bits of the last byte must
    /// all equal the sign bit ("integer too large").
    @inline(__always)
    mutating func readSignedLEB(bits: Int) throws -> Int64 {
        // Fast path: a single byte (values -64...63) is always well-formed when `bits >= 7`.
        if bits >= 7 && position < end {
            let byte = bytes[position]
            if byte < 0x80 {
                position += 1
                // Sign-extend the 7-bit payload.
                return Int64(Int8(bitPattern: byte << 1) >> 1)
            }
        }
        return try readSignedLEBSlowly(bits: bits)
    }

    /// The general case of `readSignedLEB(bits:)`, kept out of line.
    @inline(never)
    private mutating func readSignedLEBSlowly(bits: Int) throws -> Int64 {
        do { return try LEB128.readSigned(bytes, at: &position, end: end, bits: bits) } catch {
            throw decodeError(for: error)
        }
    }

    /// The core decoder's error for a failed LEB128 read.
    private func decodeError(for failure: LEB128.Failure) -> DecodeError {
        switch failure {
        case .unexpectedEnd: return unexpectedEnd
        case .representationTooLong(let offset), .tooLarge(let offset):
            return error(failure.message ?? "malformed integer", at: offset)
        }
    }

    /// A `u32` (indices, counts, sizes).
    @inline(__always)
    mutating func readVarUInt32() throws -> UInt32 {
        UInt32(truncatingIfNeeded: try readUnsignedLEB(bits: 32))
    }

    /// A `u64`.
    mutating func readVarUInt64() throws -> UInt64 {
        try readUnsignedLEB(bits: 64)
    }

    /// A 1-bit unsigned LEB128 (the limits flag): 0 or 1.
    mutating func readVarUInt1() throws -> Bool {
        try readUnsignedLEB(bits: 1) == 1
    }

    /// An `s32` (`i32.const`).
    @inline(__always)
    mutating func readVarInt32() throws -> Int32 {
        Int32(truncatingIfNeeded: try readSignedLEB(bits: 32))
    }

    /// An `s33` (block type indices).
    mutating func readVarInt33() throws -> Int64 {
        try readSignedLEB(bits: 33)
    }

    /// An `s64` (`i64.const`).
    @inline(__always)
    mutating func readVarInt64() throws -> Int64 {
        try readSignedLEB(bits: 64)
    }

    // MARK: Lengths, vectors and names

    /// A `u32` length or count that must not exceed the bytes left ("length out of bounds").
    ///
    /// Every element of every vector takes at least one byte, so this bounds any
    /// allocation made for the vector by the input's size. As in the reference
    /// interpreter, the bytes left are counted from the length field itself.
    mutating func readLength() throws -> Int {
        let offset = position
        let length = Int(try readVarUInt32())
        guard length <= end - offset else { throw error("length out of bounds", at: offset) }
        return length
    }

    /// A vector: a length, then that many elements read by `element`.
    mutating func readVector<Element>(_ element: (inout ByteReader) throws -> Element) throws -> [Element] {
        let count = try readLength()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count {
            elements.append(try element(&self))
        }
        return elements
    }

    /// A name: a length-prefixed byte string that must be valid UTF-8.
    mutating func readName() throws -> String {
        let offset = position
        let length = try readLength()
        let start = position
        try skip(length)
        let utf8 = bytes[start..<position]
        guard UTF8Validator.isValid(utf8) else {
            throw error("malformed UTF-8 encoding", at: offset)
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
