import ComponentModel
import Foundation
import Testing

/// `theater run` with no messages: it keeps the actor running until SIGINT or SIGTERM,
/// then exits 0 with the chain closed by an `actor-stopped` event (verifiable and
/// replaying identically); an actor that shuts itself down in `init` ends the run by itself.
@Suite struct RunSignalTests {
    /// Starts `theater run` on the counter example with no messages and waits until its
    /// chain exists and the run has had time to install its signal handling; the run must
    /// still be going.
    private func startIdleCounter(_ workspace: ActorTestWorkspace) throws -> RunningTheater {
        let running = try workspace.theater.start(["run", ActorTestWorkspace.counterManifest,
                                                   "--data-dir", workspace.dataDirectory.path])
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, running.isRunning, workspace.chainFiles().isEmpty { usleep(10_000) }
        // The chain appears while the actor starts; the signal handlers come right after.
        usleep(1_500_000)
        return running
    }

    /// Interrupts an idle run with `signal` and checks how it ends and the chain it leaves.
    private func checkInterrupted(by signal: Int32) throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let running = try startIdleCounter(workspace)
        let stillRunning = running.isRunning
        running.kill(signal)
        let outcome = running.wait(timeLimit: 30)
        try #require(stillRunning, "the run ended without a message or a signal: \(outcome.transcript)")
        #expect(outcome.status == 0 && !outcome.endedBySignal && !outcome.timedOut, "\(outcome.transcript)")

        let chain = try #require(ActorTestWorkspace.chainPath(in: outcome.standardError), "\(outcome.transcript)")
        #expect(workspace.chainFiles() == [chain])
        let events = try workspace.theater(["events", chain, "--json"])
        #expect(events.status == 0, "\(events.transcript)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(events.standardOutput.utf8)) as? [[String: Any]])
        #expect(list.map { $0["type"] as? String } == ["actor-started", "export-call", "export-return", "actor-stopped"])
        let stop = try #require(list.last?["payload"] as? [String: Any])
        #expect(stop["reason"] as? String == "interrupted", "\(stop)")

        let verify = try workspace.theater(["verify", chain])
        #expect(verify.status == 0, "\(verify.transcript)")
        let verified = try #require(ChainReport.countAndHead(verify.standardOutput, prefix: "chain verified: "), "\(verify.transcript)")
        #expect(verified.count == 4)
        let replay = try workspace.theater(["replay", chain])
        #expect(replay.status == 0, "\(replay.transcript)")
        let replayed = ChainReport.countAndHead(replay.standardOutput, prefix: "replay identical: ")
        #expect(replayed?.count == verified.count)
        #expect(replayed?.head == verified.head)
    }

    @Test func sigintStopsAnIdleRunCleanly() throws {
        try checkInterrupted(by: SIGINT)
    }

    @Test func sigtermStopsAnIdleRunCleanly() throws {
        try checkInterrupted(by: SIGTERM)
    }

    /// An actor whose `init` calls `runtime.shutdown(none)` and keeps no state.
    static let shutdownInInit = """
        (component
          (import "ntwk:theater/runtime" (instance $runtime
            (export "shutdown" (func (param "data" (option (list u8))) (result (result (error string)))))))
          (alias export $runtime "shutdown" (func $shutdown))
          (core module $Memory
            (memory (export "memory") 1)
            (global $heap (mut i32) (i32.const 4096))
            (func (export "realloc") (param $old i32) (param $old-size i32) (param $align i32) (param $size i32) (result i32)
              (local $p i32)
              (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
                                     (i32.sub (i32.const 0) (local.get $align))))
              (global.set $heap (i32.add (local.get $p) (local.get $size)))
              (local.get $p)))
          (core instance $memory (instantiate $Memory))
          (core func $shutdown-lowered (canon lower (func $shutdown)
            (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
          (core module $Main
            (import "env" "memory" (memory 1))
            (import "host" "shutdown" (func $shutdown (param i32 i32 i32 i32)))
            (func (export "init") (param i32 i32 i32 i32 i32) (result i32)
              (call $shutdown (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 512))
              (i32.store8 (i32.const 256) (i32.const 0))
              (i32.store8 (i32.const 260) (i32.const 0))
              (i32.const 256)))
          (core instance $main (instantiate $Main (with "env" (instance $memory))
            (with "host" (instance (export "shutdown" (func $shutdown-lowered))))))
          (func $init (param "state" (option (list u8))) (param "params" (tuple string))
            (result (result (tuple (option (list u8))) (error string)))
            (canon lift (core func $main "init") (memory (core memory $memory "memory")) (realloc (core func $memory "realloc"))))
          (instance $actor (export "init" (func $init)))
          (export "ntwk:theater/actor" (instance $actor))
        )
        """

    @Test func anActorThatShutsDownInInitEndsTheRunByItself() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let component = try workspace.write(try ComponentWAT.encode(Self.shutdownInInit), to: "quitter.wasm")
        let manifest = try workspace.manifest(actor: "quitter", component: component, handlers: ["runtime"])
        let outcome = try workspace.theater.run(["run", manifest, "--data-dir", workspace.dataDirectory.path], in: nil,
                                                timeLimit: 30)
        #expect(outcome.status == 0 && !outcome.endedBySignal && !outcome.timedOut, "\(outcome.transcript)")

        let chain = try #require(ActorTestWorkspace.chainPath(in: outcome.standardError), "\(outcome.transcript)")
        let events = try workspace.theater(["events", chain, "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(events.standardOutput.utf8)) as? [[String: Any]])
        #expect(list.map { $0["type"] as? String } == ["actor-started", "export-call", "host-call", "export-return", "actor-stopped"])
        let stop = try #require(list.last?["payload"] as? [String: Any])
        #expect(stop["reason"] as? String == "shutdown requested by the actor", "\(stop)")
        let replay = try workspace.theater(["replay", chain])
        #expect(replay.status == 0, "\(replay.transcript)")
        #expect(replay.standardOutput.hasPrefix("replay identical: 5 events"), "\(replay.transcript)")
    }
}
