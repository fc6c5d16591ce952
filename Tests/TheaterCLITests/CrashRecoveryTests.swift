import Foundation
import Testing

/// A `theater run` killed with SIGKILL in the middle of its messages: the chain it leaves
/// must verify (a torn tail at most) and replay identically as far as it goes.
@Suite struct CrashRecoveryTests {
    /// Messages for the run: far more than it can handle before the chain reaches `killSize`.
    static let messageCount = 20_000
    /// The chain size at which the run is killed (each echo send adds about 170 bytes).
    static let killSize = 256 * 1024

    @Test func aRunKilledMidStreamLeavesAVerifiableReplayableChain() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let manifest = try workspace.manifest(actor: "echo", component: ActorTestWorkspace.echo, handlers: ["message-server"],
                                              extra: "[limits]\nmailbox_length = 200000\n")
        let sends = (0..<Self.messageCount).flatMap { ["--send", "message \($0)"] }
        let running = try workspace.theater.start(["run", manifest, "--data-dir", workspace.dataDirectory.path] + sends)

        // Wait for the chain to pass killSize, then kill: the run must still be going.
        let deadline = Date().addingTimeInterval(60)
        var chain: String?
        var size = 0
        while Date() < deadline, running.isRunning {
            chain = workspace.chainFiles().first
            if let chain, let attributes = try? FileManager.default.attributesOfItem(atPath: chain) {
                size = (attributes[.size] as? Int) ?? 0
                if size > Self.killSize { break }
            }
            usleep(2_000)
        }
        let wasRunning = running.isRunning
        running.kill(SIGKILL)
        let outcome = running.wait(timeLimit: 10)
        try #require(wasRunning, "the run ended before it was killed (chain \(size) bytes): \(outcome.transcript)")
        #expect(outcome.endedBySignal, "\(outcome.transcript)")
        let path = try #require(chain, "no chain file appeared")
        #expect(size > Self.killSize)

        let verify = try workspace.theater(["verify", path])
        #expect(verify.status == 0, "\(verify.transcript)")
        let verified = try #require(ChainReport.countAndHead(verify.standardOutput, prefix: "chain verified: "), "\(verify.transcript)")
        // Killed mid-run: some sends were recorded, not all, and there is no actor-stopped event.
        #expect(verified.count > 100)
        #expect(verified.count < 3 + 2 * Self.messageCount)
        let stopped = try workspace.theater(["events", path, "--type", "actor-stopped"])
        #expect(stopped.status == 0, "\(stopped.transcript)")
        #expect(stopped.standardOutput.isEmpty)

        let replay = try workspace.theater(["replay", path])
        #expect(replay.status == 0, "\(replay.transcript)")
        let replayed = ChainReport.countAndHead(replay.standardOutput, prefix: "replay identical: ")
        #expect(replayed?.count == verified.count)
        #expect(replayed?.head == verified.head)
    }
}
