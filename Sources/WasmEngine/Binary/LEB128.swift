/// The binary format's LEB128 integers, with its exactness rules, shared by every
/// decoder of Wasm binaries (core modules here, components in ComponentModel).
///
/// An N-bit integer takes at most ceil(N/7) bytes ("integer representation too long"),
/// and the unused high bits of its last byte must be zero for unsigned integers or
/// copies of the sign bit for signed ones ("integer too large").
public enum LEB128 {
    /// Why an integer could not be read; each decoder turns it into its own error type.
    public enum Failure: Error, Equatable {
        /// The input ended inside the integer.
        case unexpectedEnd
        /// More bytes than the integer's width allows; `offset` is where reading stopped.
        case representationTooLong(offset: Int)
        /// The last byte sets bits beyond the integer's width; `offset` is that byte.
        case tooLarge(offset: Int)

        /// The binary format's wording ("integer representation too long", ...), or nil
        /// for `unexpectedEnd`, whose wording differs between decoders.
        public var message: String? {
            switch self {
            case .unexpectedEnd: return nil
            case .representationTooLong: return "integer representation too long"
            case .tooLarge: return "integer too large"
            }
        }
    }

    /// Reads an unsigned integer of at most `bits` bits from `bytes[position..<end]`,
    /// advancing `position` past it.
    public static func readUnsigned(_ bytes: [UInt8], at position: inout Int, end: Int, bits: Int) throws(Failure) -> UInt64 {
        // The first `bits / 7` bytes carry 7 payload bits each with no range check, so an
        // integer that ends within them (and is all in the input) needs no per-byte checks.
        let uncheckedBytes = bits / 7
        if end - position >= uncheckedBytes {
            var value: UInt64 = 0
            for index in 0..<uncheckedBytes {
                let byte = bytes[position + index]
                value |= UInt64(byte & 0x7F) << UInt64(7 * index)
                if byte < 0x80 {
                    position += index + 1
                    return value
                }
            }
        }
        // Longer encodings, the range check of the last byte and the error cases.
        var result: UInt64 = 0
        var shift: UInt64 = 0
        var bitsLeft = bits
        while true {
            guard bitsLeft > 0 else { throw .representationTooLong(offset: position) }
            guard position < end else { throw .unexpectedEnd }
            let byte = bytes[position]
            position += 1
            if bitsLeft < 7 && UInt64(byte & 0x7F) >= (1 << UInt64(bitsLeft)) {
                throw .tooLarge(offset: position - 1)
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            bitsLeft -= 7
        }
    }

    /// Reads a signed integer of at most `bits` bits (33 for block types' `s33`),
    /// sign-extended to 64 bits, advancing `position` past it.
    public static func readSigned(_ bytes: [UInt8], at position: inout Int, end: Int, bits: Int) throws(Failure) -> Int64 {
        let uncheckedBytes = bits / 7
        if end - position >= uncheckedBytes {
            var value: Int64 = 0
            for index in 0..<uncheckedBytes {
                let byte = bytes[position + index]
                value |= Int64(byte & 0x7F) << Int64(7 * index)
                if byte < 0x80 {
                    position += index + 1
                    // Sign-extend from the last payload bit (at most bit 62, so the shift is < 64).
                    let shift = Int64(7 * (index + 1))
                    if byte & 0x40 != 0 { value |= -1 << shift }
                    return value
                }
            }
        }
        var result: Int64 = 0
        var shift: Int64 = 0
        var bitsLeft = bits
        while true {
            guard bitsLeft > 0 else { throw .representationTooLong(offset: position) }
            guard position < end else { throw .unexpectedEnd }
            let byte = bytes[position]
            position += 1
            if bitsLeft < 7 {
                // Bits from the sign bit's position upward within this byte's 7 payload bits.
                let mask = UInt8(truncatingIfNeeded: -1 << (bitsLeft - 1)) & 0x7F
                let used = byte & mask
                if used != 0 && used != mask { throw .tooLarge(offset: position - 1) }
            }
            result |= Int64(byte & 0x7F) << shift
            shift += 7
            if byte & 0x80 == 0 {
                if shift < 64 && byte & 0x40 != 0 { result |= -1 << shift }
                return result
            }
            bitsLeft -= 7
        }
    }

    /// Appends `value` in unsigned LEB128, in its shortest form.
    public static func appendUnsigned(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        repeat {
            var byte = UInt8(rest & 0x7F)
            rest >>= 7
            if rest != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while rest != 0
    }

    /// Appends `value` in signed LEB128, in its shortest form.
    public static func appendSigned(_ value: Int64, to bytes: inout [UInt8]) {
        var rest = value
        while true {
            let byte = UInt8(rest & 0x7F)
            rest >>= 7
            let done = (rest == 0 && byte & 0x40 == 0) || (rest == -1 && byte & 0x40 != 0)
            bytes.append(done ? byte : byte | 0x80)
            if done { return }
        }
    }
}
