/// Strict UTF-8 well-formedness check for names (imports, exports, custom sections).
///
/// The binary format requires names to be valid UTF-8 as defined by Unicode: no
/// overlong encodings, no surrogate code points (U+D800...U+DFFF), nothing above
/// U+10FFFF and no truncated sequences. Swift's lossy `String(decoding:as:)` would
/// silently repair such bytes, so they are rejected here first.
enum UTF8Validator {
    /// Whether `bytes` is a complete, well-formed UTF-8 sequence.
    static func isValid<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The allowed range of the second byte depends on the lead byte (this is what
            // excludes overlong forms, surrogates and values above U+10FFFF); every
            // further continuation byte is 0x80...0xBF.
            let length: Int
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondRange = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondRange = 0x80...0x9F
            case 0xF0: length = 4; secondRange = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondRange = 0x80...0x8F
            default: return false
            }
            guard end - index >= length, secondRange.contains(bytes[index + 1]) else { return false }
            for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) {
                return false
            }
            index += length
        }
        return true
    }
}
