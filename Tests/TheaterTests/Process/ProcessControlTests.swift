import Foundation
import Testing
@testable import Theater

/// Controlling the processes an actor started: standard input, status, kill, signals,
/// the execution timeout, `max_processes`, and the processes dying with the actor.
@Suite(.timeLimit(.minutes(2))) struct ProcessControlTests {
    @Test func writingToStandardInputAndClosingIt() async throws {
        let run = try await ProcessScenario()
        let pid = try await run.spawn("cat", stdout: .lineByLine).get()
        let written = try await run.call(ProcessRequest.write(pid, Array("hello\nworld\n".utf8))).get()
        #expect(written == [12, 0, 0, 0])
        #expect(try await run.status(pid).get().running)
        #expect(try await run.call(ProcessRequest.write(pid, [])).get() == [0, 0, 0, 0], "empty data closes stdin")
        let entries = try await run.waitForExit(pid)
        #expect(ProcessScenario.pieces(pid, in: entries) == ["hello", "world"])
        #expect(ProcessScenario.exitCode(pid, in: entries) == 0)
        guard case .failure(let error) = try await run.call(ProcessRequest.write(pid, [1])) else {
            Issue.record("writing to an exited process should fail")
            return
        }
        #expect(error.message.contains("process 1 has exited"))
        try await run.finish()
    }

    @Test func killEndsTheProcessWithMinusNine() async throws {
        let run = try await ProcessScenario()
        let pid = try await run.spawn("sleep", ["30"]).get()
        #expect(try await run.status(pid).get().running)
        #expect(try await run.call(ProcessRequest.kill(pid)).get() == [])
        let entries = try await run.waitForExit(pid)
        #expect(ProcessScenario.exitCode(pid, in: entries) == -9)
        let status = try await run.status(pid).get()
        #expect(!status.running && status.exitCode == -9)
        guard case .failure(let error) = try await run.call(ProcessRequest.kill(pid)) else {
            Issue.record("killing an exited process should fail")
            return
        }
        #expect(error.message == "process 1 has already exited")
        try await run.finish()
    }

    @Test func aSignalReachesTheProcess() async throws {
        let run = try await ProcessScenario()
        let pid = try await run.spawn("sleep", ["30"]).get()
        guard case .failure(let invalid) = try await run.call(ProcessRequest.signal(pid, 0)) else {
            Issue.record("signal 0 should be refused")
            return
        }
        #expect(invalid.message.contains("not a signal number"))
        #expect(try await run.call(ProcessRequest.signal(pid, 15)).get() == [])
        let entries = try await run.waitForExit(pid)
        #expect(ProcessScenario.exitCode(pid, in: entries) == -15)
        try await run.finish()
    }

    @Test func unknownProcessesAreNamedInTheError() async throws {
        let run = try await ProcessScenario()
        guard case .failure(let error) = try await run.status(7) else {
            Issue.record("status of an unknown process should fail")
            return
        }
        #expect(error.message == "no process 7 was started by this actor")
        try await run.finish()
    }

    @Test func theExecutionTimeoutKillsTheProcess() async throws {
        let run = try await ProcessScenario()
        let started = Date()
        let pid = try await run.spawn("sleep", ["30"], timeout: 200).get()
        let entries = try await run.waitForExit(pid)
        #expect(ProcessScenario.exitCode(pid, in: entries) == -9)
        #expect(Date().timeIntervalSince(started) < 20)
        try await run.finish()
    }

    @Test func maxProcessesLimitsHowManyRunAtOnce() async throws {
        let run = try await ProcessScenario("max_processes = 2")
        let first = try await run.spawn("sleep", ["30"]).get()
        _ = try await run.spawn("sleep", ["30"]).get()
        guard case .failure(let error) = try await run.spawn("sleep", ["30"]) else {
            Issue.record("a third process should be refused")
            return
        }
        #expect(error.message.contains("max_processes (2)"))
        _ = try await run.call(ProcessRequest.kill(first)).get()
        _ = try await run.waitForExit(first)
        #expect(try await run.spawn("echo").get() == 3, "a place is free once a process exited")
        try await run.finish()
    }

    @Test func stoppingTheActorKillsItsProcessesAndWhatTheyStarted() async throws {
        let run = try await ProcessScenario(#"allowed_programs = ["sh", "sleep"]"#)
        let marker = "31.\(Int.random(in: 100...999))"
        _ = try await run.spawn("sleep", [marker]).get()
        _ = try await run.spawn("sh", ["-c", "sleep \(marker)1 & sleep \(marker)2; wait"]).get()
        // A program that leaves a process behind, detached from its pipes, and exits.
        let detaching = try await run.spawn("sh", ["-c", "sleep \(marker)3 > /dev/null 2>&1 &"]).get()
        #expect(ProcessScenario.exitCode(detaching, in: try await run.waitForExit(detaching)) == 0)
        var pids: [pid_t] = []
        let found = await run.scenario.eventually(seconds: 10) {
            pids = OSProcesses.children(withArgumentPrefix: marker)
            return pids.count == 4
        }
        #expect(found, "four sleeps are running: \(pids)")
        await run.scenario.runtime.stop(run.actor.id, reason: "test stops the actor")
        let gone = await run.scenario.eventually(seconds: 10) { pids.allSatisfy { !OSProcesses.isAlive($0) } }
        #expect(gone, "every process of the actor died: \(pids.filter(OSProcesses.isAlive))")
        try await run.finish()
    }
}

/// Looks at the host's processes through `/proc` (Linux).
enum OSProcesses {
    /// The `sleep` processes (anywhere below this test process) whose first argument starts with `prefix`.
    static func children(withArgumentPrefix prefix: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            let parts = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return parts.count == 2 && parts[0].hasSuffix("sleep") && parts[1].hasPrefix(prefix) && isAlive(pid)
        }
    }

    /// Whether `pid` is a running (not zombie) process.
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }
}
