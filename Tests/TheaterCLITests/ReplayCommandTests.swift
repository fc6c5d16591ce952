import Foundation
import Testing

/// End-to-end checks of `theater replay`: an untouched chain replays identically, a changed
/// component is caught at its first different event, and the recorded component comes
/// from the data directory's store wherever the command runs.
@Suite struct ReplayCommandTests {
    private func recordCounter(_ workspace: ActorTestWorkspace, manifest: String = ActorTestWorkspace.counterManifest) throws -> String {
        let recording = try workspace.recordCounter(ActorTestWorkspace.counterMessages, manifest: manifest)
        #expect(recording.outcome.status == 0, "\(recording.outcome.transcript)")
        return try #require(recording.chain)
    }

    @Test func anUntouchedChainReplaysWithVerifysCountAndHead() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let chain = try recordCounter(workspace)
        let replay = try workspace.theater(["replay", chain])
        #expect(replay.status == 0, "\(replay.transcript)")
        let verify = try workspace.theater(["verify", chain])
        let replayed = try #require(ChainReport.countAndHead(replay.standardOutput, prefix: "replay identical: "), "\(replay.transcript)")
        let verified = try #require(ChainReport.countAndHead(verify.standardOutput, prefix: "chain verified: "), "\(verify.transcript)")
        #expect(replayed.count == 13)
        #expect(replayed.count == verified.count)
        #expect(replayed.head == verified.head)
        #expect(ChainReport.isSHA256(replayed.head))
    }

    @Test func replayJSONOfAnUntouchedChain() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let chain = try recordCounter(workspace)
        let outcome = try workspace.theater(["replay", chain, "--json"])
        #expect(outcome.status == 0, "\(outcome.transcript)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(document["identical"] as? Bool == true)
        #expect(document["events"] as? Int == 13)
        #expect(ChainReport.isSHA256(document["head"] as? String ?? ""))
    }

    @Test func aChangedComponentDivergesAtTheFirstAdd() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let chain = try recordCounter(workspace)
        let outcome = try workspace.theater(["replay", chain, "--component", ActorTestWorkspace.counterV2])
        #expect(outcome.failedCleanly && outcome.status == 1, "\(outcome.transcript)")
        // Events: 0 started, 1-2 init, 3-4 get, 5-7 send (with its log), 8 add 5 call, 9 its return.
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        try #require(lines.count == 3, "\(outcome.transcript)")
        #expect(lines[0] == "replay diverged at event 9 (export-return):")
        #expect(lines[1].contains("expected:") && lines[1].contains("result some(\"6\")"), "\(lines[1])")
        #expect(lines[2].contains("actual:") && lines[2].contains("result some(\"7\")"), "\(lines[2])")
    }

    @Test func aChangedComponentDivergenceAsJSON() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let chain = try recordCounter(workspace)
        let outcome = try workspace.theater(["replay", chain, "--component", ActorTestWorkspace.counterV2, "--json"])
        #expect(outcome.failedCleanly && outcome.status == 1, "\(outcome.transcript)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any],
                                    "\(outcome.transcript)")
        #expect(document["identical"] as? Bool == false)
        #expect(document["sequence"] as? Int == 9)
        #expect(document["event_type"] as? String == "export-return")
        let expected = try #require(document["expected"] as? [String: Any])
        let actual = try #require(document["actual"] as? [String: Any])
        #expect(((expected["result"] as? [String: Any])?["value"] as? [String: Any])?["text"] as? String == "6")
        #expect(((actual["result"] as? [String: Any])?["value"] as? [String: Any])?["text"] as? String == "7")
        #expect(expected["state_hash"] as? String != actual["state_hash"] as? String)
    }

    @Test func aChangedComponentReplaysIdenticallyBeforeItsChange() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        // No `add` in this run: version 2 behaves exactly as version 1.
        let recording = try workspace.recordCounter(["--request", "get", "--send", "hi", "--request", "get"])
        let chain = try #require(recording.chain)
        let outcome = try workspace.theater(["replay", chain, "--component", ActorTestWorkspace.counterV2])
        #expect(outcome.status == 0, "\(outcome.transcript)")
        #expect(outcome.standardOutput.hasPrefix("replay identical: 11 events"))
    }

    @Test func replayTakesTheComponentFromTheStoreAfterTheManifestFolderIsGone() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        // The counter's manifest and component, copied to a folder deleted after the run.
        let actorFolder = workspace.folder.appendingPathComponent("actor")
        try FileManager.default.createDirectory(at: actorFolder, withIntermediateDirectories: true)
        for name in ["manifest.toml", "counter.wasm"] {
            try FileManager.default.copyItem(at: ActorTestWorkspace.counterFolder.appendingPathComponent(name),
                                             to: actorFolder.appendingPathComponent(name))
        }
        let chain = try recordCounter(workspace, manifest: actorFolder.appendingPathComponent("manifest.toml").path)
        try FileManager.default.removeItem(at: actorFolder)

        // From another working directory, with the chain given by a relative path.
        let elsewhere = workspace.folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let relative = "../data/chains/" + URL(fileURLWithPath: chain).lastPathComponent
        let outcome = try workspace.theater(["replay", relative], in: elsewhere)
        #expect(outcome.status == 0, "\(outcome.transcript)")
        #expect(outcome.standardOutput.hasPrefix("replay identical: 13 events, head "))
    }

    @Test func replayOfAChainAwayFromItsStoreSaysHowToFindTheComponent() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let chain = try recordCounter(workspace)
        let moved = workspace.folder.appendingPathComponent("moved.chain")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: chain), to: moved)
        // Without --data-dir the store is looked up under THEATER_HOME: an empty one here.
        let emptyHome = workspace.folder.appendingPathComponent("empty-home")
        let outcome = try workspace.theater.run(["replay", moved.path], in: nil, environment: ["THEATER_HOME": emptyHome.path])
        #expect(outcome.failedCleanly && outcome.status == 1, "\(outcome.transcript)")
        #expect(outcome.standardError.contains("is not in the content store"), "\(outcome.transcript)")
        #expect(outcome.standardError.contains("--data-dir"), "\(outcome.transcript)")

        let found = try workspace.theater(["replay", moved.path, "--data-dir", workspace.dataDirectory.path])
        #expect(found.status == 0, "\(found.transcript)")
    }
}
