import WasmEngine

/// The linear memory the Canonical ABI reads and writes: byte-addressed, little-endian.
///
/// The ABI checks every range against `byteCount` before it calls these, so that its
/// traps carry ABI messages; implementations may still throw on bad ranges.
public protocol CanonicalMemory {
    /// The current size in bytes.
    var byteCount: Int { get }
    /// Copies `count` bytes starting at `offset`.
    func read(at offset: Int, count: Int) throws -> [UInt8]
    /// Writes `bytes` starting at `offset`.
    func write(_ bytes: [UInt8], at offset: Int) throws
    /// Reads a little-endian unsigned integer of `byteCount` (1, 2, 4 or 8) bytes.
    func loadInteger(at offset: Int, byteCount count: Int) throws -> UInt64
    /// Writes the low `byteCount` (1, 2, 4 or 8) bytes of `value`, little-endian.
    func storeInteger(_ value: UInt64, at offset: Int, byteCount count: Int) throws
}

/// Integer access through `read` and `write`, for memories that have nothing faster.
extension CanonicalMemory {
    /// Reads a little-endian unsigned integer of `byteCount` (1, 2, 4 or 8) bytes.
    public func loadInteger(at offset: Int, byteCount count: Int) throws -> UInt64 {
        let bytes = try read(at: offset, count: count)
        var value: UInt64 = 0
        for (i, byte) in bytes.enumerated() {
            value |= UInt64(byte) << (8 * UInt64(i))
        }
        return value
    }

    /// Writes the low `byteCount` bytes of `value`, little-endian.
    public func storeInteger(_ value: UInt64, at offset: Int, byteCount count: Int) throws {
        var bytes = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            bytes[i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))
        }
        try write(bytes, at: offset)
    }
}

/// A WasmEngine memory instance is a canonical memory as it is (same operations), with
/// integers read and written in place: the ABI moves every scalar, pointer and length this
/// way, so going through a temporary byte array each time would dominate small calls.
extension MemoryInstance: CanonicalMemory {
    /// Reads a little-endian unsigned integer of `byteCount` (1, 2, 4 or 8) bytes in place.
    public func loadInteger(at offset: Int, byteCount count: Int) throws -> UInt64 {
        switch count {
        case 4: return UInt64(try loadUInt32(at: offset))
        case 8: return try loadUInt64(at: offset)
        default:
            return try withUnsafeMutableBytes(at: offset, count: count) { bytes in
                var value: UInt64 = 0
                for i in 0..<count {
                    value |= UInt64(bytes[i]) << (8 * UInt64(i))
                }
                return value
            }
        }
    }

    /// Writes the low `byteCount` (1, 2, 4 or 8) bytes of `value`, little-endian, in place.
    public func storeInteger(_ value: UInt64, at offset: Int, byteCount count: Int) throws {
        switch count {
        case 4: try storeUInt32(UInt32(truncatingIfNeeded: value), at: offset)
        case 8: try storeUInt64(value, at: offset)
        default:
            try withUnsafeMutableBytes(at: offset, count: count) { bytes in
                for i in 0..<count {
                    bytes[i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))
                }
            }
        }
    }
}

/// A canonical memory over a plain byte array: for tests and for hosts that stage values.
public final class ByteArrayMemory: CanonicalMemory {
    /// The memory's contents.
    public var bytes: [UInt8]

    /// A zero-filled memory of `size` bytes.
    public init(size: Int) {
        bytes = [UInt8](repeating: 0, count: size)
    }

    public var byteCount: Int { bytes.count }

    /// The `count` bytes at `offset`, or an out-of-bounds error.
    public func read(at offset: Int, count: Int) throws -> [UInt8] {
        try check(offset, count)
        return Array(bytes[offset..<offset + count])
    }

    /// Replaces the bytes at `offset` with `source`, or throws an out-of-bounds error.
    public func write(_ source: [UInt8], at offset: Int) throws {
        try check(offset, source.count)
        bytes.replaceSubrange(offset..<offset + source.count, with: source)
    }

    private func check(_ offset: Int, _ count: Int) throws {
        guard offset >= 0, count >= 0, offset <= bytes.count, count <= bytes.count - offset else {
            throw CanonicalABIError.outOfBounds(what: "access", offset: offset, length: count, memorySize: bytes.count)
        }
    }
}
