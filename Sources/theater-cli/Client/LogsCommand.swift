import ArgumentParser
import Foundation
import Theater
import TheaterServer

/// `theater logs ID [--follow]`: what an actor wrote with the runtime's `log`.
struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Show what an actor logged.",
        discussion: """
        The lines come from the actor's chain (its `log` host calls), oldest first, each with \
        its time. --follow keeps printing new ones until the actor stops or Ctrl-C. --json \
        prints {"id": ID, "logs": [{"timestamp": MS, "message": TEXT}, ...]}; with --follow it \
        prints JSON Lines, one {"timestamp", "message"} object per line.
        """
    )

    @OptionGroup var client: ClientOptions

    @Argument(help: "The actor's id (see `theater list`).")
    var id: String

    @Flag(name: .long, help: "Keep printing new log lines as the actor writes them.")
    var follow = false

    func run() async throws {
        let id = try ActorID.parse(self.id)
        let server = try await client.connect()
        let output = client.output
        // Subscribe before reading the chain, so that no line falls between the two; lines
        // that are in both are told apart by their event's hash.
        var subscriptionID: String?
        if follow {
            let response = try await server.answer(.subscribeToActor(id: id), actorID: id)
            guard case .subscribed(_, let subscription) = response else { throw unexpected(response, for: "SubscribeToActor") }
            subscriptionID = subscription
        }
        let response = try await server.answer(.getActorEvents(id: id), actorID: id)
        guard case .actorEvents(_, let events) = response else { throw unexpected(response, for: "GetActorEvents") }
        let entries = events.compactMap(ActorLogEntry.init)
        guard let subscriptionID else {
            await server.close()
            if output.json {
                output.document(.object([("id", .string(id)), ("logs", .array(entries.map(Self.json)))]))
            } else {
                entries.forEach { printLine($0, output) }
            }
            return
        }
        let stream = EventStream(server: server, actorID: id, subscriptionID: subscriptionID, endsOnStoppedEvent: true)
        entries.forEach { emit($0, output) }
        fflush(stdout)
        let seen = Set(events.map(\.hash))
        _ = await stream.run { event in
            if !seen.contains(event.hash), let entry = ActorLogEntry(event) {
                emit(entry, output)
                fflush(stdout)
            }
            return .goOn
        }
        await server.close()
    }

    /// Prints one entry as a line: text for people, a JSON line with --json.
    private func emit(_ entry: ActorLogEntry, _ output: ClientOutput) {
        if output.json {
            output.line(Self.json(entry).compactText)
        } else {
            printLine(entry, output)
        }
    }

    private func printLine(_ entry: ActorLogEntry, _ output: ClientOutput) {
        output.line("\(output.dim(EventPrinter.time(entry.timestamp)))  \(entry.message)")
    }

    private static func json(_ entry: ActorLogEntry) -> ManagementJSON {
        .object([("timestamp", .integer(entry.timestamp)), ("message", .string(entry.message))])
    }
}
