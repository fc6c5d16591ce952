import Foundation
import Theater

/// Bytes an actor hands back (its state, the reply to a request), classified so that they
/// can be shown the way they read best.
///
/// People see JSON pretty-printed, printable UTF-8 as text, anything else as hex with its
/// length. Scripts (`--json`) get `"format"`, `"size"` and a value: the JSON value itself
/// when the bytes are JSON (`"format": "json"`), else `{"bytes": "<base64>"}`
/// (`"format": "bytes"`), or null when there are none (`"format": "none"`).
enum ActorBytes {
    /// No bytes at all (an actor without state).
    case none
    /// The bytes are one JSON value.
    case json(ManagementJSON, size: Int)
    /// The bytes are printable UTF-8 text that is not JSON.
    case text(String, size: Int)
    /// Anything else.
    case binary([UInt8])

    /// Classifies `bytes`.
    init(_ bytes: [UInt8]?) {
        guard let bytes else {
            self = .none
            return
        }
        if !bytes.isEmpty, let value = try? ManagementJSONParser.parse(bytes) {
            self = .json(value, size: bytes.count)
        } else if let text = String(validating: bytes, as: UTF8.self), Self.isPrintable(text) {
            self = .text(text, size: bytes.count)
        } else {
            self = .binary(bytes)
        }
    }

    /// The lines a person reads.
    var humanLines: [String] {
        switch self {
        case .none:
            return ["(none)"]
        case .json(let value, _):
            return value.prettyText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .text(let text, _):
            if text.isEmpty { return ["(empty, 0 bytes)"] }
            // A final line break ends the last line; it does not start an empty one.
            let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
            return body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .binary(let bytes):
            var lines: [String] = []
            for start in stride(from: 0, to: bytes.count, by: 32) {
                lines.append(ChainHash.hex(Array(bytes[start..<min(start + 32, bytes.count)])))
            }
            return lines
        }
    }

    /// The `format`, `size` and value members of the `--json` form, the value under `key`.
    func jsonMembers(key: String) -> [(key: String, value: ManagementJSON)] {
        switch self {
        case .none:
            return [("format", .string("none")), ("size", .integer(0)), (key, .null)]
        case .json(let value, let size):
            return [("format", .string("json")), ("size", .integer(size)), (key, value)]
        case .text(let text, let size):
            return [("format", .string("bytes")), ("size", .integer(size)),
                    (key, .object([("bytes", .string(Data(text.utf8).base64EncodedString()))]))]
        case .binary(let bytes):
            return [("format", .string("bytes")), ("size", .integer(bytes.count)),
                    (key, .object([("bytes", .string(Data(bytes).base64EncodedString()))]))]
        }
    }

    /// Text without control characters other than tab and line breaks.
    private static func isPrintable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar == "\n" || scalar == "\t" || scalar == "\r" || !(scalar.properties.generalCategory == .control)
        }
    }
}

extension ActorBytes {
    /// What the bytes are, for a heading: "1 byte, JSON", "12 bytes, text", "none".
    var caption: String {
        func size(_ count: Int) -> String { "\(count) byte\(count == 1 ? "" : "s")" }
        switch self {
        case .none: return "none"
        case .json(_, let count): return "\(size(count)), JSON"
        case .text(_, let count): return "\(size(count)), text"
        case .binary(let bytes): return "\(size(bytes.count)), binary"
        }
    }
}
