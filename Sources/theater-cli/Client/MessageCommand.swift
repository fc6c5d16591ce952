import ArgumentParser
import Foundation
import Theater
import TheaterServer

/// `theater message ID (--data TEXT | --file F) [--request]`: sends an actor a message, or
/// asks it one and prints the reply.
struct MessageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message",
        abstract: "Send a message to an actor, or send a request and print the reply.",
        discussion: """
        The message is the UTF-8 bytes of --data (JSON or any text) or the bytes of --file. \
        Without --request it is sent and not answered; --json then prints {"id": ID, "sent": \
        true, "size": N}. With --request the reply is printed as `theater state` prints state, \
        and --json prints {"id": ID, "format": F, "size": N, "reply": R} (see `theater state --help`).
        """
    )

    @OptionGroup var client: ClientOptions

    @Argument(help: "The actor's id (see `theater list`).")
    var id: String

    @Option(name: .long, help: "The message text (sent as its UTF-8 bytes).")
    var data: String?

    @Option(name: .long, help: "A file whose bytes are the message.")
    var file: String?

    @Flag(name: .long, help: "Wait for the actor's reply and print it.")
    var request = false

    /// The message bytes from exactly one of --data and --file.
    func messageBytes() throws -> [UInt8] {
        switch (data, file) {
        case (let text?, nil):
            return Array(text.utf8)
        case (nil, let path?):
            guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure("no message file at \(path)") }
            do {
                return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                throw CommandFailure("cannot read the message file \(path): \(error.localizedDescription)")
            }
        case (nil, nil):
            throw CommandFailure("say what to send: --data TEXT or --file PATH")
        case (_?, _?):
            throw CommandFailure("give either --data or --file, not both")
        }
    }

    func run() async throws {
        let id = try ActorID.parse(self.id)
        let message = try messageBytes()
        let server = try await client.connect()
        let output = client.output
        if request {
            let response = try await server.answer(.requestActorMessage(id: id, data: message), actorID: id)
            await server.close()
            guard case .requestedMessage(_, let reply) = response else {
                throw unexpected(response, for: "RequestActorMessage")
            }
            let bytes = ActorBytes(reply)
            if output.json {
                output.document(.object([("id", .string(id))] + bytes.jsonMembers(key: "reply")))
                return
            }
            output.line(output.dim("reply from actor \(id): \(bytes.caption)"))
            bytes.humanLines.forEach(output.line)
            return
        }
        let response = try await server.answer(.sendActorMessage(id: id, data: message), actorID: id)
        await server.close()
        guard case .sentMessage = response else { throw unexpected(response, for: "SendActorMessage") }
        if output.json {
            output.document(.object([("id", .string(id)), ("sent", .bool(true)), ("size", .integer(message.count))]))
        } else {
            output.line("Sent \(message.count) byte\(message.count == 1 ? "" : "s") to actor \(output.cyan(id))")
        }
    }
}
