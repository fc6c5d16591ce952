/// Appends binary-format primitives (LEB128 numbers, vectors, names) to a byte buffer.
struct WatBinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func append(_ other: [UInt8]) { bytes += other }

    mutating func unsigned(_ value: UInt64) {
        var v = value
        repeat {
            var b = UInt8(v & 0x7F)
            v >>= 7
            if v != 0 { b |= 0x80 }
            bytes.append(b)
        } while v != 0
    }

    mutating func unsigned(_ value: UInt32) { unsigned(UInt64(value)) }

    mutating func signed(_ value: Int64) {
        var v = value
        while true {
            let b = UInt8(v & 0x7F)
            v >>= 7
            let done = (v == 0 && b & 0x40 == 0) || (v == -1 && b & 0x40 != 0)
            bytes.append(done ? b : b | 0x80)
            if done { return }
        }
    }

    mutating func name(_ text: String) {
        let utf8 = Array(text.utf8)
        unsigned(UInt32(utf8.count))
        bytes += utf8
    }

    mutating func valueType(_ type: ValueType) { bytes.append(type.rawValue) }

    /// A byte vector with its length prefix.
    mutating func vector(_ content: [UInt8]) {
        unsigned(UInt32(content.count))
        bytes += content
    }
}
