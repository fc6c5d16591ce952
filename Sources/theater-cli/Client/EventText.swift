import Foundation
import Theater

/// Chain events from the server as `inspect --json` shows them (the other commands print
/// events with `EventPrinter`).
enum EventText {
    /// The event as a JSON object: type, timestamp (ms), time, description, hashes as hex.
    static func json(_ event: WireChainEvent) -> ManagementJSON {
        .object([
            (key: "event_type", value: .string(event.eventType)),
            (key: "timestamp", value: .integer(event.timestamp)),
            (key: "time", value: .string(EventPrinter.time(event.timestamp))),
            (key: "description", value: event.description.map { .string($0) } ?? .null),
            (key: "hash", value: .string(ChainHash.hex(event.hash))),
            (key: "parent_hash", value: event.parentHash.map { .string(ChainHash.hex($0)) } ?? .null),
            (key: "data_size", value: .integer(event.data.count)),
        ])
    }
}
