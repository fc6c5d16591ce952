import ArgumentParser
import Theater
import TheaterServer

/// `theater stop ID`: stops a running actor (it finishes what it is doing first).
struct StopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop",
        abstract: "Stop a running actor.",
        discussion: "The actor ends its current call, records that it stopped and closes its chain. "
            + "--json prints {\"id\": ID, \"stopped\": true}."
    )

    @OptionGroup var client: ClientOptions

    @Argument(help: "The actor's id (see `theater list`).")
    var id: String

    func run() async throws {
        let id = try ActorID.parse(self.id)
        let response = try await client.ask(.stopActor(id: id), about: id)
        guard case .actorStopped = response else { throw unexpected(response, for: "StopActor") }
        client.confirm("Stopped", key: "stopped", id: id)
    }
}
