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
        let response = try await client.ask(.restartActor(id: id), about: id)
        guard case .restarted = response else { throw unexpected(response, for: "RestartActor") }
        client.confirm("Restarted", key: "restarted", id: id)
    }
}
