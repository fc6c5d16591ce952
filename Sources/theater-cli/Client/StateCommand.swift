import ArgumentParser
import Theater
import TheaterServer

/// `theater state ID`: a running actor's current state.
struct StateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Show an actor's current state.",
        discussion: """
        State that is JSON is pretty-printed, printable UTF-8 is shown as text, anything else \
        as hex with its length. --json prints {"id": ID, "format": F, "size": N, "state": S}: \
        when the bytes are JSON, F is "json" and S the JSON value; otherwise F is "bytes" and \
        S is {"bytes": "<base64>"}; an actor without state has F "none" and S null.
        """
    )

    @OptionGroup var client: ClientOptions

    @Argument(help: "The actor's id (see `theater list`).")
    var id: String

    func run() async throws {
        let id = try ActorID.parse(self.id)
        let response = try await client.ask(.getActorState(id: id), about: id)
        guard case .actorState(_, let state) = response else { throw unexpected(response, for: "GetActorState") }
        let bytes = ActorBytes(state)
        let output = client.output
        if output.json {
            output.document(.object([("id", .string(id))] + bytes.jsonMembers(key: "state")))
            return
        }
        output.line(output.dim("state of actor \(id): \(bytes.caption)"))
        bytes.humanLines.forEach(output.line)
    }
}
