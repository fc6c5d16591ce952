import ArgumentParser
import Foundation
import Theater
import TheaterServer

/// `theater events (ID | CHAIN)`: a chain as a readable timeline, read from a chain file or
/// asked of the server for a running (or recently ended) actor.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Print a chain as a timeline: sequence, time, type and a summary of each event.",
        discussion: """
        An argument that names an existing file is read as a chain file, offline; anything \
        else is an actor id whose events the server sends. --json prints one JSON array of \
        events with "sequence", "timestamp", "type", "hash", "parent_hash", "summary" and \
        "payload" (the decoded fields).
        """
    )

    @OptionGroup var client: ClientOptions

    @Argument(help: ArgumentHelp("A chain file, or an actor id on the server.", valueName: "id|chain-file"))
    var chain: String

    @Option(name: .long, help: "Only events of this type (actor-started, export-call, export-return, host-call, actor-error, actor-stopped, supervision).")
    var type: String?

    @Option(name: .long, help: "Only the last N events (after --type).")
    var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    /// One event as both sources give it.
    private struct Row {
        let sequence: UInt64
        let timestamp: UInt64
        let type: String
        let hash: [UInt8]
        let parentHash: [UInt8]?
        let payload: [UInt8]
        let description: String?
    }

    func run() async throws {
        let rows: [Row]
        if FileManager.default.fileExists(atPath: chain) {
            rows = try fileRows()
        } else if let id = ActorID.recognise(chain) {
            rows = try await serverRows(id)
        } else {
            throw CommandFailure("no chain file at \(chain), and it is not an actor id either "
                + "(give a chain file or the id of an actor on the server; `theater list` shows them)")
        }
        var selected = rows.filter { type == nil || $0.type == type }
        if let limit, selected.count > limit { selected.removeFirst(selected.count - limit) }
        let output = client.output
        if output.json {
            output.line(EventPrinter.jsonLine(selected.map {
                EventPrinter.jsonObject(sequence: $0.sequence, timestamp: $0.timestamp, type: $0.type, hash: $0.hash,
                                        parentHash: $0.parentHash, payload: $0.payload, description: $0.description)
            }))
            return
        }
        let printer = EventPrinter(output: output, format: .pretty)
        for row in selected {
            let summary = EventPrinter.summary(type: row.type, payload: row.payload, description: row.description)
            output.line(printer.timelineLine(sequence: row.sequence, timestamp: row.timestamp, type: row.type, summary: summary))
        }
    }

    /// The events of the chain file.
    private func fileRows() throws -> [Row] {
        do {
            return try ChainReader.read(at: URL(fileURLWithPath: chain)).events.map {
                Row(sequence: $0.sequence, timestamp: $0.timestamp, type: $0.type, hash: $0.hash.bytes,
                    parentHash: $0.parentHash?.bytes, payload: $0.payload, description: nil)
            }
        } catch {
            throw CommandFailure("cannot read \(chain): \(error)")
        }
    }

    /// The events the server has recorded for actor `id`, numbered from 0 as in its chain.
    private func serverRows(_ id: String) async throws -> [Row] {
        let server = try await client.connect()
        let response = try await server.answer(.getActorEvents(id: id), actorID: id)
        await server.close()
        guard case .actorEvents(_, let events) = response else { throw unexpected(response, for: "GetActorEvents") }
        return events.enumerated().map { index, event in
            Row(sequence: UInt64(index), timestamp: event.timestamp, type: event.eventType, hash: event.hash,
                parentHash: event.parentHash, payload: event.data, description: event.description)
        }
    }
}

extension String {
    /// The string right-aligned in `width` columns.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
