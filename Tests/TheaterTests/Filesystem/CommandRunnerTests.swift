import Foundation
import Testing
@testable import Theater

/// `CommandRunner` directly, with short limits: the timeout kills, output is capped with a
/// note, a background process holding the output open does not hold up the answer, and
/// cancelling the caller kills the program.
@Suite(.timeLimit(.minutes(1))) struct CommandRunnerTests {
    let folder = FileManager.default.temporaryDirectory.path
    let environment = ["PATH": FilesystemCommands.fallbackSearchPath]

    func locate(_ name: String) throws -> String {
        try #require(CommandRunner.locate(name, searchPath: FilesystemCommands.fallbackSearchPath))
    }

    @Test func aCommandPastItsTimeoutIsKilled() async throws {
        var runner = CommandRunner()
        runner.timeout = 0.3
        let started = Date()
        let outcome = await runner.run(try locate("sleep"), arguments: ["20"], in: folder, environment: environment)
        #expect(outcome == .failed("\(try locate("sleep")) did not finish within 0.3 s and was killed"))
        // Loose (the machine is shared): what matters is that it ends well before the 20 s sleep.
        #expect(Date().timeIntervalSince(started) < 15)
    }

    @Test func aProgramFloodingItsOutputStillTimesOut() async throws {
        var runner = CommandRunner()
        runner.timeout = 0.5
        let started = Date()
        let outcome = await runner.run(try locate("yes"), command: "yes", arguments: [], in: folder, environment: environment)
        #expect(outcome == .failed("yes did not finish within 0.5 s and was killed"))
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test func eachOutputStreamIsCappedWithANote() async throws {
        let outcome = await CommandRunner().run(try locate("head"), arguments: ["-c", "1500000", "/dev/zero"],
                                                in: folder, environment: environment)
        guard case .finished(let stdout, let stderr, let exitCode) = outcome else {
            Issue.record("head did not finish: \(outcome)")
            return
        }
        let note = "\n[output truncated: 451424 more bytes were dropped; at most 1048576 bytes are kept]"
        #expect(stdout.hasSuffix(note))
        #expect(stdout.utf8.count == CommandRunner.defaultOutputLimit + note.utf8.count)
        #expect(stderr.isEmpty)
        #expect(exitCode == 0)
    }

    @Test func aBackgroundProcessNeitherDelaysTheAnswerNorOutlivesTheCommand() async throws {
        let started = Date()
        let outcome = await CommandRunner().run(try locate("sh"), arguments: ["-c", "sleep 30 & echo $!"],
                                                in: folder, environment: environment)
        #expect(Date().timeIntervalSince(started) < 20)
        guard case .finished(let stdout, "", 0) = outcome, let background = Int32(stdout.dropLast()) else {
            Issue.record("unexpected outcome \(outcome)")
            return
        }
        // Killed with the command's process group: gone, or a zombie waiting for its reaper.
        let deadline = Date().addingTimeInterval(5)
        var alive = true
        while alive && Date() < deadline {
            let stat = (try? String(contentsOfFile: "/proc/\(background)/stat", encoding: .utf8)) ?? ""
            alive = kill(background, 0) == 0 && !stat.contains(") Z ")
            if alive { try await Task.sleep(nanoseconds: 20_000_000) }
        }
        #expect(!alive, "the background process \(background) outlived its command")
    }

    @Test func cancellingTheCallerKillsTheProgram() async throws {
        let sleep = try locate("sleep")
        let started = Date()
        let task = Task { await CommandRunner().run(sleep, arguments: ["30"], in: folder, environment: environment) }
        try await Task.sleep(nanoseconds: 200_000_000)
        task.cancel()
        #expect(await task.value == .failed("\(sleep) was killed because the actor stopped"))
        // Loose (the machine is shared): what matters is that it ends well before the 30 s sleep.
        #expect(Date().timeIntervalSince(started) < 25)
    }

    @Test func aSignalEndsWithExitCodeMinusOneAndANote() async throws {
        let outcome = await CommandRunner().run(try locate("sh"), arguments: ["-c", "echo bye >&2; kill -KILL $$"],
                                                in: folder, environment: environment)
        #expect(outcome == .finished(stdout: "", stderr: "bye\n\n[terminated by signal 9]", exitCode: -1))
    }
}
