import Foundation
import Theater

/// Prints chain events the same way for every command that shows them: `theater events`
/// (a chain file or a server's actor), `subscribe`, `start --monitor` and `logs`.
///
/// The text of an event comes from the chain's own decoding (`RecordedEvent.summary`) when
/// its payload decodes, else from the description the server sent with it.
struct EventPrinter {
    /// Where lines go and whether colour is on.
    let output: ClientOutput
    /// The form of streamed events.
    let format: EventFormat

    /// The width the type column is padded to (the longest type Theater records, plus one).
    static let typeWidth = 14

    /// The typed event when the payload decodes, else nil (an event type this build does
    /// not know, or the server's missed-events notice).
    static func recorded(type: String, payload: [UInt8]) -> RecordedEvent? {
        try? RecordedEvent(type: type, payload: payload)
    }

    /// One line saying what the event did.
    static func summary(type: String, payload: [UInt8], description: String?) -> String {
        recorded(type: type, payload: payload)?.summary ?? description ?? "(undecodable payload)"
    }

    /// A timestamp (milliseconds since the epoch) as ISO 8601 with milliseconds, UTC.
    static func time(_ milliseconds: UInt64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    /// A line of the `theater events` timeline: sequence (right-aligned), time, type, summary.
    func timelineLine(sequence: UInt64, timestamp: UInt64, type: String, summary: String) -> String {
        let padded = type.padding(toLength: max(Self.typeWidth, type.count), withPad: " ", startingAt: 0)
        return "\(String(sequence).leftPadded(to: 6))  \(output.dim(Self.time(timestamp)))  "
            + "\(output.cyan(padded))  \(summary)"
    }

    /// An event as a JSON object (`JSONSerialization`-compatible), the element of `events
    /// --json` and the line of `--format json`: `sequence` (when known), `timestamp`
    /// (milliseconds), `type`, `hash` and `parent_hash` (hex, null for none), `summary`, and
    /// `payload`, the decoded fields (see `RecordedEvent.jsonObject`) or null.
    static func jsonObject(sequence: UInt64?, timestamp: UInt64, type: String, hash: [UInt8], parentHash: [UInt8]?,
                           payload: [UInt8], description: String?) -> [String: Any] {
        var object: [String: Any] = [
            "timestamp": NSNumber(value: timestamp), "type": type, "hash": ChainHash.hex(hash),
            "parent_hash": parentHash.map { ChainHash.hex($0) } ?? NSNull(),
            "summary": summary(type: type, payload: payload, description: description),
            "payload": recorded(type: type, payload: payload)?.jsonObject() ?? NSNull(),
        ]
        if let sequence { object["sequence"] = NSNumber(value: sequence) }
        return object
    }

    /// `jsonObject` of a wire event.
    static func jsonObject(_ event: WireChainEvent, sequence: UInt64? = nil) -> [String: Any] {
        jsonObject(sequence: sequence, timestamp: event.timestamp, type: event.eventType, hash: event.hash,
                   parentHash: event.parentHash, payload: event.data, description: event.description)
    }

    /// A JSON value on one line, keys sorted (JSON Lines, or one document).
    static func jsonLine(_ object: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// A streamed event as one line in `format`.
    func line(_ event: WireChainEvent) -> String {
        let summary = Self.summary(type: event.eventType, payload: event.data, description: event.description)
        switch format {
        case .pretty:
            let padded = event.eventType.padding(toLength: max(Self.typeWidth, event.eventType.count),
                                                 withPad: " ", startingAt: 0)
            return "\(output.dim(Self.time(event.timestamp)))  \(output.cyan(padded))  \(summary)"
        case .compact:
            return "\(event.eventType) \(summary)"
        case .json:
            return Self.jsonLine(Self.jsonObject(event))
        }
    }

    /// Prints a streamed event and flushes, so that a pipe sees it at once.
    func print(_ event: WireChainEvent) {
        output.line(line(event))
        fflush(stdout)
    }
}
