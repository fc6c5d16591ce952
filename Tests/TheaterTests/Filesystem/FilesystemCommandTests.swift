import Foundation
import Testing
@testable import Theater

/// `execute-command` and `execute-nix-command` through a component actor: only programs
/// in `allowed_commands` run, directly (no shell), in a folder inside the actor's own.
@Suite(.timeLimit(.minutes(2))) struct FilesystemCommandTests {
    @Test func anAllowedCommandRunsWithItsArgumentsUninterpretedByAShell() async throws {
        let scenario = try RuntimeScenario()
        _ = try FilesystemTestWorld(in: scenario.directory)
        let actor = try await scenario.startFilesystemActor("""
            path = "\(FilesystemTestWorld.rootSetting)"
            allowed_commands = ["echo", "false"]
            """)
        let arguments = ["a; rm -rf sub", "$(touch pwned)", "`touch pwned`", "*", "> out.txt", "it's \"quoted\""]
        let reply = try await scenario.call(actor, .execute(dir: "", command: "echo", arguments: arguments))
        #expect(reply.command == .finished(stdout: arguments.joined(separator: " ") + "\n", stderr: "", exitCode: 0))
        #expect(try await scenario.call(actor, .exists("pwned")) == .ok([0]))
        #expect(try await scenario.call(actor, .exists("out.txt")) == .ok([0]))
        #expect(try await scenario.call(actor, .exists("sub")) == .ok([1]))
        let failing = try await scenario.call(actor, .execute(dir: "sub", command: "false", arguments: []))
        #expect(failing.command == .finished(stdout: "", stderr: "", exitCode: 1))
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func theCommandRunsInTheGivenFolderInsideTheRoot() async throws {
        let scenario = try RuntimeScenario()
        let world = try FilesystemTestWorld(in: scenario.directory)
        let actor = try await scenario.startFilesystemActor("""
            path = "\(FilesystemTestWorld.rootSetting)"
            allowed_commands = ["pwd", "/usr/bin/env"]
            """)
        let real = URL(fileURLWithPath: world.root.path).resolvingSymlinksInPath().path
        #expect(try await scenario.call(actor, .execute(dir: "sub", command: "pwd", arguments: [])).command
                == .finished(stdout: real + "/sub\n", stderr: "", exitCode: 0))
        #expect(try await scenario.call(actor, .execute(dir: "link-in", command: "pwd", arguments: [])).command
                == .finished(stdout: real + "/sub\n", stderr: "", exitCode: 0))
        // Only PATH and HOME (the actor's folder) reach the program.
        guard case .finished(let environment, _, 0)? = try await scenario.call(
            actor, .execute(dir: "", command: "/usr/bin/env", arguments: [])).command else {
            Issue.record("env did not run")
            return
        }
        #expect(environment.split(separator: "\n").map { $0.split(separator: "=")[0] }.sorted() == ["HOME", "PATH"])
        #expect(environment.contains("HOME=\(real)\n"))
        #expect(try await scenario.call(actor, .execute(dir: "../outside", command: "pwd", arguments: [])).error
                == "execute-command folder \"../outside\": the path climbs out of the actor's folder with `..`")
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func commandsNotAllowedAreRefused() async throws {
        let scenario = try RuntimeScenario()
        _ = try FilesystemTestWorld(in: scenario.directory)
        let none = try await scenario.startFilesystemActor("path = \"\(FilesystemTestWorld.rootSetting)\"", name: "none")
        let some = try await scenario.startFilesystemActor("""
            path = "\(FilesystemTestWorld.rootSetting)"
            allowed_commands = ["echo", "no-such-program-for-theater", "./local-tool"]
            """, name: "some")
        #expect(try await scenario.call(none, .execute(dir: "", command: "echo", arguments: ["hi"])).error
                == "execute-command \"echo\": no commands are allowed; list the programs this actor may run in "
                    + "allowed_commands of its filesystem handler")
        #expect(try await scenario.call(some, .execute(dir: "", command: "ls", arguments: [])).error
                == "execute-command \"ls\": not in allowed_commands (\"echo\", \"no-such-program-for-theater\", \"./local-tool\")")
        #expect(try await scenario.call(some, .execute(dir: "", command: "/bin/echo", arguments: [])).error?
                .contains("not in allowed_commands") == true)
        #expect(try await scenario.call(some, .executeNix(dir: "", command: "cargo build")).error
                == "execute-nix-command \"nix\": not in allowed_commands (\"echo\", \"no-such-program-for-theater\", \"./local-tool\")")
        guard case .failed(let missing)? = try await scenario.call(
            some, .execute(dir: "", command: "no-such-program-for-theater", arguments: [])).command else {
            Issue.record("a missing program must give command-result.error")
            return
        }
        #expect(missing.hasPrefix("cannot run no-such-program-for-theater: no such program in PATH"))
        #expect(try await scenario.call(some, .execute(dir: "", command: "./local-tool", arguments: [])).command
                == .failed("cannot run ./local-tool: name a program by its bare name (looked up in PATH) or an absolute path"))
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func aNixCommandRunsNixDevelopWithItsWordsAndNoShell() async throws {
        // A stand-in `nix` first in PATH, printing each argument it gets in brackets.
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent("theater-fake-nix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: bin) }
        let nix = bin.appendingPathComponent("nix")
        try Data("#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; done\n".utf8).write(to: nix)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: nix.path)
        let scenario = try RuntimeScenario(environment: ["PATH": bin.path + ":/usr/bin:/bin"])
        _ = try FilesystemTestWorld(in: scenario.directory)
        let actor = try await scenario.startFilesystemActor("""
            path = "\(FilesystemTestWorld.rootSetting)"
            allowed_commands = ["nix"]
            """)
        let reply = try await scenario.call(actor, .executeNix(dir: "sub", command: "  cargo build\t--release;$(id) "))
        #expect(reply.command == .finished(stdout: "[develop]\n[--command]\n[cargo]\n[build]\n[--release;$(id)]\n",
                                           stderr: "", exitCode: 0))
        #expect(try await scenario.call(actor, .executeNix(dir: "", command: " \n ")).error
                == "execute-nix-command: the command is empty")
        #expect(try await scenario.call(actor, .executeNix(dir: "/tmp", command: "ls")).error?
                .hasPrefix("execute-nix-command folder \"/tmp\": absolute paths must lie inside") == true)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func stoppingTheActorMidCommandKillsTheProgramAndTheRunReplays() async throws {
        let scenario = try RuntimeScenario()
        defer { scenario.discard() }
        _ = try FilesystemTestWorld(in: scenario.directory)
        let actor = try await scenario.startFilesystemActor("""
            path = "\(FilesystemTestWorld.rootSetting)"
            allowed_commands = ["sleep"]
            """)
        let runtime = scenario.runtime
        let pending = Task {
            try await runtime.request(to: actor.id, FilesystemCall.execute(dir: "", command: "sleep", arguments: ["60"]).request)
        }
        try await Task.sleep(nanoseconds: 300_000_000)
        let started = Date()
        await runtime.stop(actor.id, reason: "test stop", grace: .milliseconds(200))
        #expect(Date().timeIntervalSince(started) < 20, "the stop waited for the command")
        _ = await pending.result
        let chain = try #require(scenario.chainURLs.first)
        guard case .identical = try await scenario.replay(chain) else {
            Issue.record("the run does not replay identically")
            return
        }
        #expect(try scenario.events(at: chain).contains {
            if case .exportReturn(_, .trapped) = $0 { return true }
            return false
        })
    }
}
