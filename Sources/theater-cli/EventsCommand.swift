import ArgumentParser
import Foundation
import Theater

/// `theater events CHAIN`: a chain as a readable timeline.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Print a chain as a timeline: sequence, time, type and a summary of each event."
    )

    @Argument(help: "A chain file.")
    var chain: String

    @Flag(name: .long, help: "Print one JSON document (a list of events).")
    var json = false

    @Option(name: .long, help: "Only events of this type (actor-started, export-call, export-return, host-call, actor-error, actor-stopped).")
    var type: String?

    func run() throws {
        guard FileManager.default.fileExists(atPath: chain) else { throw CommandFailure("no chain file at \(chain)") }
        let events: [ChainEvent]
        do {
            events = try ChainReader.read(at: URL(fileURLWithPath: chain)).events
        } catch {
            throw CommandFailure("cannot read \(chain): \(error)")
        }
        let selected = events.filter { type == nil || $0.type == type }
        if json {
            let list = selected.map { event -> [String: Any] in
                var object: [String: Any] = ["sequence": event.sequence, "timestamp": event.timestamp, "type": event.type,
                                             "hash": event.hash.hex, "parent_hash": event.parentHash?.hex ?? NSNull()]
                object["payload"] = (try? RecordedEvent(type: event.type, payload: event.payload))?.jsonObject() ?? NSNull()
                return object
            }
            try printJSON(list)
            return
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for event in selected {
            let time = formatter.string(from: Date(timeIntervalSince1970: Double(event.timestamp) / 1000))
            let summary = (try? RecordedEvent(type: event.type, payload: event.payload))?.summary ?? "(undecodable payload)"
            let type = event.type.padding(toLength: 14, withPad: " ", startingAt: 0)
            print("\(String(event.sequence).leftPadded(to: 6))  \(time)  \(type)  \(summary)")
        }
    }
}

extension String {
    /// The string right-aligned in `width` columns.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
