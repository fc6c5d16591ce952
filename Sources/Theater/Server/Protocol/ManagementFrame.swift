import Foundation

/// The content of one length-prefixed frame: a whole message, or one fragment of a
/// message over 8 MiB. On the wire `{"Complete":[..bytes as numbers..]}` or
/// `{"Fragment":{"message_id","fragment_index","total_fragments","data":"<base64>"}}`.
public enum ManagementFrame: Equatable, Sendable {
    case complete([UInt8])
    case fragment(FragmentHeader, data: [UInt8])

    /// The frame's JSON bytes (without the length prefix).
    public func encoded() -> [UInt8] {
        switch self {
        case .complete(let message):
            var output: [UInt8] = Array("{\"Complete\":".utf8)
            ManagementJSONWriter.writeByteArray(message, into: &output)
            output.append(UInt8(ascii: "}"))
            return output
        case .fragment(let header, let data):
            let fields: ManagementJSON = .object([
                ("message_id", .integer(header.messageID)),
                ("fragment_index", .integer(header.fragmentIndex)),
                ("total_fragments", .integer(header.totalFragments)),
                ("data", .string(Data(data).base64EncodedString())),
            ])
            return ManagementJSONWriter.encode(.tagged("Fragment", fields))
        }
    }

    /// Decodes a frame's JSON bytes. A `Complete` frame's array goes through a
    /// dedicated scanner (it can hold megabytes); anything unusual falls back to the
    /// general parser, whose errors say what and where (paths start at `Complete` or
    /// `Fragment`).
    public static func decode(_ bytes: [UInt8]) throws -> ManagementFrame {
        if let message = scanComplete(bytes) { return .complete(message) }
        let value = try ManagementJSONParser.parse(bytes)
        let (tag, payload) = try ManagementFields.variant(value, at: "", of: "frame")
        switch tag {
        case "Complete":
            let body = try ManagementFields.needsPayload(tag, payload, at: "")
            return .complete(try ManagementFields.bytes(body, at: tag))
        case "Fragment":
            var fields = try ManagementFields(try ManagementFields.needsPayload(tag, payload, at: ""), at: tag)
            let header = FragmentHeader(
                messageID: try fields.unsigned("message_id", as: UInt64.self),
                fragmentIndex: try fields.unsigned("fragment_index", as: UInt32.self),
                totalFragments: try fields.unsigned("total_fragments", as: UInt32.self))
            let text = try fields.string("data")
            try fields.finish()
            guard let data = Data(base64Encoded: text) else {
                throw ManagementDecodeError(.invalidFormat, at: "Fragment.data", "not valid base64 (standard alphabet, padded)")
            }
            return .fragment(header, data: [UInt8](data))
        default:
            throw ManagementFields.unknownVariant(tag, at: "", of: "frame", expected: ["Complete", "Fragment"])
        }
    }

    /// The fast path for the common frame: `{"Complete":[...]}` with optional whitespace.
    private static func scanComplete(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { input -> [UInt8]? in
            var index = 0
            func skipWhitespace() {
                while index < input.count, [0x20, 0x09, 0x0A, 0x0D].contains(input[index]) { index += 1 }
            }
            func expect(_ text: String) -> Bool {
                for byte in text.utf8 {
                    guard index < input.count, input[index] == byte else { return false }
                    index += 1
                }
                return true
            }
            skipWhitespace()
            guard expect("{") else { return nil }
            skipWhitespace()
            guard expect("\"Complete\"") else { return nil }
            skipWhitespace()
            guard expect(":") else { return nil }
            skipWhitespace()
            guard let (message, end) = ByteArrayScanner.scan(input, from: index) else { return nil }
            index = end
            skipWhitespace()
            guard expect("}") else { return nil }
            skipWhitespace()
            return index == input.count ? message : nil
        }
    }
}
