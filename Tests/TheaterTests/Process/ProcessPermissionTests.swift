import Foundation
import Testing
@testable import Theater

/// What the `process` handler lets an actor run and where: `allowed_programs` (by name as
/// written or by the file it resolves to), working folders within `allowed_paths` (the
/// manifest's folder without it), symlinks followed, and malformed configs refused with a
/// message naming the field.
@Suite(.timeLimit(.minutes(2))) struct ProcessPermissionTests {
    @Test func onlyAllowedProgramsStart() async throws {
        let run = try await ProcessScenario(#"allowed_programs = ["/bin/echo", "printf"]"#)
        // The same file as /bin/echo under other names, and printf as written.
        for program in ["/bin/echo", "echo", "/usr/bin/echo", "printf"] {
            #expect((try? await run.spawn(program).get()) != nil, "\(program) is allowed")
        }
        for program in ["cat", "/bin/sh", "sh", "./echo", "/bin/../bin/cat"] {
            guard case .failure(let error) = try await run.spawn(program) else {
                Issue.record("\(program) should be refused")
                continue
            }
            #expect(error.message.contains("not in allowed_programs") || error.message.contains("not found"),
                    "\(program): \(error.message)")
        }
        guard case .failure(let missing) = try await run.spawn("no-such-program-here") else {
            Issue.record("a missing program should be refused")
            return
        }
        #expect(missing.message.contains("no-such-program-here"))
        try await run.finish()
    }

    @Test func theWorkingDirectoryMustBeWithinAllowedPaths() async throws {
        let run = try await ProcessScenario(#"allowed_paths = ["work"]"#) { folder in
            let manager = FileManager.default
            try manager.createDirectory(at: folder.appendingPathComponent("work/inner"), withIntermediateDirectories: true)
            try manager.createDirectory(at: folder.appendingPathComponent("other"), withIntermediateDirectories: true)
            try manager.createSymbolicLink(atPath: folder.appendingPathComponent("work/out").path, withDestinationPath: "/tmp")
            try manager.createSymbolicLink(atPath: folder.appendingPathComponent("in").path,
                                           withDestinationPath: folder.appendingPathComponent("work/inner").path)
        }
        let work = run.folder + "/work"
        let allowed: [(String?, String)] = [(nil, work), ("work", work), ("work/inner", work + "/inner"),
                                            ("in", work + "/inner"), (work + "/inner/..", work)]
        for (cwd, expected) in allowed {
            let pid = try await run.spawn("pwd", cwd: cwd, stdout: .lineByLine).get()
            let entries = try await run.waitForExit(pid)
            #expect(ProcessScenario.pieces(pid, in: entries) == [expected], "cwd \(cwd ?? "none")")
        }
        let refused: [(String, String)] = [
            (".", "outside allowed_paths"), ("..", "outside allowed_paths"), ("/", "outside allowed_paths"),
            ("other", "outside allowed_paths"), ("work/out", "outside allowed_paths"),
            ("work/../other", "outside allowed_paths"), ("work/missing", "does not exist"),
            ("/tmp", "outside allowed_paths"),
        ]
        for (cwd, reason) in refused {
            guard case .failure(let error) = try await run.spawn("pwd", cwd: cwd) else {
                Issue.record("cwd \(cwd) should be refused")
                continue
            }
            #expect(error.message.contains(reason), "cwd \(cwd): \(error.message)")
        }
        try await run.finish()
    }

    @Test func withoutAllowedPathsOnlyTheManifestFolderIsAllowed() async throws {
        let run = try await ProcessScenario()
        let pid = try await run.spawn("pwd", stdout: .lineByLine).get()
        let entries = try await run.waitForExit(pid)
        #expect(ProcessScenario.pieces(pid, in: entries) == [run.folder])
        for cwd in ["..", "/tmp", "/"] {
            guard case .failure(let error) = try await run.spawn("pwd", cwd: cwd) else {
                Issue.record("cwd \(cwd) should be refused")
                continue
            }
            #expect(error.message.contains("outside allowed_paths"), "cwd \(cwd): \(error.message)")
        }
        try await run.finish()
    }

    @Test func malformedConfigsAreRefusedNamingTheField() async throws {
        let run = try await ProcessScenario()
        let cases: [(Result<UInt64, ProcessCallError>, String)] = [
            (try await run.spawn(""), "program is empty"),
            (try await run.spawn("echo", stdout: .chunked), "chunk-size is none"),
            (try await run.spawn("echo", stdout: .chunked, chunkSize: 0), "chunk-size must be at least 1"),
            (try await run.spawn("echo", env: [("A=B", "1")]), "environment variable name"),
            (try await run.spawn("echo", env: [("", "1")]), "environment variable name"),
            (try await run.spawn("echo", ["a\0b"]), "args[0] contains a NUL byte"),
            (try await run.spawn("echo", timeout: 0), "execution-timeout must be at least 1 ms"),
        ]
        for (result, message) in cases {
            guard case .failure(let error) = result else {
                Issue.record("expected an error containing \(message)")
                continue
            }
            #expect(error.message.contains(message), "\(error.message)")
        }
        try await run.finish()
    }
}
