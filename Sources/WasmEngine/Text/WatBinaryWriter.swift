/// Appends binary-format primitives (LEB128 numbers, vectors, names) to a byte buffer.
struct WatBinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func append(_ other: [UInt8]) { bytes += other }

    mutating func unsigned(_ value: UInt64) { LEB128.appendUnsigned(value, to: &bytes) }

    mutating func unsigned(_ value: UInt32) { unsigned(UInt64(value)) }

    mutating func signed(_ value: Int64) { LEB128.appendSigned(value, to: &bytes) }

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
