import ArgumentParser
import Theater
import TheaterServer

/// `theater list`: the actors the server runs, with their names and statuses.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the actors running on the server."
    )

    @OptionGroup var client: ClientOptions

    func run() async throws {
        let server = try await client.connect()
        guard case .actorList(let actors) = try await server.answer(.listActors) else {
            throw CommandFailure("the server answered ListActors with an unexpected response")
        }
        var statuses: [String] = []
        for actor in actors {
            if case .actorStatus(_, let status) = try await server.answer(.getActorStatus(id: actor.id), actorID: actor.id) {
                statuses.append(status.rawValue)
            } else {
                statuses.append("Unknown")
            }
        }
        await server.close()
        let output = client.output
        if output.json {
            output.document(.object([(key: "actors", value: .array(zip(actors, statuses).map { actor, status in
                .object([(key: "id", value: .string(actor.id)), (key: "name", value: .string(actor.name)),
                         (key: "status", value: .string(status))])
            }))]))
            return
        }
        if actors.isEmpty {
            output.line("No actors are running.")
            return
        }
        var table = TextTable(["ID", "NAME", "STATUS"])
        for (actor, status) in zip(actors, statuses) {
            let painted = status == "Running" ? output.green(status) : output.yellow(status)
            table.append([TextTable.Cell(actor.id, printed: output.cyan(actor.id)), TextTable.Cell(actor.name),
                          TextTable.Cell(status, printed: painted)])
        }
        table.lines().forEach(output.line)
        output.line(output.dim("\(actors.count) actor\(actors.count == 1 ? "" : "s")"))
    }
}
