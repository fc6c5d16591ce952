import Foundation
import Testing
@testable import Theater

/// What the actor saw of its processes is in its chain: host-call results and the output as
/// export calls. A replay therefore starts no process: here the program is gone by then.
@Suite(.timeLimit(.minutes(2))) struct ProcessReplayTests {
    @Test func aReplayNeedsNoProcessAndNoProgram() async throws {
        let run = try await ProcessScenario(#"allowed_programs = ["./tool"]"#) { folder in
            let tool = folder.appendingPathComponent("tool")
            try "#!/bin/sh\necho \"tool says $1\"\necho oops >&2\nexit 4\n".write(to: tool, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tool.path)
        }
        let pid = try await run.spawn("./tool", ["hi"], stdout: .lineByLine, stderr: .lineByLine).get()
        let entries = try await run.waitForExit(pid)
        #expect(entries == [.stdout(pid: 1, Array("tool says hi".utf8)), .stderr(pid: 1, Array("oops".utf8)), .exit(pid: 1, 4)]
                || entries == [.stderr(pid: 1, Array("oops".utf8)), .stdout(pid: 1, Array("tool says hi".utf8)), .exit(pid: 1, 4)])
        _ = try await run.status(pid).get()
        await run.scenario.runtime.shutdown()
        try FileManager.default.removeItem(at: run.scenario.directory.appendingPathComponent("tool"))
        let chain = try #require(run.scenario.chainURLs.first)
        let calls = try run.scenario.events(at: chain).compactMap { event -> String? in
            if case .exportCall(let function, _) = event { return function }
            return nil
        }
        #expect(calls.filter { $0.hasPrefix("process-handlers.") }.count == 3)
        guard case .identical = try await run.scenario.replay(chain) else {
            Issue.record("the replay without the program differs")
            return
        }
        run.scenario.discard()
    }

    @Test func aProcessLeftBehindHoldingThePipeDoesNotHoldUpTheExit() async throws {
        let run = try await ProcessScenario(#"allowed_programs = ["sh"]"#)
        let marker = "32.\(Int.random(in: 100...999))"
        let started = Date()
        let pid = try await run.spawn("sh", ["-c", "echo started; sleep \(marker) & exit 5"], stdout: .lineByLine).get()
        let entries = try await run.waitForExit(pid)
        #expect(ProcessScenario.pieces(pid, in: entries) == ["started"])
        #expect(ProcessScenario.exitCode(pid, in: entries) == 5)
        #expect(Date().timeIntervalSince(started) < 25, "the exit came after the grace, not after the sleep")
        let gone = await run.scenario.eventually(seconds: 10) {
            OSProcesses.children(withArgumentPrefix: marker).isEmpty
        }
        #expect(gone, "what the process left behind was killed")
        try await run.finish()
    }
}
