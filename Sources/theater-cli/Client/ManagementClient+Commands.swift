import Theater
import TheaterServer

extension ManagementClient {
    /// Sends `command` and returns its answer; an `Error` answer becomes a `CommandFailure`
    /// that says what went wrong and what to do, naming `actorID` when there is one.
    func answer(_ command: ManagementCommand, actorID: String? = nil) async throws -> ManagementResponse {
        let response: ManagementResponse
        do {
            response = try await call(command)
        } catch {
            throw CommandFailure("\(error)")
        }
        if case .error(let error) = response { throw CommandFailure(Self.explain(error, actorID: actorID)) }
        return response
    }

    /// A user's explanation of a server error.
    static func explain(_ error: ManagementError, actorID: String?) -> String {
        let actor = actorID.map { "actor \($0)" } ?? "the actor"
        switch error {
        case .actorNotFound:
            return "\(actor) is not known to the server (list the actors with `theater list`)"
        case .actorNotRunning:
            return "\(actor) is not running any more (`theater events` still shows its chain)"
        default:
            return error.description
        }
    }
}

/// The answer was not the response the command expects.
func unexpected(_ response: ManagementResponse, for command: String) -> CommandFailure {
    CommandFailure("the server answered \(command) with an unexpected response: \(response)")
}
