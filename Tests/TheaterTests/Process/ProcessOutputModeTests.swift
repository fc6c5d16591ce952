import Foundation
import Testing
@testable import Theater

/// The `process` handler's output: each output mode, stdout and stderr apart, `handle-exit`
/// after all output, and output beyond the buffer delivered in full while the actor's
/// mailbox stays small. Every run replays identically without starting a process.
@Suite(.timeLimit(.minutes(2))) struct ProcessOutputModeTests {
    @Test func rawOutputThenTheExitAreDelivered() async throws {
        let run = try await ProcessScenario()
        let before = TimingHandler.nowMilliseconds()
        let pid = try await run.spawn("echo", ["hello", "world"]).get()
        #expect(pid == 1)
        let entries = try await run.waitForExit(pid)
        #expect(ProcessScenario.pieces(pid, in: entries).joined() == "hello world\n")
        #expect(entries.last == .exit(pid: pid, 0))
        let status = try await run.status(pid).get()
        #expect(!status.running)
        #expect(status.exitCode == 0)
        #expect(status.startTime >= before && status.startTime <= TimingHandler.nowMilliseconds())
        #expect(try await run.spawn("echo").get() == 2)
        try await run.finish()
    }

    @Test func lineByLineDeliversOneCallPerLineWithoutTheBreak() async throws {
        let run = try await ProcessScenario()
        let pid = try await run.spawn("printf", ["one\\ntwo\\r\\n\\nlast"], stdout: .lineByLine).get()
        let entries = try await run.waitForExit(pid)
        #expect(ProcessScenario.pieces(pid, in: entries) == ["one", "two", "", "last"])
        try await run.finish()
    }

    @Test func jsonDeliversOneCallPerJSONValueAndSkipsOtherLines() async throws {
        let run = try await ProcessScenario()
        let text = #"{"a": 1}\nnot json\n  [1, 2]  \n\n\"x\"\n{"open": \n"#
        let pid = try await run.spawn("printf", [text], stdout: .json).get()
        let entries = try await run.waitForExit(pid)
        #expect(ProcessScenario.pieces(pid, in: entries) == [#"{"a": 1}"#, "[1, 2]", #""x""#])
        try await run.finish()
    }

    @Test func chunkedDeliversPiecesOfTheChunkSizeAndAShortLastOne() async throws {
        let run = try await ProcessScenario()
        let pid = try await run.spawn("printf", ["abcdefghij"], stdout: .chunked, chunkSize: 4).get()
        let entries = try await run.waitForExit(pid)
        #expect(ProcessScenario.pieces(pid, in: entries) == ["abcd", "efgh", "ij"])
        try await run.finish()
    }

    @Test func standardErrorGoesToHandleStderrAndTheExitCodeToHandleExit() async throws {
        let run = try await ProcessScenario(#"allowed_programs = ["sh"]"#)
        let pid = try await run.spawn("sh", ["-c", "echo out; echo err >&2; exit 3"],
                                      stdout: .lineByLine, stderr: .lineByLine).get()
        let entries = try await run.waitForExit(pid)
        #expect(ProcessScenario.pieces(pid, in: entries) == ["out"])
        #expect(ProcessScenario.pieces(pid, stderr: true, in: entries) == ["err"])
        #expect(ProcessScenario.exitCode(pid, in: entries) == 3)
        #expect(entries.last == .exit(pid: pid, 3))
        try await run.finish()
    }

    @Test func theEnvironmentIsExactlyTheOneGiven() async throws {
        let run = try await ProcessScenario()
        let pid = try await run.spawn("env", env: [("ONLY", "this one"), ("SECOND", "2")], stdout: .lineByLine).get()
        let entries = try await run.waitForExit(pid)
        #expect(ProcessScenario.pieces(pid, in: entries).sorted() == ["ONLY=this one", "SECOND=2"])
        let empty = try await run.spawn("env", stdout: .lineByLine).get()
        #expect(ProcessScenario.pieces(empty, in: try await run.waitForExit(empty)) == [], "nothing of the host's")
        try await run.finish()
    }

    @Test func outputBeyondTheBufferArrivesInFullThroughASmallMailbox() async throws {
        // 200 000 bytes through a 1 KiB buffer and a mailbox of 4 messages: the handler
        // pauses reading rather than drop output or overflow the mailbox.
        let run = try await ProcessScenario("max_output_buffer = 1024", extra: "[limits]\nmailbox_length = 4")
        let pid = try await run.spawn("head", ["-c", "200000", "/dev/zero"], bufferSize: 4096).get()
        let entries = try await run.waitForExit(pid, seconds: 60)
        let pieces = entries.compactMap { entry -> Int? in
            if case .stdout(pid, let bytes) = entry { return bytes.allSatisfy { $0 == 0 } ? bytes.count : -1 }
            return nil
        }
        #expect(pieces.reduce(0, +) == 200_000)
        #expect(pieces.allSatisfy { $0 > 0 && $0 <= 1024 })
        #expect(ProcessScenario.exitCode(pid, in: entries) == 0)
        let rejected = try run.scenario.events(of: run.actor).filter {
            if case .actorError(let kind, _) = $0 { return kind == RecordedErrorKind.messageRejected }
            return false
        }
        #expect(rejected.isEmpty, "no output was refused by a full mailbox")
        try await run.finish()
    }

    @Test func anOverLongLineIsDeliveredInPiecesOfTheBuffer() async throws {
        let run = try await ProcessScenario()
        let pid = try await run.spawn("printf", ["abcdefghij\\nxy\\n"], bufferSize: 4, stdout: .lineByLine).get()
        let entries = try await run.waitForExit(pid)
        #expect(ProcessScenario.pieces(pid, in: entries) == ["abcd", "efgh", "ij", "xy"])
        try await run.finish()
    }
}
