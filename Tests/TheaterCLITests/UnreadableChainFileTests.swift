import Foundation
import Testing

/// `theater verify`, `events` and `replay` given something that is not a chain: a missing
/// file, an empty file, random bytes, a folder, another kind of file. Each gives a clear
/// message; none crashes or hangs.
@Suite struct UnreadableChainFileTests {
    static let commands = ["verify", "events", "replay"]

    @Test func aMissingFileIsNamed() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let path = workspace.folder.appendingPathComponent("absent.chain").path
        for command in Self.commands {
            let outcome = try workspace.theater([command, path])
            #expect(outcome.failedCleanly && outcome.status == 1, "\(command): \(outcome.transcript)")
            #expect(outcome.standardError.contains("no chain file at \(path)"), "\(command): \(outcome.transcript)")
        }
    }

    @Test func anEmptyFileIsAnEmptyChainThatCannotBeReplayed() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        // The format reads an empty file as a chain whose header write never landed (a torn tail).
        let path = try workspace.write([], to: "empty.chain")
        let verify = try workspace.theater(["verify", path])
        #expect(verify.status == 0, "\(verify.transcript)")
        #expect(verify.standardOutput == "chain verified: 0 events, head none\n")
        let events = try workspace.theater(["events", path])
        #expect(events.status == 0, "\(events.transcript)")
        #expect(events.standardOutput.isEmpty)
        let replay = try workspace.theater(["replay", path])
        #expect(replay.failedCleanly && replay.status == 1, "\(replay.transcript)")
        #expect(replay.standardError.contains("cannot replay: the chain does not begin with an actor-started event"))
    }

    @Test func randomBytesAreNotAChainFile() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes[0] = 0x42   // never the magic's first byte
        let path = try workspace.write(bytes, to: "random.chain")
        for command in Self.commands {
            let outcome = try workspace.theater([command, path])
            #expect(outcome.failedCleanly && outcome.status == 1, "\(command): \(outcome.transcript)")
            #expect(outcome.standardError.contains("the chain file header (byte 0) is corrupted"), "\(command): \(outcome.transcript)")
            #expect(outcome.standardError.contains("not a chain file"), "\(command): \(outcome.transcript)")
        }
    }

    @Test func aValidHeaderFollowedByRandomBytesIsCorruptAtEventZero() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let header: [UInt8] = [0x89, 0x54, 0x48, 0x43, 0x48, 0x0D, 0x0A, 0x1A, 0x01, 0x00, 0x00, 0x00, 0x96, 0x36, 0x76, 0x8C]
        var generator = SystemRandomNumberGenerator()
        let path = try workspace.write(header + (0..<4096).map { _ in UInt8.random(in: 1...255, using: &generator) },
                                       to: "garbage.chain")
        for command in Self.commands {
            let outcome = try workspace.theater([command, path])
            #expect(outcome.failedCleanly && outcome.status == 1, "\(command): \(outcome.transcript)")
            #expect(outcome.standardError.contains("event 0 (record at byte 16) is corrupted"), "\(command): \(outcome.transcript)")
        }
    }

    @Test func aComponentFileIsNotAChain() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        for command in Self.commands {
            let outcome = try workspace.theater([command, ActorTestWorkspace.echo])
            #expect(outcome.failedCleanly && outcome.status == 1, "\(command): \(outcome.transcript)")
            #expect(outcome.standardError.contains("not a chain file"), "\(command): \(outcome.transcript)")
        }
    }

    @Test func aFolderIsNotAChain() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        for command in Self.commands {
            let outcome = try workspace.theater([command, workspace.folder.path])
            #expect(outcome.failedCleanly && outcome.status == 1, "\(command): \(outcome.transcript)")
            #expect(outcome.standardError.contains(workspace.folder.path), "\(command): \(outcome.transcript)")
        }
    }
}
