import ArgumentParser
import Theater
import TheaterServer

/// `theater restart ID`: stops an actor and starts it again from its manifest and initial
/// state, under the same id (its events go to a new chain).
struct RestartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restart",
        abstract: "Restart an actor from its manifest and initial state, keeping its id.",
        discussion: "--json prints {\"id\": ID, \"restarted\": true}."
    )

    @OptionGroup var client: ClientOptions

    @Argument(help: "The actor's id (see `theater list`).")
    var id: String

    func run() async throws {
        let id = try ActorID.parse(self.id)
        let server = try await client.connect()
        let response = try await server.answer(.restartActor(id: id), actorID: id)
        await server.close()
        guard case .restarted = response else { throw unexpected(response, for: "RestartActor") }
        let output = client.output
        if output.json {
            output.document(.object([("id", .string(id)), ("restarted", .bool(true))]))
        } else {
            output.line("Restarted actor \(output.cyan(id))")
        }
    }
}
