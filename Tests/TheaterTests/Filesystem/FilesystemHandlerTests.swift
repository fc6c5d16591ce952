import Foundation
import Testing
@testable import Theater

/// The `filesystem` handler's file operations through a component actor
/// (`FilesystemTestActor`): each works on the folder the manifest grants, the results
/// are what the disk holds, and the run replays identically, even once the folder is gone.
@Suite(.timeLimit(.minutes(2))) struct FilesystemHandlerTests {
    @Test func everyFileOperationWorksInsideTheConfiguredFolder() async throws {
        let scenario = try RuntimeScenario()
        let world = try FilesystemTestWorld(in: scenario.directory)
        let actor = try await scenario.startFilesystemActor("path = \"\(FilesystemTestWorld.rootSetting)\"")

        #expect(try await scenario.call(actor, .write("notes.txt", "hello ✓\n")) == .ok([]))
        #expect(try String(contentsOf: world.root.appendingPathComponent("notes.txt"), encoding: .utf8) == "hello ✓\n")
        #expect(try await scenario.call(actor, .read("notes.txt")).text == "hello ✓\n")
        #expect(try await scenario.call(actor, .write("notes.txt", "short")) == .ok([]))
        #expect(try await scenario.call(actor, .read("notes.txt")).text == "short")
        #expect(try await scenario.call(actor, .exists("notes.txt")) == .ok([1]))
        #expect(try await scenario.call(actor, .exists("nothing.txt")) == .ok([0]))

        #expect(try await scenario.call(actor, .createDir("reports")) == .ok([]))
        #expect(try await scenario.call(actor, .createDir("reports")).error
                == "create-dir \"reports\": something already exists there")
        #expect(try await scenario.call(actor, .write("reports/2024.txt", "year")) == .ok([]))
        #expect(try await scenario.call(actor, .createDir("reports/old")) == .ok([]))
        #expect(try await scenario.call(actor, .write("reports/old/2023.txt", "older")) == .ok([]))
        #expect(try await scenario.call(actor, .list("reports")).text == "2024.txt\nold\n")
        #expect(try await scenario.call(actor, .list("")).text?.contains("notes.txt\nreports\n") == true)
        #expect(try await scenario.call(actor, .deleteFile("reports")).error
                == "delete-file \"reports\": it is a folder, not a file (use delete-dir / list-files for folders)")
        #expect(try await scenario.call(actor, .deleteDir("reports")) == .ok([]))
        #expect(try await scenario.call(actor, .exists("reports")) == .ok([0]))
        #expect(!FileManager.default.fileExists(atPath: world.root.appendingPathComponent("reports").path))

        #expect(try await scenario.call(actor, .deleteFile("notes.txt")) == .ok([]))
        #expect(try await scenario.call(actor, .read("notes.txt")).error == "read-file \"notes.txt\": no such file or folder")
        #expect(try await scenario.call(actor, .write("nowhere/x.txt", "x")).error
                == "write-file \"nowhere/x.txt\": \"nowhere\" does not exist")
        #expect(try await scenario.call(actor, .deleteDir(".")).error
                == "delete-dir \".\": that is the actor's folder itself")
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func linksInsideAreFollowedAndDeletingALinkKeepsItsTarget() async throws {
        let scenario = try RuntimeScenario()
        let world = try FilesystemTestWorld(in: scenario.directory)
        let actor = try await scenario.startFilesystemActor("path = \"\(FilesystemTestWorld.rootSetting)\"")
        #expect(try await scenario.call(actor, .read("link-in/file.txt")).text == "sub file")
        #expect(try await scenario.call(actor, .read("link-in-abs")).text == "sub file")
        #expect(try await scenario.call(actor, .list("link-in")).text == "file.txt\nlink-up\n")
        #expect(try await scenario.call(actor, .deleteFile("link-in")) == .ok([]))
        #expect(FileManager.default.fileExists(atPath: world.root.appendingPathComponent("sub/file.txt").path))
        #expect(try await scenario.call(actor, .deleteDir("sub")) == .ok([]))
        // The link inside `sub` was removed, not the folder it points to.
        #expect(FileManager.default.fileExists(atPath: world.world.appendingPathComponent("outside/secret.txt").path))
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func aReadLargerThanTheMessageSizeLimitIsRefused() async throws {
        let scenario = try RuntimeScenario()
        let world = try FilesystemTestWorld(in: scenario.directory)
        try Data(repeating: 7, count: 70_000).write(to: world.root.appendingPathComponent("big.bin"))
        let actor = try await scenario.start("files", component: FilesystemTestActor.component.encoded(),
                                             handlers: ["message-server", "type = \"filesystem\"\npath = \"world/root\""],
                                             extra: "[limits]\nmessage_size = 65536")
        #expect(try await scenario.call(actor, .read("big.bin")).error
                == "read-file \"big.bin\": the file is 70000 bytes; read-file reads at most 65536 (the actor's message_size limit)")
        #expect(try await scenario.call(actor, .read("inside.txt")).text == "inside")
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func newDirGivesEachActorAFreshFolderInTheDataDirectory() async throws {
        let scenario = try RuntimeScenario()
        let first = try await scenario.startFilesystemActor("new_dir = true", name: "first")
        let second = try await scenario.startFilesystemActor("new_dir = true", name: "second")
        #expect(try await scenario.call(first, .list("")) == .ok([]))
        #expect(try await scenario.call(first, .write("mine.txt", "first's")) == .ok([]))
        #expect(try await scenario.call(second, .exists("mine.txt")) == .ok([0]))
        let folder = scenario.runtime.dataDirectory.filesURL(actorID: first.id)
        #expect(try String(contentsOf: folder.appendingPathComponent("mine.txt"), encoding: .utf8) == "first's")
        #expect(try await scenario.call(first, .read("../\(second.id)/x")).error?.contains("climbs out") == true)
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func aMissingOrNonFolderPathStopsTheActorFromStarting() async throws {
        let scenario = try RuntimeScenario()
        defer { scenario.discard() }
        await #expect {
            _ = try await scenario.startFilesystemActor("path = \"no/such/folder\"")
        } throws: { error in
            "\(error)".contains("filesystem handler: the folder \(scenario.directory.path)/no/such/folder does not exist")
        }
        try Data("a file".utf8).write(to: scenario.directory.appendingPathComponent("plain.txt"))
        await #expect {
            _ = try await scenario.startFilesystemActor("path = \"plain.txt\"")
        } throws: { error in
            "\(error)".contains("plain.txt is not a folder")
        }
    }

    @Test func aRunReplaysIdenticallyAfterItsFolderIsDeleted() async throws {
        let scenario = try RuntimeScenario()
        defer { scenario.discard() }
        let world = try FilesystemTestWorld(in: scenario.directory)
        let actor = try await scenario.startFilesystemActor("""
            path = "\(FilesystemTestWorld.rootSetting)"
            allowed_commands = ["ls"]
            """)
        #expect(try await scenario.call(actor, .read("inside.txt")).text == "inside")
        #expect(try await scenario.call(actor, .write("new.txt", "written")) == .ok([]))
        #expect(try await scenario.call(actor, .list("sub")).text == "file.txt\nlink-up\n")
        #expect(try await scenario.call(actor, .exists("new.txt")) == .ok([1]))
        #expect(try await scenario.call(actor, .read("../sentinel.txt")).error != nil)
        let listing = try await scenario.call(actor, .execute(dir: "sub", command: "ls", arguments: []))
        #expect(listing.command == .finished(stdout: "file.txt\nlink-up\n", stderr: "", exitCode: 0))
        await scenario.runtime.shutdown()

        try FileManager.default.removeItem(at: world.world)
        let chains = scenario.chainURLs
        #expect(chains.count == 1)
        for chain in chains {
            let outcome = try await scenario.replay(chain)
            guard case .identical = outcome else {
                Issue.record("the replay without the folder differs: \(RuntimeScenario.describe(outcome))")
                continue
            }
        }
    }
}
