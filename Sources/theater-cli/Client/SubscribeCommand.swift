import ArgumentParser
import Foundation
import Theater
import TheaterServer

/// `theater subscribe (ID | -)`: prints an actor's events as they are recorded.
struct SubscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscribe",
        abstract: "Print an actor's events as they are recorded.",
        discussion: """
        `-` reads the actor id from the first line of standard input, so that \
        `theater start m.toml --id-only | theater subscribe -` watches a new actor. Events are \
        printed until --limit of them were, the actor stops, or Ctrl-C (which unsubscribes \
        and exits with status 0). A subscriber that falls behind gets a warning on standard \
        error saying how many events it missed; `theater events ID` has them all.

        --format json (or --json) prints JSON Lines: one JSON object per event and line, with \
        "timestamp" (milliseconds since the epoch), "type", "hash" and "parent_hash" (hex), \
        "summary" (one line of text) and "payload" (the decoded fields, or null).
        """
    )

    @OptionGroup var client: ClientOptions

    @Argument(help: ArgumentHelp("The actor's id, or - to read it from standard input.", valueName: "id|-"))
    var id: String

    @Option(name: .customLong("event-type"), help: "Only events of this type (e.g. export-call, host-call).")
    var eventType: String?

    @Option(name: .long, help: "Stop after printing this many events.")
    var limit: Int?

    @Option(name: .long, help: "pretty (default), compact or json (JSON Lines).")
    var format: EventFormat?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    func run() async throws {
        let id = try ActorID.parse(try actorIDText())
        let output = client.output
        let printer = EventPrinter(output: output, format: client.json ? .json : (format ?? .pretty))
        let server = try await client.connect()
        let response = try await server.answer(.subscribeToActor(id: id), actorID: id)
        guard case .subscribed(_, let subscriptionID) = response else { throw unexpected(response, for: "SubscribeToActor") }
        let stream = EventStream(server: server, actorID: id, subscriptionID: subscriptionID, endsOnStoppedEvent: true)
        if printer.format != .json {
            FileHandle.standardError.write(Data("Subscribed to actor \(id) (Ctrl-C to stop)\n".utf8))
        }
        var printed = 0
        let end = await stream.run { event in
            guard eventType == nil || event.eventType == eventType else { return .goOn }
            printer.print(event)
            printed += 1
            return limit.map { printed >= $0 } == true ? .stop : .goOn
        }
        switch end {
        case .enough:
            _ = try? await server.call(.unsubscribeFromActor(id: id, subscriptionID: subscriptionID))
        case .stopped(let reason):
            if printer.format != .json {
                FileHandle.standardError.write(Data("Actor \(id) stopped: \(reason)\n".utf8))
            }
        case .connectionClosed:
            throw CommandFailure("the server closed the connection while streaming the events of actor \(id)")
        case .interrupted, .result:
            break
        }
        await server.close()
    }

    /// The id argument, or the first line of standard input for `-`.
    private func actorIDText() throws -> String {
        guard id == "-" else { return id }
        guard let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CommandFailure("`-` reads the actor id from standard input, but it gave none "
                + "(pipe one in: `theater start m.toml --id-only | theater subscribe -`)")
        }
        return line
    }
}
