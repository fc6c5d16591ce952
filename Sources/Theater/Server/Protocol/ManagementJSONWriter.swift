/// Writes `ManagementJSON` as compact JSON bytes (no whitespace), the way serde_json does.
///
/// Hand-written into one `[UInt8]` so that byte arrays (a whole message inside a
/// `Complete` frame, a 1 MiB actor message) encode at memory speed.
public enum ManagementJSONWriter {
    /// The compact JSON text of `value`.
    public static func encode(_ value: ManagementJSON) -> [UInt8] {
        var output: [UInt8] = []
        write(value, into: &output)
        return output
    }

    /// Appends the compact JSON text of `value` to `output`.
    public static func write(_ value: ManagementJSON, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let literal): output.append(contentsOf: literal.utf8)
        case .string(let text): writeString(text, into: &output)
        case .bytes(let bytes): writeByteArray(bytes, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `bytes` as a JSON array of decimal numbers: `[0,17,255]`.
    public static func writeByteArray<Bytes: Collection>(_ bytes: Bytes, into output: inout [UInt8])
    where Bytes.Element == UInt8 {
        output.reserveCapacity(output.count + bytes.count * 4 + 2)
        output.append(UInt8(ascii: "["))
        var first = true
        for byte in bytes {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            if byte >= 100 {
                output.append(0x30 + byte / 100)
                output.append(0x30 + (byte / 10) % 10)
                output.append(0x30 + byte % 10)
            } else if byte >= 10 {
                output.append(0x30 + byte / 10)
                output.append(0x30 + byte % 10)
            } else {
                output.append(0x30 + byte)
            }
        }
        output.append(UInt8(ascii: "]"))
    }

    /// Appends `text` as a JSON string, escaping quotes, backslashes and control characters.
    public static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
