import Foundation
import Testing

/// Whether `componentize-py` is on this test process's PATH: the tests that build actors
/// need it (CI installs it) and are skipped, saying so, without it.
enum ComponentizePyAvailability {
    static let installed: Bool = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/componentize-py")
        }
    }()
}

/// `theater create` and `theater build`: the projects each template writes, the errors for
/// bad names, existing folders and a missing componentize-py, and (with componentize-py) the
/// way from `create` to a running actor whose chain replays identically.
@Suite struct CreateBuildCommandTests {
    /// `theater create` with `arguments` in `workspace`'s folder.
    private func create(_ workspace: ActorTestWorkspace, _ arguments: [String]) throws -> TheaterBinary.Outcome {
        try workspace.theater(["create"] + arguments + ["--output-dir", workspace.folder.path])
    }

    /// The text of `path` under `folder`.
    private func text(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func createdProjectHoldsExactlyTheProjectWIT() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let outcome = try create(workspace, ["plain"])
        #expect(outcome.status == 0, "\(outcome.transcript)")
        let projectWIT = TheaterBinary.packageRoot.appendingPathComponent("wit")
        let createdWIT = workspace.folder.appendingPathComponent("plain/wit")
        let expected = try FileManager.default.contentsOfDirectory(atPath: projectWIT.path).filter { $0.hasSuffix(".wit") }.sorted()
        let written = try FileManager.default.contentsOfDirectory(atPath: createdWIT.path).sorted()
        #expect(written == expected, "run scripts/generate-project-wit.py after changing wit/")
        for name in expected {
            let original = try Data(contentsOf: projectWIT.appendingPathComponent(name))
            let copy = try? Data(contentsOf: createdWIT.appendingPathComponent(name))
            #expect(copy == original, "\(name) differs from wit/\(name): run scripts/generate-project-wit.py")
        }
    }

    @Test(arguments: [
        ("basic", "basic-actor", ["runtime"], "class Actor(exports.Actor)"),
        ("message-server", "message-server-actor", ["runtime", "message-server"], "class MessageServerClient(exports.MessageServerClient)"),
        ("supervisor", "supervisor-actor", ["runtime", "supervisor"], "class SupervisorHandlers(exports.SupervisorHandlers)"),
        ("http", "http-actor", ["runtime", "http-framework"], "class HttpHandlers(exports.HttpHandlers)"),
    ])
    func eachTemplateWritesAProjectForItsWorld(template: String, world: String, handlers: [String], exportClass: String) throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let outcome = try create(workspace, ["my_actor-2", "--template", template])
        #expect(outcome.status == 0, "\(outcome.transcript)")
        let project = workspace.folder.appendingPathComponent("my_actor-2")
        #expect(outcome.standardOutput.contains("created \(template) actor my_actor-2 in \(project.path)"), "\(outcome.transcript)")
        let manifest = try text(project, "manifest.toml")
        #expect(manifest.contains("name = \"my_actor-2\"\n"))
        #expect(manifest.contains("component = \"my_actor-2.wasm\"\n"))
        let granted = manifest.split(separator: "\n").filter { $0.hasPrefix("type = ") }.map { $0.dropFirst(8).dropLast() }
        #expect(granted.map(String.init) == handlers)
        let app = try text(project, "app.py")
        #expect(app.contains("world \(world)"))
        #expect(app.contains(exportClass))
        #expect(app.contains("NAME = \"my_actor-2\""))
        let readme = try text(project, "README.md")
        #expect(readme.hasPrefix("# my_actor-2\n"))
        #expect(readme.contains("theater build"))
        #expect(readme.contains("pip install componentize-py"))
        if template == "http" {
            #expect(readme.contains("curl http://127.0.0.1:8080/"))
            #expect(manifest.contains("init_state = \"8080\""))
        }
    }

    @Test(arguments: ["", "my actor", "../escape", "a/b", "-dash", "_under", "café", "name.with.dots", String(repeating: "a", count: 65)])
    func badNamesAreRefusedWithoutWritingAnything(name: String) throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        // After `--`, so that names starting with `-` reach the name check, not the option parser.
        let outcome = try workspace.theater(["create", "--output-dir", workspace.folder.path, "--", name])
        #expect(outcome.failedCleanly, "\(outcome.transcript)")
        #expect(outcome.standardError.contains("actor name"), "\(outcome.transcript)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.deletingLastPathComponent().appendingPathComponent("escape").path))
    }

    @Test func anExistingFolderIsNeverOverwritten() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let keep = try workspace.write("mine\n", to: "taken/app.py")
        let outcome = try create(workspace, ["taken", "--template", "message-server"])
        #expect(outcome.failedCleanly, "\(outcome.transcript)")
        #expect(outcome.standardError.contains("already exists"), "\(outcome.transcript)")
        #expect(try String(contentsOfFile: keep, encoding: .utf8) == "mine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.folder.appendingPathComponent("taken").path) == ["app.py"])
    }

    @Test func anUnknownTemplateIsRefused() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let outcome = try create(workspace, ["x", "--template", "grpc"])
        #expect(outcome.failedCleanly, "\(outcome.transcript)")
        #expect(outcome.standardError.contains("message-server"), "\(outcome.transcript)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path).isEmpty)
    }

    @Test func buildWithoutComponentizePySaysHowToInstallIt() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        #expect(try create(workspace, ["hello", "--template", "message-server"]).status == 0)
        let emptyBin = workspace.folder.appendingPathComponent("empty-bin")
        try FileManager.default.createDirectory(at: emptyBin, withIntermediateDirectories: true)
        let outcome = try workspace.theater.run(["build", workspace.folder.appendingPathComponent("hello").path],
                                                in: nil, environment: ["PATH": emptyBin.path])
        #expect(outcome.failedCleanly, "\(outcome.transcript)")
        #expect(outcome.standardError.contains("componentize-py is not installed"), "\(outcome.transcript)")
        #expect(outcome.standardError.contains("pip install componentize-py"), "\(outcome.transcript)")
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("hello/hello.wasm").path))
    }

    @Test func buildOfAFolderThatIsNotAProjectSaysWhatIsMissing() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        try workspace.write("name = \"x\"\ncomponent = \"x.wasm\"\n", to: "half/manifest.toml")
        let outcome = try workspace.theater(["build", workspace.folder.appendingPathComponent("half").path])
        #expect(outcome.failedCleanly, "\(outcome.transcript)")
        #expect(outcome.standardError.contains("is not an actor project: it has no app.py, wit"), "\(outcome.transcript)")
        let missing = try workspace.theater(["build", workspace.folder.appendingPathComponent("nowhere").path])
        #expect(missing.failedCleanly, "\(missing.transcript)")
        #expect(missing.standardError.contains("is not a folder"), "\(missing.transcript)")
    }

    /// Builds `project` (a folder under the workspace) and checks the report.
    private func build(_ workspace: ActorTestWorkspace, _ name: String, world: String) throws {
        let project = workspace.folder.appendingPathComponent(name)
        // componentize-py takes about half a minute per actor on a busy machine.
        let outcome = try workspace.theater(["build", project.path], timeLimit: 600)
        try #require(outcome.status == 0, "\(outcome.transcript)")
        #expect(outcome.standardOutput.hasPrefix("built \(project.path)/\(name).wasm ("), "\(outcome.transcript)")
        #expect(outcome.standardOutput.contains("  world:   \(world)\n"), "\(outcome.transcript)")
        #expect(outcome.standardError.contains("building \(name) (world \(world))"), "\(outcome.transcript)")
    }

    /// Replays `chain` and checks it is identical to the recording.
    @Test(.enabled(if: ComponentizePyAvailability.installed,
                   "componentize-py is not installed (pip install componentize-py); the build tests need it"))
    func messageServerActorBuildsRunsAndReplays() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        #expect(try create(workspace, ["hello", "--template", "message-server"]).status == 0)
        try build(workspace, "hello", world: "message-server-actor")

        // The message-server template: sends are counted, `count` answers the count, any
        // other request is echoed.
        let manifest = workspace.folder.appendingPathComponent("hello/manifest.toml").path
        let run = try workspace.run(manifest, ["--send", "hi", "--send", "there", "--request", "count", "--request", "ping"])
        #expect(run.status == 0, "\(run.transcript)")
        #expect(run.standardOutput == "2\necho: ping\n", "\(run.transcript)")
        #expect(run.standardError.contains("[hello] received hi\n"), "\(run.transcript)")
        let chain = try #require(ActorTestWorkspace.chainPath(in: run.standardError), "\(run.transcript)")
        try workspace.expectIdenticalReplay(of: chain)
    }

    @Test(.enabled(if: ComponentizePyAvailability.installed,
                   "componentize-py is not installed (pip install componentize-py); the build tests need it"))
    func supervisorActorSpawnsABasicChildAndReplays() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        // A child gets no handler its parent lacks, so the supervisor's child is a basic actor.
        #expect(try create(workspace, ["plain"]).status == 0)
        #expect(try create(workspace, ["boss", "--template", "supervisor"]).status == 0)
        let bossManifest = workspace.folder.appendingPathComponent("boss/manifest.toml")
        var bossText = try String(contentsOf: bossManifest, encoding: .utf8)
        let defaultState = #"init_state = '{"child_manifest": ""}'"#
        #expect(bossText.contains(defaultState))
        bossText = bossText.replacingOccurrences(of: defaultState,
                                                 with: #"init_state = '{"child_manifest": "../plain/manifest.toml"}'"#)
        try Data(bossText.utf8).write(to: bossManifest)
        try build(workspace, "plain", world: "basic-actor")
        try build(workspace, "boss", world: "supervisor-actor")

        let running = try workspace.theater.start(["run", bossManifest.path, "--data-dir", workspace.dataDirectory.path])
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, running.isRunning, workspace.chainFiles().count < 2 { usleep(50_000) }
        // The child's chain appears while it starts; the boss's init and the signal handling follow.
        usleep(3_000_000)
        running.kill(SIGINT)
        let boss = running.wait(timeLimit: 60)
        #expect(boss.status == 0 && !boss.endedBySignal, "\(boss.transcript)")
        let lines = boss.standardError.split(separator: "\n")
        let spawn = lines.first { $0.hasPrefix("[boss] boss ") && $0.contains(" spawned child ") }
        #expect(spawn?.hasSuffix(" from ../plain/manifest.toml") == true, "\(boss.transcript)")
        let child = spawn.flatMap { $0.components(separatedBy: " spawned child ").last?.split(separator: " ").first }
        #expect(child.map { lines.contains("[plain] plain \($0) started") } == true, "\(boss.transcript)")
        let bossChain = try #require(ActorTestWorkspace.chainPath(in: boss.standardError), "\(boss.transcript)")
        try workspace.expectIdenticalReplay(of: bossChain)
    }

    @Test(.enabled(if: ComponentizePyAvailability.installed,
                   "componentize-py is not installed (pip install componentize-py); the build tests need it"))
    func httpTemplateBuildsServesAndReplays() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        #expect(try create(workspace, ["web", "--template", "http"]).status == 0)
        let web = workspace.folder.appendingPathComponent("web")
        let build = try workspace.theater(["build", web.path], timeLimit: 600)
        #expect(build.status == 0, "\(build.transcript)")
        #expect(build.standardError.contains("building web (world http-actor)"), "\(build.transcript)")
        // Any free port instead of the template's 8080.
        let manifest = web.appendingPathComponent("manifest.toml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        #expect(text.contains("init_state = \"8080\""))
        try text.replacingOccurrences(of: "init_state = \"8080\"", with: "init_state = \"0\"")
            .write(to: manifest, atomically: true, encoding: .utf8)

        let run = try BackgroundProcess(executable: try TheaterBinary.locate().url,
                                        arguments: ["run", manifest.path, "--data-dir", workspace.dataDirectory.path],
                                        environment: [:])
        let base = try #require(HTTPClientTools.waitForAddress(of: run), "\(run.errorOutput)")
        #expect(try HTTPClientTools.curl(base + "/") == .init(200, "hello from web"))
        #expect(try HTTPClientTools.curl(base + "/any/path?x=1") == .init(200, "hello from web"))
        run.kill(SIGINT)
        let ended = run.wait()
        #expect(ended.status == 0, "\(ended.transcript)")
        #expect(ended.standardError.contains("handler 1: GET /any/path?x=1"), "\(ended.transcript)")
        let chain = try #require(ActorTestWorkspace.chainPath(in: ended.standardError), "\(ended.transcript)")
        try workspace.expectIdenticalReplay(of: chain)
    }
}
