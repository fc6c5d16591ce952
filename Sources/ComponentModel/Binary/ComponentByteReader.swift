import WasmEngine

/// A bounded cursor over a component binary: bytes, LEB128 integers and names.
///
/// The reader always holds the whole input, so positions (and error offsets) are
/// absolute; `end` limits reading to the current section (or nested component), and
/// reading past it throws "unexpected end-of-file". It is deliberately small: the core
/// module grammar is decoded by WasmEngine, this only reads what component sections need.
struct ComponentByteReader {
    let bytes: [UInt8]
    /// Index of the next byte to read.
    var position: Int
    /// One past the last byte this reader may read.
    var end: Int

    /// A reader over `bytes[start..<end]` (the whole array by default).
    init(bytes: [UInt8], start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = min(end ?? bytes.count, bytes.count)
    }

    /// Whether every byte up to `end` has been consumed.
    var isAtEnd: Bool { position >= end }

    /// How many bytes are left before `end`.
    var remaining: Int { max(0, end - position) }

    /// An error located at `offset` (the current position when omitted).
    func error(_ message: String, at offset: Int? = nil) -> ComponentDecodeError {
        ComponentDecodeError(offset: offset ?? position, message: message)
    }

    /// The error for reading past `end`.
    var unexpectedEnd: ComponentDecodeError { error("unexpected end-of-file", at: end) }

    /// The spec suite's error for an unknown opcode `byte` (read at `offset`) where a
    /// `what` was expected, e.g. "invalid leading byte (0x2) for core instance".
    func invalidLeadingByte(_ byte: UInt8, for what: String, at offset: Int) -> ComponentDecodeError {
        error("invalid leading byte (0x\(String(byte, radix: 16))) for \(what)", at: offset)
    }

    // MARK: Bytes

    /// The next byte without consuming it, or `nil` at the end.
    func peekByte() -> UInt8? {
        position < end ? bytes[position] : nil
    }

    /// Consumes and returns one byte.
    mutating func readByte() throws -> UInt8 {
        guard position < end else { throw unexpectedEnd }
        let byte = bytes[position]
        position += 1
        return byte
    }

    /// Consumes `count` bytes and returns a copy of them (checked before allocating).
    mutating func readBytes(_ count: Int) throws -> [UInt8] {
        guard count >= 0, count <= remaining else { throw unexpectedEnd }
        let slice = bytes[position..<(position + count)]
        position += count
        return Array(slice)
    }

    /// Moves past `count` bytes.
    mutating func skip(_ count: Int) throws {
        guard count >= 0, count <= remaining else { throw unexpectedEnd }
        position += count
    }

    /// Reads a one-byte flag that must be 0x00 (false) or 0x01 (true).
    mutating func readBoolean() throws -> Bool {
        let offset = position
        switch try readByte() {
        case 0x00: return false
        case 0x01: return true
        default: throw error("invalid boolean value", at: offset)
        }
    }

    /// Reads a byte that must be zero (e.g. the reserved immediate of a variant case).
    mutating func expectZeroByte() throws {
        let offset = position
        let byte = try readByte()
        if byte != 0 { throw invalidLeadingByte(byte, for: "zero byte required", at: offset) }
    }

    // MARK: LEB128

    /// An unsigned LEB128 integer of at most `bits` bits (32 or 64), by the core
    /// binary format's exactness rules (shared with WasmEngine's decoder).
    private mutating func readUnsignedLEB(bits: Int) throws -> UInt64 {
        do { return try LEB128.readUnsigned(bytes, at: &position, end: end, bits: bits) } catch {
            throw componentError(for: error)
        }
    }

    /// A `u32` (LEB128).
    mutating func readU32() throws -> UInt32 {
        UInt32(truncatingIfNeeded: try readUnsignedLEB(bits: 32))
    }

    /// A `u64` (LEB128), used by 64-bit memory limits.
    mutating func readU64() throws -> UInt64 {
        try readUnsignedLEB(bits: 64)
    }

    /// A signed LEB128 integer of at most `bits` bits (33 for `s33`), by the same rules.
    mutating func readSignedLEB(bits: Int) throws -> Int64 {
        do { return try LEB128.readSigned(bytes, at: &position, end: end, bits: bits) } catch {
            throw componentError(for: error)
        }
    }

    /// The component decoder's error for a failed LEB128 read.
    private func componentError(for failure: LEB128.Failure) -> ComponentDecodeError {
        switch failure {
        case .unexpectedEnd: return unexpectedEnd
        case .representationTooLong(let offset), .tooLarge(let offset):
            return error(failure.message ?? "malformed integer", at: offset)
        }
    }

    /// A vector length: a `u32` that cannot exceed the bytes left, given that each
    /// element takes at least `minimumElementSize` bytes. Checking this before any
    /// allocation keeps memory use proportional to the input.
    mutating func readCount(minimumElementSize: Int = 1) throws -> Int {
        let count = Int(try readU32())
        guard count <= remaining / max(1, minimumElementSize) else { throw unexpectedEnd }
        return count
    }

    /// A vector: a count, then `count` elements read by `element`.
    mutating func readVector<T>(minimumElementSize: Int = 1, _ element: (inout ComponentByteReader) throws -> T) throws -> [T] {
        let count = try readCount(minimumElementSize: minimumElementSize)
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            result.append(try element(&self))
        }
        return result
    }

    // MARK: Names

    /// A name: a `u32` byte length, then that many bytes of strictly valid UTF-8.
    mutating func readName() throws -> String {
        let length = Int(try readU32())
        guard length <= remaining else { throw unexpectedEnd }
        let start = position
        position += length
        // Swift's validating initializer rejects overlong forms, surrogates and
        // truncated sequences, unlike the repairing `String(decoding:as:)`.
        guard let name = String(validating: bytes[start..<position], as: UTF8.self) else {
            throw error("malformed UTF-8 encoding", at: start)
        }
        return name
    }
}
