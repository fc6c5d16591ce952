import Foundation
import Testing
@testable import Theater

/// The table-driven escape test: a component actor tries to leave its folder with
/// every operation of the `filesystem` handler (`..`, absolute paths, links pointing out,
/// long and odd names). Every escape fails with an error naming the function, the path and
/// the reason, nothing outside the folder is read or changed (the sentinel files, the
/// folder next to the root and the parent folder are snapshotted after every call), and
/// the run replays identically.
@Suite(.timeLimit(.minutes(3))) struct FilesystemEscapeTests {
    /// Every operation, applied to one path.
    static func everyOperation(_ path: String) -> [FilesystemCall] {
        [.read(path), .write(path, "overwritten by the actor"), .list(path), .deleteFile(path), .createDir(path),
         .deleteDir(path), .exists(path), .execute(dir: path, command: "true", arguments: [])]
    }

    /// Paths that leave the root, each with the phrase its error must contain.
    static func escapes(world: FilesystemTestWorld) -> [(path: String, reason: String)] {
        [
            ("..", "climbs out of the actor's folder"),
            ("../sentinel.txt", "climbs out"),
            ("a/../..", "climbs out"),
            ("sub/../../sentinel.txt", "climbs out"),
            ("./../root/inside.txt", "climbs out"),
            ("sub/./../../outside/secret.txt", "climbs out"),
            ("//../sentinel.txt", "absolute paths must lie inside the actor's folder"),
            ("/", "absolute paths must lie inside"),
            ("/etc/passwd", "absolute paths must lie inside"),
            (world.world.path + "/sentinel.txt", "absolute paths must lie inside"),
            (world.world.path + "/outside/", "absolute paths must lie inside"),
            (world.root.path + "/../sentinel.txt", "climbs out"),
            (world.root.path + "/sub/../../outside/secret.txt", "climbs out"),
            ("link-out-file", "the symbolic link \"link-out-file\" leads outside"),
            ("link-out-dir", "the symbolic link \"link-out-dir\" leads outside"),
            ("link-out-dir/secret.txt", "the symbolic link \"link-out-dir\" leads outside"),
            ("link-out-dir/new.txt", "the symbolic link \"link-out-dir\" leads outside"),
            ("link-out-dir/", "the symbolic link \"link-out-dir\" leads outside"),
            ("link-out-abs/secret.txt", "the symbolic link \"link-out-abs\" leads outside"),
            ("sub/link-up/secret.txt", "the symbolic link \"sub/link-up\" leads outside"),
            ("sub/link-up", "the symbolic link \"sub/link-up\" leads outside"),
            ("link-in/link-up/secret.txt", "the symbolic link \"sub/link-up\" leads outside"),
            ("dangling-out", "the symbolic link \"dangling-out\" leads outside"),
            ("loop", "too many symbolic links"),
            ("loop/x", "too many symbolic links"),
            (String(repeating: "n", count: 256), "a name in the path is 256 bytes long; at most 255"),
            ("sub/" + String(repeating: "é", count: 128), "a name in the path is 256 bytes long"),
            (String(repeating: "a/", count: 2049), "the path is 4098 bytes long; at most 4095"),
            (String(repeating: "./", count: 2100) + "../sentinel.txt", "the path is 4215 bytes long"),
            ("inside.txt\u{0}../../sentinel.txt", "NUL byte"),
            ("\u{0}", "NUL byte"),
            ("new\nline.txt", "control character"),
            ("tab\there", "control character"),
        ]
    }

    @Test func everyEscapeFailsForEveryOperationAndNothingOutsideChanges() async throws {
        let scenario = try RuntimeScenario()
        let world = try FilesystemTestWorld(in: scenario.directory)
        let before = try world.snapshotOutside()
        let actor = try await scenario.startFilesystemActor("""
            path = "\(FilesystemTestWorld.rootSetting)"
            allowed_commands = ["true"]
            """)
        // The scenario's folder: the world, the actor's component and manifest, the data directory.
        let parentBefore = try FileManager.default.contentsOfDirectory(atPath: scenario.directory.path).sorted()
        var checked = 0
        for (path, reason) in Self.escapes(world: world) {
            for call in Self.everyOperation(path) {
                try world.reset()
                let reply = try await scenario.call(actor, call)
                let message = reply.error ?? ""
                #expect(reply.error != nil, "\(call) must fail, got \(reply)")
                let label = call.function + (call.function == "execute-command" ? " folder" : "")
                #expect(message.hasPrefix("\(label) \"\(path)\": "), "\(call): \(message.debugDescription)")
                #expect(message.contains(reason), "\(call): \(message.debugDescription) lacks \(reason.debugDescription)")
                #expect(try world.snapshotOutside() == before, "\(call) changed something outside the root")
                checked += 1
            }
        }
        #expect(checked == Self.escapes(world: world).count * 8)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scenario.directory.path).sorted() == parentBefore)
        #expect(try String(contentsOf: world.world.appendingPathComponent("sentinel.txt"), encoding: .utf8)
                == "sentinel: keep me")
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    /// Odd names that stay inside: each operation either works or fails with a clear
    /// reason, and nothing outside changes (hard links and pipes included).
    @Test func oddNamesInsideTheRootWorkOrFailClearly() async throws {
        let scenario = try RuntimeScenario()
        let world = try FilesystemTestWorld(in: scenario.directory)
        let before = try world.snapshotOutside()
        let actor = try await scenario.startFilesystemActor("""
            path = "\(FilesystemTestWorld.rootSetting)"
            allowed_commands = ["true"]
            """)
        let ok = "ok"
        // read, write, list, delete-file, create-dir, delete-dir, exists, execute's folder
        let table: [(path: String, expected: [String])] = [
            ("", ["is a folder", "is a folder", ok, "the actor's folder itself", "already exists",
                  "the actor's folder itself", ok, ok]),
            (".", ["is a folder", "is a folder", ok, "the actor's folder itself", "already exists",
                   "the actor's folder itself", ok, ok]),
            ("sub/", ["ends with /", "ends with /", ok, "ends with /", "already exists", ok, ok, ok]),
            ("sub//file.txt", [ok, ok, "\"sub/file.txt\" is a file, not a folder", ok, "already exists",
                               "is a file, not a folder", ok, "is a file, not a folder"]),
            ("./sub/./file.txt", [ok, ok, "is a file, not a folder", ok, "already exists", "is a file", ok,
                                  "is a file"]),
            ("inside.txt/", Array(repeating: "ends with / but names a file", count: 8)),
            ("inside.txt/x", Array(repeating: "\"inside.txt\" is a file, not a folder", count: 8)),
            ("ünïcødé ✓.txt", [ok, ok, "is a file", ok, "already exists", "is a file", ok, "is a file"]),
            ("new ✓/", ["ends with /", "ends with /", "does not exist", "ends with /", ok, "does not exist",
                        ok, "does not exist"]),
            ("missing/deeper.txt", ["does not exist", "does not exist", "does not exist", "does not exist",
                                    "does not exist", "does not exist", ok, "does not exist"]),
            ("link-in/file.txt", [ok, ok, "is a file", ok, "already exists", "is a file", ok, "is a file"]),
            ("link-in-abs", [ok, ok, "is a file", ok, "already exists", "is a symbolic link", ok, "is a file"]),
            ("link-in", ["is a folder", "is a folder", ok, ok, "already exists", "is a symbolic link", ok, ok]),
            (world.root.path + "/sub/file.txt", [ok, ok, "is a file", ok, "already exists", "is a file", ok,
                                                 "is a file"]),
            ("fifo", ["not a regular file", "not a regular file", "is a file, not a folder", ok, "already exists",
                      "is a file", ok, "is a file"]),
            ("hard.txt", ["hard links", "hard links", "is a file", ok, "already exists", "is a file", ok, "is a file"]),
        ]
        for (path, expected) in table {
            for (call, expectation) in zip(FilesystemEscapeTests.everyOperation(path), expected) {
                try world.reset()
                let reply = try await scenario.call(actor, call)
                if expectation == ok {
                    #expect(reply.error == nil, "\(call) must work, got \(reply)")
                } else {
                    #expect(reply.error?.contains(expectation) == true, "\(call): \(reply) lacks \(expectation.debugDescription)")
                    #expect(reply.error?.contains("\"\(path)\"") == true, "\(call): \(reply) does not name the path")
                }
                #expect(try world.snapshotOutside() == before, "\(call) changed something outside the root")
            }
        }
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
