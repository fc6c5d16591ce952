import Theater
import TheaterServer

extension ClientOptions {
    /// Connects, runs `body` with the connection and closes it, also when `body` throws.
    func withServer<T>(_ body: (ManagementClient) async throws -> T) async throws -> T {
        let server = try await connect()
        do {
            let result = try await body(server)
            await server.close()
            return result
        } catch {
            await server.close()
            throw error
        }
    }
}

extension ClientOptions {
    /// Sends one command about actor `id` on a connection of its own and returns the
    /// answer; an `Error` answer is thrown as a `CommandFailure` naming the actor.
    func ask(_ command: ManagementCommand, about id: String) async throws -> ManagementResponse {
        try await withServer { try await $0.answer(command, actorID: id) }
    }

    /// Prints that actor `id` was `done` ("Stopped", "Restarted"): a line of text, or
    /// `{"id": ID, key: true}` with --json.
    func confirm(_ done: String, key: String, id: String) {
        let output = self.output
        if output.json {
            output.document(.object([("id", .string(id)), (key, .bool(true))]))
        } else {
            output.line("\(done) actor \(output.cyan(id))")
        }
    }
}
