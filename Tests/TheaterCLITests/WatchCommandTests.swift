import Foundation
import Testing

/// `theater watch` end to end, against a real `theater server`: a rebuilt app.py replaces the
/// running actor's component (same id, state kept); a failed build keeps watching; a signal
/// ends the watch and leaves the actor running; no server is a clear error.
@Suite struct WatchCommandTests {
    /// Creates a message-server project `name` in `workspace` and returns its folder.
    private func createProject(_ workspace: ActorTestWorkspace, _ name: String) throws -> URL {
        let created = try workspace.theater(["create", name, "--template", "message-server", "--output-dir", workspace.folder.path])
        try #require(created.status == 0, "\(created.transcript)")
        return workspace.folder.appendingPathComponent(name)
    }

    /// A JSON Lines event as a dictionary.
    private func event(_ line: String) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    }

    @Test func withoutAServerWatchSaysSoAndExits() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let project = try createProject(workspace, "lonely")
        let address = "127.0.0.1:\(try ServerCommandTests.freePort())"
        let outcome = try workspace.theater(["watch", project.path, "--address", address])
        #expect(outcome.failedCleanly, "\(outcome.transcript)")
        #expect(outcome.standardError.contains("no Theater server answers at \(address)"), "\(outcome.transcript)")
    }

    @Test func aFolderThatIsNotAProjectIsRefused() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let outcome = try workspace.theater(["watch", workspace.folder.path, "--address", "127.0.0.1:1"])
        #expect(outcome.failedCleanly, "\(outcome.transcript)")
        #expect(outcome.standardError.contains("is not an actor project: it has no manifest.toml, app.py, wit"),
                "\(outcome.transcript)")
        let badInterval = try workspace.theater(["watch", workspace.folder.path, "--interval", "5"])
        #expect(badInterval.failedCleanly, "\(badInterval.transcript)")
        #expect(badInterval.standardError.contains("--interval must be from 50 to 10000"), "\(badInterval.transcript)")
    }

    @Test func aFailedBuildKeepsWatchingAndSIGTERMEndsTheWatch() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let project = try createProject(workspace, "broken")
        let server = try DevWorkflowServer(workspace)
        defer { _ = server.stop() }
        // No componentize-py on this PATH: every build fails at once, and quickly.
        let emptyBin = workspace.folder.appendingPathComponent("empty-bin")
        try FileManager.default.createDirectory(at: emptyBin, withIntermediateDirectories: true)
        let watch = try WatchProcess(workspace.theater, [project.path, "--address", server.address, "--json", "--interval", "100"],
                                     environment: ["PATH": emptyBin.path])
        let firstFailure = watch.waitForLine(seconds: 60) { $0.contains(#""event":"build-failed""#) }
        let failure = try #require(firstFailure.flatMap(event), "\(watch.transcript)")
        #expect((failure["error"] as? String)?.contains("componentize-py is not installed") == true, "\(failure)")
        #expect(failure["actor"] is NSNull)
        let watching = try #require(watch.lines.first.flatMap(event), "\(watch.transcript)")
        #expect(watching["event"] as? String == "watching")
        #expect(watching["files"] as? Int == (try FileManager.default.contentsOfDirectory(
            atPath: project.appendingPathComponent("wit").path).count) + 2, "the WIT files, app.py and the manifest")

        // Build output, hidden files and caches are not sources; an edited app.py is.
        try Data("x".utf8).write(to: project.appendingPathComponent("broken.wasm"))
        try FileManager.default.createDirectory(at: project.appendingPathComponent(".cache"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: project.appendingPathComponent(".cache/notes.py"))
        try Data("x".utf8).write(to: project.appendingPathComponent("README.md"))
        usleep(500_000)
        let app = project.appendingPathComponent("app.py")
        try Data((try String(contentsOf: app, encoding: .utf8) + "\n# edited\n").utf8).write(to: app)
        let changedLine = watch.waitForLine(after: 2, seconds: 30) { $0.contains(#""event":"changed""#) }
        let changed = try #require(changedLine.flatMap(event), "\(watch.transcript)")
        #expect(changed["files"] as? [String] == ["app.py"], "\(changed)")
        #expect(watch.waitForLine(after: 3, seconds: 30) { $0.contains(#""event":"build-failed""#) } != nil, "\(watch.transcript)")

        #expect(watch.stop(with: SIGTERM) == 0, "\(watch.transcript)")
        let stopped = try #require(watch.lines.last.flatMap(event), "\(watch.transcript)")
        #expect(stopped["event"] as? String == "stopped")
        #expect(stopped["actor_running"] as? Bool == false)
        #expect(try server.actorIDs().isEmpty)
    }

    @Test(.enabled(if: ComponentizePyAvailability.installed,
                   "componentize-py is not installed (pip install componentize-py); the watch test builds actors"))
    func anEditedAppIsRebuiltAndUpdatesTheActorKeepingItsIDAndState() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let project = try createProject(workspace, "live")
        let server = try DevWorkflowServer(workspace)
        defer { _ = server.stop() }
        let watch = try WatchProcess(workspace.theater, [project.path, "--manifest", project.appendingPathComponent("manifest.toml").path,
                                                         "--address", server.address])
        // componentize-py takes about half a minute per build on a busy machine.
        let startedLine = watch.waitForLine(seconds: 600) { $0.hasPrefix("built in ") || $0.contains("failed") }
        let started = try #require(startedLine, "\(watch.transcript)")
        let id = try #require(Self.actorID(in: started, before: " started"), "\(watch.transcript)")
        #expect(try server.actorIDs() == [id])
        #expect(try server.request(id, "ping") == "echo: ping")
        try server.send(id, "one")
        try server.send(id, "two")
        #expect(try server.request(id, "count") == "2")

        let app = project.appendingPathComponent("app.py")
        let source = try String(contentsOf: app, encoding: .utf8)
        #expect(source.contains(#"b"echo: " + msg"#))
        try Data(source.replacingOccurrences(of: #"b"echo: " + msg"#, with: #"b"echo v2: " + msg"#).utf8).write(to: app)
        let updatedLine = watch.waitForLine(after: 2, seconds: 600) { $0.hasPrefix("rebuilt in ") }
        let updated = try #require(updatedLine, "\(watch.transcript)")
        #expect(updated.hasSuffix("actor \(id) updated"), "\(watch.transcript)")
        #expect(watch.lines.contains("changed: app.py; rebuilding"), "\(watch.transcript)")

        // Same actor, new code, the count it had.
        #expect(try server.actorIDs() == [id])
        #expect(try server.request(id, "ping") == "echo v2: ping")
        #expect(try server.request(id, "count") == "2")

        #expect(watch.stop(with: SIGINT) == 0, "\(watch.transcript)")
        #expect(watch.lines.last == "stopped watching; actor \(id) is still running (`theater stop \(id)` stops it)",
                "\(watch.transcript)")
        #expect(try server.actorIDs() == [id], "the watch leaves the actor running")
    }

    /// The actor id in a line like "rebuilt in 2.1 s, actor ID updated".
    static func actorID(in line: String, before suffix: String) -> String? {
        guard line.hasSuffix(suffix), let range = line.range(of: "actor ", options: .backwards) else { return nil }
        let id = line[range.upperBound...].dropLast(suffix.count)
        return id.count == 36 ? String(id) : nil
    }
}
