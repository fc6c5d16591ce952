import Foundation
import Theater

/// Chain events from the server as people and scripts read them (`inspect`).
enum EventText {
    /// One line: time, event type, description.
    static func line(_ event: WireChainEvent, output: ClientOutput) -> String {
        let type = event.eventType.padding(toLength: max(event.eventType.count, 14), withPad: " ", startingAt: 0)
        return "\(time(event))  \(output.cyan(type))  \(event.description ?? "")"
    }

    /// The event as a JSON object: type, timestamp (ms), time, description, hashes as hex.
    static func json(_ event: WireChainEvent) -> ManagementJSON {
        .object([
            (key: "event_type", value: .string(event.eventType)),
            (key: "timestamp", value: .integer(event.timestamp)),
            (key: "time", value: .string(time(event))),
            (key: "description", value: event.description.map { .string($0) } ?? .null),
            (key: "hash", value: .string(hex(event.hash))),
            (key: "parent_hash", value: event.parentHash.map { .string(hex($0)) } ?? .null),
            (key: "data_size", value: .integer(event.data.count)),
        ])
    }

    /// The event's time in ISO 8601, to the millisecond.
    static func time(_ event: WireChainEvent) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(event.timestamp) / 1000))
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
