import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The actor client commands end to end: a real `theater server` on a free loopback port,
/// driven by the real `theater` binary (`start`, `stop`, `restart`, `state`, `events`,
/// `message`, `subscribe`, `logs`), checking the text for people and the `--json` documents.
/// The actor is the counter example (it counts messages, logs "received <msg>", and answers
/// "get" with its count).
@Suite struct ActorClientCommandTests {
    static let counter = ActorTestWorkspace.counterManifest

    /// The JSON object `outcome` printed.
    static func object(_ outcome: TheaterBinary.Outcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any],
                     "\(outcome.transcript)")
    }

    /// The JSON Lines `text` holds, one object per line.
    static func jsonLines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// The lines of standard output.
    static func lines(_ outcome: TheaterBinary.Outcome) -> [String] {
        outcome.standardOutput.split(separator: "\n").map(String.init)
    }

    /// Runs `body` until it returns true or `seconds` pass (events reach the chain file
    /// once the actor is idle, a moment after a reply).
    static func eventually(seconds: TimeInterval = 10, _ body: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if try body() { return true }
            usleep(100_000)
        } while Date() < deadline
        return false
    }

    /// The message of a `theater logs` line (`TIME  MESSAGE`).
    static func logMessage(_ line: String) -> String {
        let parts = line.split(separator: " ", maxSplits: 1)
        return parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
    }

    static func isUUID(_ text: String) -> Bool {
        UUID(uuidString: text) != nil && text == text.lowercased()
    }

    @Test func startPrintsNameAndIDTakesInitialStateAndResolvesRelativeManifests() throws {
        let server = try ServerProcess()
        defer { server.close() }
        let human = try server.theater(["start", Self.counter])
        #expect(human.status == 0, "\(human.transcript)")
        let words = human.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        #expect(words.count == 4 && words[0...2] == ["Started", "actor", "counter"], "\(human.standardOutput)")
        #expect(Self.isUUID(words.last ?? ""), "\(human.standardOutput)")

        // A relative path is resolved against the client's directory, not the server's.
        let relative = try server.theater(["start", "manifest.toml", "--json", "--initial-state", "41"],
                                          in: ActorTestWorkspace.counterFolder)
        let started = try Self.object(relative)
        #expect(started["name"] as? String == "counter")
        let id = try #require(started["id"] as? String)
        #expect(Self.isUUID(id))
        let state = try server.theater(["state", id])
        #expect(state.status == 0, "\(state.transcript)")
        #expect(Self.lines(state) == ["state of actor \(id): 2 bytes, JSON", "41"], "\(state.standardOutput)")
        let stateJSON = try Self.object(try server.theater(["--json", "state", id]))
        #expect(stateJSON["id"] as? String == id)
        #expect(stateJSON["format"] as? String == "json")
        #expect(stateJSON["size"] as? Int == 2)
        #expect(stateJSON["state"] as? Int == 41)

        // --initial-state naming a file: its bytes.
        let stateFile = try server.workspace.write("7", to: "state.txt")
        let fromFile = try server.startCounter(extra: ["--initial-state", stateFile])
        #expect(try Self.object(try server.theater(["state", fromFile, "--json"]))["state"] as? Int == 7)

        // Neither a file nor JSON; a missing manifest; a directory.
        let badState = try server.theater(["start", Self.counter, "--initial-state", "{\"count\": "])
        #expect(badState.failedCleanly && badState.standardError.contains("neither an existing file nor valid JSON"),
                "\(badState.transcript)")
        let missing = try server.theater(["start", server.workspace.folder.appendingPathComponent("nope.toml").path])
        #expect(missing.failedCleanly && missing.standardError.contains("no manifest at"), "\(missing.transcript)")
        let folder = try server.theater(["start", ActorTestWorkspace.counterFolder.path])
        #expect(folder.failedCleanly && folder.standardError.contains("is a directory"), "\(folder.transcript)")
        let list = try Self.object(try server.theater(["list", "--json"]))
        #expect((list["actors"] as? [Any])?.count == 3)
    }

    @Test func messageSendsAndRequestsFromDataOrFile() throws {
        let server = try ServerProcess()
        defer { server.close() }
        let id = try server.startCounter()
        let sent = try server.theater(["message", id, "--data", "hi"])
        #expect(sent.status == 0 && sent.standardOutput == "Sent 2 bytes to actor \(id)\n", "\(sent.transcript)")
        let sentJSON = try Self.object(try server.theater(["message", id, "--data", "{\"n\": 1}", "--json"]))
        #expect(sentJSON["sent"] as? Bool == true && sentJSON["size"] as? Int == 8 && sentJSON["id"] as? String == id)

        let reply = try server.theater(["message", id, "--data", "get", "--request"])
        #expect(reply.status == 0, "\(reply.transcript)")
        #expect(Self.lines(reply) == ["reply from actor \(id): 1 byte, JSON", "2"], "\(reply.standardOutput)")
        let replyJSON = try Self.object(try server.theater(["--json", "message", id, "--data", "get", "--request"]))
        #expect(replyJSON["reply"] as? Int == 2 && replyJSON["format"] as? String == "json")

        // A reply that is text, not JSON.
        let text = try server.theater(["message", id, "--data", "what", "--request"])
        #expect(Self.lines(text) == ["reply from actor \(id): 15 bytes, text", "unknown request"], "\(text.standardOutput)")
        let textJSON = try Self.object(try server.theater(["message", id, "--data", "what", "--request", "--json"]))
        #expect(textJSON["format"] as? String == "bytes")
        let encoded = try #require((textJSON["reply"] as? [String: Any])?["bytes"] as? String)
        #expect(Data(base64Encoded: encoded) == Data("unknown request".utf8))

        let file = try server.workspace.write("add 5", to: "message.txt")
        let added = try server.theater(["message", id, "--file", file, "--request"])
        #expect(Self.lines(added).last == "7", "\(added.transcript)")
        #expect(Self.lines(try server.theater(["state", id])).last == "7")

        let both = try server.theater(["message", id, "--data", "x", "--file", file])
        #expect(both.failedCleanly && both.standardError.contains("either --data or --file, not both"), "\(both.transcript)")
        let neither = try server.theater(["message", id])
        #expect(neither.failedCleanly && neither.standardError.contains("--data TEXT or --file PATH"), "\(neither.transcript)")
        let noFile = try server.theater(["message", id, "--file", file + ".missing"])
        #expect(noFile.failedCleanly && noFile.standardError.contains("no message file at"), "\(noFile.transcript)")
    }

    @Test func eventsAsksTheServerWithTheOfflineColumnsTypeAndLimit() throws {
        let server = try ServerProcess()
        defer { server.close() }
        let id = try server.startCounter()
        _ = try server.theater(["message", id, "--data", "hi"])
        _ = try server.theater(["message", id, "--data", "get", "--request"])
        // started, init call/return, send call/log/return, get call/return.
        var events = TheaterBinary.Outcome(status: 1, standardOutput: "", standardError: "")
        #expect(try Self.eventually {
            events = try server.theater(["events", id])
            return Self.lines(events).count == 8
        }, "\(events.transcript)")
        let rows = Self.lines(events).map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.map { $0.first } == (0..<8).map { String($0) })
        #expect(rows.map { $0.count > 2 ? $0[2] : "" } == [
            "actor-started", "export-call", "export-return", "export-call", "host-call", "export-return",
            "export-call", "export-return"])
        #expect(Self.lines(events)[4].contains("ntwk:theater/runtime.log(\"received hi\")"))

        let last = try server.theater(["events", id, "--type", "export-call", "--limit", "1"])
        #expect(Self.lines(last).count == 1 && Self.lines(last)[0].hasPrefix("     6  "), "\(last.transcript)")
        #expect(Self.lines(last).first?.contains("handle-request(") == true)

        let json = try server.theater(["--json", "events", id, "--limit", "3"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]],
                                "\(json.transcript)")
        #expect(list.map { $0["sequence"] as? Int } == [5, 6, 7])
        #expect(list.map { $0["type"] as? String } == ["export-return", "export-call", "export-return"])
        #expect(list.allSatisfy { ($0["hash"] as? String)?.count == 64 && $0["payload"] is [String: Any] })
        #expect((list[2]["summary"] as? String)?.contains("result some(\"1\")") == true, "\(list[2])")

        // The same command still reads a chain file offline, and says what it wanted otherwise.
        _ = try server.theater(["stop", id])
        let chain = try #require(server.workspace.chainFiles().first)
        let offline = try server.workspace.theater(["events", chain, "--type", "host-call"])
        #expect(offline.status == 0 && Self.lines(offline).count == 1 && Self.lines(offline)[0].hasPrefix("     4  "),
                "\(offline.transcript)")
        let neither = try server.theater(["events", "no-such-file.chain"])
        #expect(neither.failedCleanly && neither.standardError.contains("no chain file at no-such-file.chain"),
                "\(neither.transcript)")
    }

    @Test func restartKeepsTheIDAndStopEndsTheActor() throws {
        let server = try ServerProcess()
        defer { server.close() }
        let id = try server.startCounter(extra: ["--initial-state", "10"])
        _ = try server.theater(["message", id, "--data", "add 5", "--request"])
        let restarted = try server.theater(["restart", id])
        #expect(restarted.status == 0 && restarted.standardOutput == "Restarted actor \(id)\n", "\(restarted.transcript)")
        #expect(Self.lines(try server.theater(["state", id])).last == "10")
        let restartJSON = try Self.object(try server.theater(["restart", id, "--json"]))
        #expect(restartJSON["restarted"] as? Bool == true && restartJSON["id"] as? String == id)

        let stopped = try server.theater(["stop", id])
        #expect(stopped.status == 0 && stopped.standardOutput == "Stopped actor \(id)\n", "\(stopped.transcript)")
        let afterStop = try server.theater(["state", id])
        #expect(afterStop.failedCleanly && afterStop.standardError.contains("is not running any more"), "\(afterStop.transcript)")

        let other = try server.startCounter()
        let stopJSON = try Self.object(try server.theater(["--json", "stop", other]))
        #expect(stopJSON["stopped"] as? Bool == true && stopJSON["id"] as? String == other)
    }

    @Test func unknownActorsBadIDsAndAMissingServerGiveClearErrors() throws {
        let server = try ServerProcess()
        defer { server.close() }
        let unknown = UUID().uuidString.lowercased()
        for arguments in [["state", unknown], ["stop", unknown], ["restart", unknown], ["events", unknown], ["logs", unknown],
                          ["message", unknown, "--data", "x"], ["subscribe", unknown, "--limit", "1"]] {
            let outcome = try server.theater(arguments)
            #expect(outcome.failedCleanly && outcome.status == 1, "\(arguments): \(outcome.transcript)")
            #expect(outcome.standardError.contains("actor \(unknown) is not known to the server"),
                    "\(arguments): \(outcome.transcript)")
        }
        let notAnID = try server.theater(["state", "counter"])
        #expect(notAnID.failedCleanly && notAnID.standardError.contains("'counter' is not an actor id"), "\(notAnID.transcript)")

        let nobody = "127.0.0.1:\(try ServerCommandTests.freePort())"
        for arguments in [["state", unknown], ["start", Self.counter], ["subscribe", unknown], ["logs", unknown, "--follow"]] {
            let outcome = try server.workspace.theater(arguments + ["--address", nobody], timeLimit: 20)
            #expect(outcome.failedCleanly && outcome.standardError.contains("no Theater server answers at \(nobody)"),
                    "\(arguments): \(outcome.transcript)")
        }
    }

    @Test func startIDOnlyPipedIntoSubscribeStopsAfterTheLimit() throws {
        let server = try ServerProcess()
        defer { server.close() }
        let pipe = try server.shell(
            "\"$THEATER\" start '\(Self.counter)' --id-only | \"$THEATER\" subscribe - --limit 3 --format json")
        // The actor's id, once the pipe's `start` has run; then messages until the pipe ends.
        var id: String?
        _ = try Self.eventually(seconds: 15) {
            id = ((try Self.object(try server.theater(["list", "--json"])))["actors"] as? [[String: Any]])?.first?["id"] as? String
            return id != nil
        }
        let actor = try #require(id, "the piped start did not start an actor: \(pipe.errorOutput)")
        let deadline = Date().addingTimeInterval(20)
        while pipe.isRunning, Date() < deadline {
            _ = try server.theater(["message", actor, "--data", "tick"])
            usleep(100_000)
        }
        let outcome = pipe.wait()
        #expect(outcome.status == 0 && !outcome.timedOut, "\(outcome.transcript)")
        let events = Self.jsonLines(outcome.standardOutput)
        #expect(events.count == 3 && Self.lines(outcome).count == 3, "\(outcome.transcript)")
        #expect(events.allSatisfy { $0["type"] is String && $0["summary"] is String && $0["timestamp"] is Int })
        #expect(events.contains { ($0["summary"] as? String)?.contains("handle-send(\"tick\")") == true }
                || events.contains { ($0["summary"] as? String)?.contains("received tick") == true }, "\(events)")

        // A type filter in the compact format; stdin without an id is an error.
        let compact = try server.background(["subscribe", actor, "--event-type", "host-call", "--limit", "2",
                                             "--format", "compact"])
        #expect(Self.eventually { compact.errorOutput.contains("Subscribed to actor \(actor)") })
        for _ in 0..<2 { _ = try server.theater(["message", actor, "--data", "tock"]) }
        let filtered = compact.wait()
        #expect(filtered.status == 0, "\(filtered.transcript)")
        #expect(Self.lines(filtered) == Array(repeating: "host-call ntwk:theater/runtime.log(\"received tock\") -> ()", count: 2),
                "\(filtered.transcript)")
        let empty = try server.theater(["subscribe", "-"])
        #expect(empty.failedCleanly && empty.standardError.contains("reads the actor id from standard input"),
                "\(empty.transcript)")
    }

    @Test func subscribeEndsWhenTheActorStopsOrOnCtrlC() throws {
        let server = try ServerProcess()
        defer { server.close() }
        let id = try server.startCounter()
        let watcher = try server.background(["subscribe", id])
        #expect(Self.eventually { watcher.errorOutput.contains("Subscribed to actor \(id)") }, "\(watcher.errorOutput)")
        _ = try server.theater(["message", id, "--data", "one"])
        #expect(Self.eventually { watcher.output.contains("handle-send(\"one\")") }, "\(watcher.output)")
        watcher.kill(SIGINT)
        let interrupted = watcher.wait()
        #expect(interrupted.status == 0 && !interrupted.endedBySignal && !interrupted.timedOut, "\(interrupted.transcript)")
        #expect(Self.lines(interrupted).contains { $0.contains("export-call") && $0.contains("handle-send(\"one\")") })

        let json = try server.background(["--json", "subscribe", id])
        // Messages until the subscription is surely in place (the first event shows up).
        #expect(try Self.eventually {
            _ = try server.theater(["message", id, "--data", "two"])
            return !json.output.isEmpty
        })
        _ = try server.theater(["stop", id])
        let ended = json.wait()
        #expect(ended.status == 0 && !ended.timedOut, "\(ended.transcript)")
        let events = Self.jsonLines(ended.standardOutput)
        #expect(events.count == Self.lines(ended).count && events.last?["type"] as? String == "actor-stopped",
                "\(ended.transcript)")
        #expect((events.last?["payload"] as? [String: Any])?["reason"] is String)
    }

    @Test func startMonitorPrintsEventsAndHowTheActorEnded() throws {
        let server = try ServerProcess()
        defer { server.close() }
        let monitor = try server.background(["start", Self.counter, "--monitor"])
        #expect(Self.eventually { monitor.output.hasPrefix("Started actor counter ") }, "\(monitor.output)")
        let id = String(monitor.output.split(separator: "\n")[0].split(separator: " ").last ?? "")
        #expect(Self.isUUID(id))
        _ = try server.theater(["message", id, "--data", "hello"])
        #expect(Self.eventually { monitor.output.contains("received hello") }, "\(monitor.output)")
        _ = try server.theater(["stop", id])
        let stopped = monitor.wait()
        #expect(stopped.status == 0 && !stopped.timedOut, "\(stopped.transcript)")
        let lines = Self.lines(stopped)
        #expect(lines.contains { $0.contains("export-call") && $0.contains("handle-send(\"hello\")") },
                "\(stopped.standardOutput)")
        #expect(lines.contains { $0.contains("actor-stopped") }, "\(stopped.standardOutput)")
        #expect(lines.last == "Actor counter \(id) was stopped", "\(stopped.standardOutput)")

        // JSON Lines; Ctrl-C stops watching and leaves the actor running.
        let subscribed = try server.background(["start", Self.counter, "--subscribe", "--json"])
        #expect(Self.eventually { Self.jsonLines(subscribed.output).count >= 1 }, "\(subscribed.output)")
        subscribed.kill(SIGINT)
        let interrupted = subscribed.wait()
        #expect(interrupted.status == 0 && !interrupted.endedBySignal, "\(interrupted.transcript)")
        let objects = Self.jsonLines(interrupted.standardOutput)
        #expect(objects.count == Self.lines(interrupted).count, "\(interrupted.standardOutput)")
        let started = try #require(objects.first?["started"] as? [String: Any], "\(interrupted.standardOutput)")
        #expect(started["name"] as? String == "counter")
        let ended = try #require(objects.last?["ended"] as? [String: Any], "\(interrupted.standardOutput)")
        #expect(ended["outcome"] as? String == "interrupted")
        let running = try #require(started["id"] as? String)
        #expect(Self.lines(try server.theater(["state", running])).last == "0")
    }

    @Test func logsShowsTheLogCallsAndFollowStreamsNewOnes() throws {
        let server = try ServerProcess()
        defer { server.close() }
        let id = try server.startCounter()
        _ = try server.theater(["message", id, "--data", "hello"])
        _ = try server.theater(["message", id, "--data", "world"])
        _ = try server.theater(["message", id, "--data", "get", "--request"])
        var logs = TheaterBinary.Outcome(status: 1, standardOutput: "", standardError: "")
        #expect(try Self.eventually {
            logs = try server.theater(["logs", id])
            return Self.lines(logs).count == 2
        }, "\(logs.transcript)")
        #expect(Self.lines(logs).map(Self.logMessage)
                == ["received hello", "received world"], "\(logs.standardOutput)")
        let json = try Self.object(try server.theater(["logs", id, "--json"]))
        #expect(json["id"] as? String == id)
        let entries = try #require(json["logs"] as? [[String: Any]])
        #expect(entries.map { $0["message"] as? String } == ["received hello", "received world"])
        #expect(entries.allSatisfy { $0["timestamp"] is Int })

        let follow = try server.background(["logs", id, "--follow"])
        #expect(Self.eventually { follow.output.contains("received world") }, "\(follow.output)")
        _ = try server.theater(["message", id, "--data", "later"])
        #expect(Self.eventually { follow.output.contains("received later") }, "\(follow.output)")
        follow.kill(SIGTERM)
        let ended = follow.wait()
        #expect(ended.status == 0 && !ended.timedOut, "\(ended.transcript)")
        #expect(Self.lines(ended).map(Self.logMessage)
                == ["received hello", "received world", "received later"], "\(ended.standardOutput)")
    }
}
