import Foundation
import Testing

/// A new user's way from nothing to a running actor, on the real binary with a real
/// `theater server`: `theater create NAME --template message-server`, `theater build`,
/// `theater start manifest.toml`, then a request the actor answers.
@Suite struct DeveloperWorkflowTests {
    @Test(.enabled(if: ComponentizePyAvailability.installed,
                   "componentize-py is not installed (pip install componentize-py); the workflow test builds an actor"))
    func createBuildAndStartGiveAnActorThatAnswers() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let server = try DevWorkflowServer(workspace)

        // 1. theater create
        let create = try workspace.theater(["create", "greeter", "--template", "message-server"], in: workspace.folder)
        #expect(create.status == 0, "\(create.transcript)")
        let project = workspace.folder.appendingPathComponent("greeter")

        // 2. theater build, in the project folder as the README says (about half a minute).
        let build = try workspace.theater(["build"], in: project, timeLimit: 600)
        try #require(build.status == 0, "\(build.transcript)")
        #expect(build.standardOutput.hasPrefix("built \(project.path)/greeter.wasm ("), "\(build.transcript)")

        // 3. theater start manifest.toml, in the project folder (the client sends the
        // manifest's absolute path, so the server may run anywhere).
        let start = try workspace.theater(["start", "manifest.toml", "--id-only", "--address", server.address],
                                          in: project, timeLimit: 300)
        try #require(start.status == 0, "\(start.transcript)")
        let id = start.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try server.actorIDs() == [id])

        // The actor answers `theater message`.
        let hello = try workspace.theater(["message", id, "--data", "hello", "--request", "--address", server.address])
        #expect(hello.status == 0, "\(hello.transcript)")
        #expect(hello.standardOutput.contains("echo: hello"), "\(hello.transcript)")
        let sent = try workspace.theater(["message", id, "--data", "hi", "--address", server.address])
        #expect(sent.status == 0, "\(sent.transcript)")
        #expect(try server.request(id, "count") == "1")

        let stopped = server.stop()
        #expect(stopped.status == 0 && !stopped.endedBySignal && !stopped.timedOut, "\(stopped.transcript)")
        #expect(stopped.standardError.contains("[greeter] received hi"), "\(stopped.transcript)")
    }
}
