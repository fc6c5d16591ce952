import Foundation
import Testing

/// End-to-end checks of `theater run` on the committed counter and echo actors: responses
/// in order, the chain it reports, `--json`, many messages, and failures.
@Suite struct ActorRunCommandTests {
    @Test func runPrintsEachResponseInOrderAndReportsTheChain() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let recording = try workspace.recordCounter(ActorTestWorkspace.counterMessages)
        #expect(recording.outcome.status == 0, "\(recording.outcome.transcript)")
        // get -> 0; send hi -> 1; add 5 -> 6; get -> 6.
        #expect(recording.outcome.standardOutput == "0\n6\n6\n")
        #expect(recording.outcome.standardError.contains("started counter as "))
        #expect(recording.outcome.standardError.contains("[counter] received hi"))
        let chain = try #require(recording.chain, "no `chain:` line: \(recording.outcome.standardError)")
        #expect(FileManager.default.fileExists(atPath: chain))
        #expect(workspace.chainFiles() == [chain])
    }

    @Test func runJSONIsOneDocumentWithTheResponses() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let outcome = try workspace.run(ActorTestWorkspace.counterManifest, ActorTestWorkspace.counterMessages, extra: ["--json"])
        #expect(outcome.status == 0, "\(outcome.transcript)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(document["responses"] as? [String] == ["0", "6", "6"])
        #expect(document["name"] as? String == "counter")
        #expect(document["error"] == nil)
        let chain = try #require(document["chain"] as? String)
        let actorID = try #require(document["actor_id"] as? String)
        #expect(FileManager.default.fileExists(atPath: chain))
        #expect(URL(fileURLWithPath: chain).lastPathComponent == "\(actorID).chain")
    }

    @Test func messagesKeepTheirCommandLineOrderInEveryOptionForm() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        // `--x=value` and `--x value` interleaved, with --data-dir in between.
        let outcome = try workspace.theater([
            "run", "--request=get", ActorTestWorkspace.counterManifest, "--send=a", "--data-dir", workspace.dataDirectory.path,
            "--send", "b", "--request", "get", "--send=--request", "--request=add 2",
        ])
        #expect(outcome.status == 0, "\(outcome.transcript)")
        #expect(outcome.standardOutput == "0\n2\n5\n")
        #expect(outcome.standardError.contains("[counter] received --request"))
    }

    @Test func aMessageOptionWithoutValueIsAUsageError() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let outcome = try workspace.run(ActorTestWorkspace.counterManifest, ["--request", "get", "--send"])
        #expect(outcome.failedCleanly, "\(outcome.transcript)")
        #expect(outcome.standardError.contains("Missing value for '--send"))
        #expect(workspace.chainFiles().isEmpty)
    }

    @Test func thousandsOfMessagesAreDeliveredPromptly() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let manifest = try workspace.manifest(actor: "echo", component: ActorTestWorkspace.echo, handlers: ["message-server"])
        let sends = (0..<5000).flatMap { ["--send", "m\($0)"] }
        let started = Date()
        let outcome = try workspace.theater(["run", manifest, "--data-dir", workspace.dataDirectory.path] + sends
                                            + ["--request", "done"], timeLimit: 30)
        #expect(outcome.status == 0, "\(outcome.transcript)")
        #expect(outcome.standardOutput == "done\n")
        // Parsing the arguments was once quadratic (about a minute for 5,000 on a debug build).
        #expect(Date().timeIntervalSince(started) < 60)
        let chain = try #require(ActorTestWorkspace.chainPath(in: outcome.standardError))
        // started, init call and return, 5,000 + 1 calls and returns, stopped.
        let verified = try workspace.theater(["verify", chain])
        #expect(ChainReport.countAndHead(verified.standardOutput, prefix: "chain verified: ")?.count == 3 + 2 * 5001 + 1)
    }

    @Test func aFailingRequestEndsTheRunWithTheActorsError() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let recording = try workspace.recordCounter(["--request", "get", "--request", "fail", "--request", "get"])
        #expect(recording.outcome.failedCleanly, "\(recording.outcome.transcript)")
        #expect(recording.outcome.status == 1)
        #expect(recording.outcome.standardOutput == "0\n")
        #expect(recording.outcome.standardError.contains("request \"fail\""))
        #expect(recording.outcome.standardError.contains("asked to fail"))
        // The failure is recorded, and the chain still verifies and replays.
        let chain = try #require(recording.chain)
        let replay = try workspace.theater(["replay", chain])
        #expect(replay.status == 0, "\(replay.transcript)")
        #expect(replay.standardOutput.hasPrefix("replay identical: "))
    }

    @Test func aFailingRequestIsTheErrorOfTheJSONDocument() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let outcome = try workspace.run(ActorTestWorkspace.counterManifest, ["--request", "fail"], extra: ["--json"])
        #expect(outcome.failedCleanly, "\(outcome.transcript)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect((document["error"] as? String)?.contains("asked to fail") == true)
        #expect(document["responses"] as? [String] == [])
    }

    @Test func aRequestOverTheMessageSizeLimitIsRefusedAndRecorded() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let counter = ActorTestWorkspace.counterFolder.appendingPathComponent("counter.wasm").path
        let manifest = try workspace.manifest(actor: "small", component: counter, handlers: ["runtime", "message-server"],
                                              extra: "[limits]\nmessage_size = 16\n")
        let large = "add 12345678901234"   // 18 bytes
        let outcome = try workspace.run(manifest, ["--request", "get", "--request", large])
        #expect(outcome.failedCleanly, "\(outcome.transcript)")
        #expect(outcome.standardOutput == "0\n")
        #expect(outcome.standardError.contains("message of 18 bytes exceeds the actor's message_size limit of 16 bytes"))

        let chain = try #require(ActorTestWorkspace.chainPath(in: outcome.standardError))
        let errors = try workspace.theater(["events", chain, "--type", "actor-error"])
        #expect(errors.status == 0, "\(errors.transcript)")
        let lines = errors.standardOutput.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("actor-error") == true)
        #expect(lines.first?.contains("message_size limit of 16 bytes") == true)

        let replay = try workspace.theater(["replay", chain])
        #expect(replay.status == 0, "\(replay.transcript)")
        let verify = try workspace.theater(["verify", chain])
        #expect(ChainReport.countAndHead(replay.standardOutput, prefix: "replay identical: ")?.head
                == ChainReport.countAndHead(verify.standardOutput, prefix: "chain verified: ")?.head)
    }
}
