/// Strings: lifting from and lowering into the three canonical encodings.
///
/// A string in memory is a pointer and a length in code units. With `latin1+utf16` the
/// length's top bit (the UTF-16 tag) says the units are UTF-16 rather than Latin-1.
/// Host strings are Swift strings (UTF-8), so lowering follows the spec's algorithms for
/// a UTF-8 source: an exact copy for UTF-8; a worst-case UTF-16 allocation shrunk
/// afterwards; and for `latin1+utf16`, Latin-1 when every scalar fits, else UTF-16.
extension LiftLowerContext {
    /// The UTF-16 tag bit of a `latin1+utf16` length in a 32-bit memory.
    static let utf16Tag: UInt32 = 1 << 31

    /// Lifts the string at `pointer` with `taggedCodeUnits` units (`load_string_from_range`).
    public func loadString(at pointer: Int, taggedCodeUnits: UInt32) throws -> String {
        let alignment: Int
        let byteLength: Int
        let encoding: StringEncoding
        switch options.stringEncoding {
        case .utf8:
            (alignment, byteLength, encoding) = (1, Int(taggedCodeUnits), .utf8)
        case .utf16:
            (alignment, byteLength, encoding) = (2, 2 * Int(taggedCodeUnits), .utf16)
        case .latin1OrUTF16:
            if taggedCodeUnits & Self.utf16Tag != 0 {
                (alignment, byteLength, encoding) = (2, 2 * Int(taggedCodeUnits ^ Self.utf16Tag), .utf16)
            } else {
                (alignment, byteLength, encoding) = (2, Int(taggedCodeUnits), .latin1OrUTF16)
            }
        }
        guard byteLength <= CanonicalABILimits.maxStringByteLength else {
            throw CanonicalABIError.stringTooLong(byteLength: byteLength)
        }
        try checkAlignment("string", pointer, alignment)
        try checkBounds("string", pointer, byteLength)
        let bytes = try memory().read(at: pointer, count: byteLength)
        switch encoding {
        case .utf8: return try StringCodec.decodeUTF8(bytes)
        case .utf16: return try StringCodec.decodeUTF16LE(bytes)
        case .latin1OrUTF16: return StringCodec.decodeLatin1(bytes)
        }
    }

    /// Lowers `string` into a fresh block; returns the pointer and the (tagged) length.
    public func storeString(_ string: String) throws -> (pointer: Int, taggedCodeUnits: UInt32) {
        let sourceUnits = string.utf8.count
        guard sourceUnits <= CanonicalABILimits.maxStringByteLength else {
            throw CanonicalABIError.stringTooLong(byteLength: sourceUnits)
        }
        let memory = try memory()
        switch options.stringEncoding {
        case .utf8:
            let pointer = try allocate(alignment: 1, size: sourceUnits)
            try memory.write(Array(string.utf8), at: pointer)
            return (pointer, UInt32(sourceUnits))
        case .utf16:
            let worstCase = 2 * sourceUnits
            var pointer = try allocate(alignment: 2, size: worstCase)
            let encoded = StringCodec.encodeUTF16LE(string)
            try memory.write(encoded, at: pointer)
            if encoded.count < worstCase {
                pointer = try reallocate(pointer, worstCase, alignment: 2, newSize: encoded.count)
            }
            return (pointer, UInt32(encoded.count / 2))
        case .latin1OrUTF16:
            var pointer = try allocate(alignment: 2, size: sourceUnits)
            if let latin1 = StringCodec.encodeLatin1(string) {
                try memory.write(latin1, at: pointer)
                if latin1.count < sourceUnits {
                    pointer = try reallocate(pointer, sourceUnits, alignment: 2, newSize: latin1.count)
                }
                return (pointer, UInt32(latin1.count))
            }
            let worstCase = 2 * sourceUnits
            pointer = try reallocate(pointer, sourceUnits, alignment: 2, newSize: worstCase)
            let encoded = StringCodec.encodeUTF16LE(string)
            try memory.write(encoded, at: pointer)
            if encoded.count < worstCase {
                pointer = try reallocate(pointer, worstCase, alignment: 2, newSize: encoded.count)
            }
            return (pointer, UInt32(encoded.count / 2) | Self.utf16Tag)
        }
    }
}

/// Strict decoding and encoding of the canonical string encodings; invalid input is an
/// `invalidString` error with the byte offset of the first bad code unit.
enum StringCodec {
    static func decodeUTF8(_ bytes: [UInt8]) throws -> String {
        if let string = String(validating: bytes, as: UTF8.self) { return string }
        let offset = firstErrorOffset(bytes, UTF8.self, unitSize: 1)
        if isTruncatedUTF8(bytes[offset...]) {
            throw CanonicalABIError.truncatedString(encoding: .utf8, offset: offset)
        }
        throw CanonicalABIError.invalidString(encoding: .utf8, offset: offset)
    }

    /// Whether `tail` is the valid start of one multi-byte UTF-8 sequence that the input
    /// cuts short (a lead byte and fewer continuation bytes than it announces).
    private static func isTruncatedUTF8(_ tail: ArraySlice<UInt8>) -> Bool {
        guard let lead = tail.first else { return false }
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return false
        }
        return tail.count < length && tail.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }

    static func decodeUTF16LE(_ bytes: [UInt8]) throws -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        for i in stride(from: 0, to: bytes.count, by: 2) {
            units.append(UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8)
        }
        if let string = String(validating: units, as: UTF16.self) { return string }
        throw CanonicalABIError.invalidString(encoding: .utf16, offset: firstErrorOffset(units, UTF16.self, unitSize: 2))
    }

    /// Latin-1 maps every byte to the scalar with the same value, so it cannot fail.
    static func decodeLatin1(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }

    static func encodeUTF16LE(_ string: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf16.count * 2)
        for unit in string.utf16 {
            bytes.append(UInt8(truncatingIfNeeded: unit))
            bytes.append(UInt8(truncatingIfNeeded: unit >> 8))
        }
        return bytes
    }

    /// The Latin-1 bytes of `string`, or nil when a scalar is above U+00FF.
    static func encodeLatin1(_ string: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        for scalar in string.unicodeScalars {
            guard scalar.value < 0x100 else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }

    /// The byte offset of the first ill-formed sequence (the parser reports exact lengths,
    /// so summing them locates it).
    private static func firstErrorOffset<Codec: UnicodeCodec>(_ units: [Codec.CodeUnit], _ codec: Codec.Type,
                                                              unitSize: Int) -> Int {
        var parser = Codec.ForwardParser()
        var iterator = units.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset * unitSize
            case .emptyInput: return offset * unitSize
            }
        }
    }
}
