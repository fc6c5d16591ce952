import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `theater inspect`, `tree`, `channel open` and `shell` end to end: the real `theater server`
/// on a free loopback port, the supervision example (a supervisor with three workers) and
/// the channel-echo fixture started on it, and the commands' human and `--json` output.
@Suite(.serialized, .timeLimit(.minutes(3))) struct InspectTreeShellCommandTests {
    static let supervisorManifest = TheaterBinary.packageRoot.appendingPathComponent("examples/supervision/supervisor.toml").path
    static let echoManifest = TheaterBinary.packageRoot.appendingPathComponent("Tests/Fixtures/channel-echo/manifest.toml").path

    /// A `theater server` on a free port, with a workspace; `stop()` ends both.
    final class Server {
        let workspace: ActorTestWorkspace
        let process: RunningTheater
        let port: Int
        var address: String { "127.0.0.1:\(port)" }

        init() throws {
            workspace = try ActorTestWorkspace()
            port = try ServerCommandTests.freePort()
            process = try workspace.theater.start(["server", "--address", "127.0.0.1:\(port)",
                                                   "--data-dir", workspace.dataDirectory.path])
            let deadline = Date().addingTimeInterval(30)
            while (try? ManagementWire(port: port)) == nil {
                guard Date() < deadline, process.isRunning else {
                    process.kill(SIGKILL)
                    throw WireError("the server did not answer: \(process.wait(timeLimit: 10).transcript)")
                }
                usleep(100_000)
            }
        }

        /// Runs `theater` with `arguments` and this server's address.
        func theater(_ arguments: [String]) throws -> TheaterBinary.Outcome {
            try workspace.theater.run(arguments + ["--address", address], in: nil, timeLimit: 60)
        }

        /// Runs `theater ... --json` and parses its one JSON document.
        func json(_ arguments: [String]) throws -> [String: Any] {
            let outcome = try theater(arguments + ["--json"])
            guard outcome.status == 0,
                  let document = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any] else {
                throw WireError("not one JSON object: \(outcome.transcript)")
            }
            return document
        }

        func stop() {
            process.kill(SIGTERM)
            _ = process.wait(timeLimit: 30)
            workspace.remove()
        }
    }

    /// Starts the supervisor and returns its id and its children's ids (in start order).
    private func startSupervisor(_ server: Server) throws -> (supervisor: String, children: [String]) {
        let supervisor = try ManagementWire(port: server.port).startActor(Self.supervisorManifest)
        let inspected = try server.json(["inspect", supervisor])
        return (supervisor, inspected["children"] as? [String] ?? [])
    }

    @Test func inspectShowsStatusManifestChildrenMetricsAndEvents() throws {
        let server = try Server()
        defer { server.stop() }
        let (supervisor, children) = try startSupervisor(server)
        #expect(children.count == 3)

        let document = try server.json(["inspect", supervisor])
        #expect(document["id"] as? String == supervisor)
        #expect(document["name"] as? String == "supervisor")
        #expect(document["status"] as? String == "Running")
        #expect(document["parent"] is NSNull)
        let manifest = try #require(document["manifest"] as? [String: Any])
        #expect(manifest["component"] as? String == "supervisor.wasm")
        #expect(manifest["handlers"] as? [String] == ["runtime", "message-server", "supervisor"])
        let metrics = try #require(document["metrics"] as? [String: Any])
        #expect(metrics["messages_handled"] != nil)
        for key in ["messages_queued", "state_size", "uptime_seconds", "subscribers", "errors", "restarts",
                    "call_seconds", "fuel_used", "memory_bytes", "chain_length"] {
            #expect(metrics[key] is NSNumber, "missing \(key) in \(metrics)")
        }
        // Spawning three children took calls: fuel, time, memory and chain events.
        #expect((metrics["fuel_used"] as? Int ?? 0) > 0)
        #expect((metrics["memory_bytes"] as? Int ?? 0) >= 65536)
        #expect((metrics["chain_length"] as? Int ?? 0) > 1)
        #expect(metrics["errors"] as? Int == 0)
        let events = try #require(document["events"] as? [[String: Any]])
        #expect(!events.isEmpty && events.count <= 10)
        #expect(document["state"] == nil)

        let child = try server.json(["inspect", children[1]])
        #expect(child["name"] as? String == "worker-b")
        #expect(child["parent"] as? String == supervisor)
        #expect(child["children"] as? [String] == [])

        let detailed = try server.json(["inspect", children[0], "--detailed"])
        #expect(detailed["state"] as? [Int] == Array("a".utf8).map(Int.init))
        #expect((detailed["events"] as? [Any])?.count == detailed["event_count"] as? Int)

        let text = try server.theater(["inspect", supervisor])
        #expect(text.status == 0, "\(text.transcript)")
        for expected in ["Actor:", supervisor, "Name:", "supervisor", "Status:", "Running", "Handlers:",
                         "runtime, message-server, supervisor", "Children (3)", children[2], "Metrics", "messages_handled",
                         "fuel_used", "memory_bytes", "chain_length", "call_seconds", "errors", "restarts"] {
            #expect(text.standardOutput.contains(expected), "missing \(expected): \(text.standardOutput)")
        }

        let unknown = try server.theater(["inspect", "00000000-0000-4000-8000-000000000000"])
        #expect(unknown.failedCleanly)
        #expect(unknown.standardError.contains("not known to the server"), "\(unknown.transcript)")
    }

    @Test func treeDrawsTheHierarchyWithDepthAndRoot() throws {
        let server = try Server()
        defer { server.stop() }
        let (supervisor, children) = try startSupervisor(server)
        let echo = try ManagementWire(port: server.port).startActor(Self.echoManifest)
        let short = { (id: String) in String(id.prefix(8)) }

        let full = try server.theater(["tree"])
        #expect(full.status == 0, "\(full.transcript)")
        let lines = full.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(full.standardOutput)")
        #expect(lines.first == "supervisor  \(short(supervisor))  Running")
        #expect(lines[1] == "├─ worker-a  \(short(children[0]))  Running")
        #expect(lines[2] == "├─ worker-b  \(short(children[1]))  Running")
        #expect(lines[3] == "└─ worker-c  \(short(children[2]))  Running")
        #expect(lines[4] == "channel-echo  \(short(echo))  Running")

        let shallow = try server.theater(["tree", "--depth", "1"])
        #expect(shallow.standardOutput.split(separator: "\n").map(String.init) == [
            "supervisor  \(short(supervisor))  Running", "└─ … 3 more below depth 1", "channel-echo  \(short(echo))  Running",
        ], "\(shallow.transcript)")

        let rooted = try server.theater(["tree", "--root", children[2]])
        #expect(rooted.standardOutput == "worker-c  \(short(children[2]))  Running\n", "\(rooted.transcript)")

        let document = try server.json(["tree"])
        let roots = try #require(document["roots"] as? [[String: Any]])
        #expect(roots.map { $0["id"] as? String } == [supervisor, echo])
        #expect((roots[0]["children"] as? [[String: Any]])?.map { $0["name"] as? String } == ["worker-a", "worker-b", "worker-c"])
        let limited = try server.json(["tree", "--depth", "1", "--root", supervisor])
        #expect((limited["roots"] as? [[String: Any]])?.first?["children"] as? [Any] != nil)
        #expect(((limited["roots"] as? [[String: Any]])?.first?["children"] as? [Any])?.isEmpty == true)

        let badDepth = try server.theater(["tree", "--depth", "-1"])
        #expect(badDepth.failedCleanly, "\(badDepth.transcript)")
    }

    @Test func channelOpenPrintsWhatTheActorSendsAndSendsInputLines() throws {
        let server = try Server()
        defer { server.stop() }
        let echo = try ManagementWire(port: server.port).startActor(Self.echoManifest)

        // Lines go out; "close" makes the actor close the channel, which ends the command.
        let session = try PipedTheater(server.workspace.theater, ["channel", "open", echo, "--message", "hello",
                                                                 "--address", server.address])
        #expect(session.waitForOutput(containing: "welcome hello"), "\(session.outputSoFar)")
        session.write("one\n")
        #expect(session.waitForOutput(containing: "echo: one"), "\(session.outputSoFar)")
        session.write("close\n")
        let outcome = session.wait(timeLimit: 30)
        #expect(outcome.status == 0, "\(outcome.transcript)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(outcome.standardOutput)")
        #expect(lines.first?.hasPrefix("channel ch_") == true && lines.first?.hasSuffix("open to actor \(echo)") == true)
        #expect(Array(lines.dropFirst()) == ["welcome hello", "echo: one", "the actor closed the channel"])

        // End of input closes the channel from the client's side; --json is one document.
        let quiet = try server.workspace.theater.run(["channel", "open", echo, "--message", "hi", "--json",
                                                      "--address", server.address], in: nil, timeLimit: 30)
        #expect(quiet.status == 0, "\(quiet.transcript)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(quiet.standardOutput.utf8)) as? [String: Any])
        #expect((document["channel_id"] as? String)?.hasPrefix("ch_") == true)
        #expect(document["actor_id"] as? String == echo)
        #expect(document["closed_by"] as? String == "client")
        #expect((document["messages"] as? [[String: Any]])?.map { $0["text"] as? String } == ["welcome hi"])

        let rejected = try server.theater(["channel", "open", echo, "--message", "reject this"])
        #expect(rejected.failedCleanly)
        #expect(rejected.standardError.contains("rejected"), "\(rejected.transcript)")
    }

    @Test func theShellRunsCommandsThroughTheCommandLineParser() throws {
        let server = try Server()
        defer { server.stop() }
        let echo = try ManagementWire(port: server.port).startActor(Self.echoManifest)
        let shell = try PipedTheater(server.workspace.theater, ["shell", "--address", server.address])
        shell.write("list\n")
        shell.write("inspect '\(echo)'\n")
        shell.write("tree --depth 1\n")
        shell.write("help\n")
        shell.write("frobnicate now\n")
        shell.write("inspect \"unterminated\n")
        shell.write("inspect 00000000-0000-4000-8000-000000000000\n")
        shell.write("exit\n")
        shell.write("list\n")  // never read: the shell has left
        let outcome = shell.wait(timeLimit: 60)
        #expect(outcome.status == 0, "\(outcome.transcript)")
        let output = outcome.standardOutput
        #expect(output.hasPrefix("theater> "), "\(output)")
        #expect(output.components(separatedBy: "theater> ").count - 1 == 8, "\(output)")
        #expect(output.contains("channel-echo") && output.contains(echo))  // list and inspect
        #expect(output.contains("Status:") && output.contains("Handlers:"))  // inspect
        #expect(output.contains("channel-echo  \(echo.prefix(8))  Running"))  // tree
        #expect(output.contains("inspect <id> [--detailed]") && output.contains("exit, quit"))  // help
        #expect(outcome.standardError.contains("unknown command 'frobnicate'"), "\(outcome.transcript)")
        #expect(outcome.standardError.contains("unterminated double quote"), "\(outcome.transcript)")
        #expect(outcome.standardError.contains("not known to the server"), "\(outcome.transcript)")

        // End of input leaves with status 0 too.
        let ended = try PipedTheater(server.workspace.theater, ["shell", "--address", server.address])
        ended.write("list --json\n")
        ended.endInput()
        let endedOutcome = ended.wait(timeLimit: 30)
        #expect(endedOutcome.status == 0, "\(endedOutcome.transcript)")
        #expect(endedOutcome.standardOutput.contains("\"actors\""), "\(endedOutcome.transcript)")
    }

    @Test func commandsSayClearlyWhenNoServerAnswers() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let address = "127.0.0.1:\(try ServerCommandTests.freePort())"
        for arguments in [["inspect", "x"], ["tree"], ["channel", "open", "x", "--message", "m"], ["shell"]] {
            let outcome = try workspace.theater.run(arguments + ["--address", address], in: nil, timeLimit: 30)
            #expect(outcome.failedCleanly, "\(arguments): \(outcome.transcript)")
            #expect(outcome.standardError.contains(address), "\(arguments): \(outcome.transcript)")
        }
    }
}
