/// Scans a JSON array of integers 0...255 (`[1, 2,255]`) straight into bytes.
///
/// The protocol carries every byte field, and each `Complete` frame's whole message, as
/// such an array (serde's encoding of `Vec<u8>`); going through a general JSON tree would
/// cost an allocation per byte. The scanner accepts exactly the JSON grammar for this
/// shape (whitespace anywhere between tokens, no leading zeros, no sign) and reports
/// "not this shape" by returning nil, so that callers can fall back to a general parser
/// for a precise error.
enum ByteArrayScanner {
    /// Scans from `start` (which must be '[') and returns the bytes and the offset just
    /// after the closing ']', or nil if the input there is not such an array.
    static func scan(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> ([UInt8], Int)? {
        var index = start
        let count = input.count
        guard index < count, input[index] == UInt8(ascii: "[") else { return nil }
        index += 1
        var bytes: [UInt8] = []
        // A byte array is at least two characters an element: reserve a sensible guess.
        bytes.reserveCapacity(min((count - index) / 2, 1 << 20))
        @inline(__always) func skipWhitespace() {
            while index < count {
                let byte = input[index]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
                index += 1
            }
        }
        skipWhitespace()
        if index < count && input[index] == UInt8(ascii: "]") { return (bytes, index + 1) }
        while true {
            skipWhitespace()
            guard index < count else { return nil }
            var digit = input[index] &- 0x30
            guard digit <= 9 else { return nil }
            var value = Int(digit)
            index += 1
            if value != 0 {
                var digits = 1
                while index < count {
                    digit = input[index] &- 0x30
                    guard digit <= 9 else { break }
                    digits += 1
                    guard digits <= 3 else { return nil }
                    value = value * 10 + Int(digit)
                    index += 1
                }
                guard value <= 255 else { return nil }
            } else if index < count && input[index] &- 0x30 <= 9 {
                return nil
            }
            // A fraction or exponent makes it a general number, not a byte.
            if index < count && (input[index] == UInt8(ascii: ".") || input[index] | 0x20 == UInt8(ascii: "e")) {
                return nil
            }
            bytes.append(UInt8(value))
            skipWhitespace()
            guard index < count else { return nil }
            if input[index] == UInt8(ascii: ",") { index += 1; continue }
            if input[index] == UInt8(ascii: "]") { return (bytes, index + 1) }
            return nil
        }
    }
}
