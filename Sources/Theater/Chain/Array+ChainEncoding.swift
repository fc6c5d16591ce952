/// The primitive encoders of the chain format, appending straight into a byte buffer so
/// that an event is encoded without intermediate arrays. Every multi-byte integer is
/// little-endian; lengths and counts inside payloads are minimal unsigned LEB128 (at
/// most five bytes, so at most 2^32 - 1). `ChainByteReader` reads exactly these forms.
extension Array where Element == UInt8 {
    /// Appends `value` as `T.bitWidth / 8` little-endian bytes.
    @inline(__always)
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        var little = value.littleEndian
        Swift.withUnsafeBytes(of: &little) { append(contentsOf: $0) }
    }

    /// Appends `value` as minimal unsigned LEB128.
    @inline(__always)
    mutating func appendLEB128(_ value: Int) {
        precondition(value >= 0 && value <= Int(UInt32.max), "chain lengths are at most 2^32 - 1")
        var remaining = UInt32(value)
        repeat {
            let low = UInt8(remaining & 0x7F)
            remaining >>= 7
            append(remaining == 0 ? low : low | 0x80)
        } while remaining != 0
    }

    /// Appends a LEB128 length and then the bytes themselves.
    @inline(__always)
    mutating func appendBlob<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        appendLEB128(bytes.count)
        append(contentsOf: bytes)
    }

    /// Appends a string as a LEB128 byte length and its UTF-8 bytes.
    @inline(__always)
    mutating func appendString(_ string: String) {
        var string = string
        string.withUTF8 { appendBlob($0) }
    }

    /// Appends an optional as a presence byte (0 absent, 1 present) followed, when
    /// present, by what `body` appends.
    @inline(__always)
    mutating func appendOptional<T>(_ value: T?, _ body: (inout [UInt8], T) -> Void) {
        if let value {
            append(1)
            body(&self, value)
        } else {
            append(0)
        }
    }
}
