import Foundation
import Testing
@testable import Theater

/// `ConfinedRoot` directly: a folder swapped for a link between resolution and use is
/// refused (the operations walk with `O_NOFOLLOW`), `delete-dir` stops at its depth limit,
/// and the root must be an existing folder.
@Suite struct ConfinedRootTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("theater-confined-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("root/a"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try Data("inside".utf8).write(to: directory.appendingPathComponent("root/a/file.txt"))
        try Data("outside".utf8).write(to: directory.appendingPathComponent("outside/file.txt"))
    }

    var outsideContent: String? {
        try? String(contentsOf: directory.appendingPathComponent("outside/file.txt"), encoding: .utf8)
    }

    @Test func aFolderSwappedForALinkAfterResolutionIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let root = try ConfinedRoot(folder: directory.appendingPathComponent("root"))
        let file = try root.resolve("a/file.txt")
        #expect(try root.readFile(file, limit: 100) == Array("inside".utf8))
        // Swap `a` for a link to the outside folder, as a racing process could.
        try FileManager.default.removeItem(at: directory.appendingPathComponent("root/a"))
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("root/a").path,
                                                   withDestinationPath: "../outside")
        #expect(throws: FilesystemPathError(path: "a/file.txt", reason: .changedWhileInUse)) {
            try root.readFile(file, limit: 100)
        }
        #expect(throws: FilesystemPathError(path: "a/file.txt", reason: .changedWhileInUse)) {
            try root.writeFile(file, Array("overwritten".utf8))
        }
        #expect(throws: FilesystemPathError(path: "a/file.txt", reason: .changedWhileInUse)) {
            try root.deleteFile(file)
        }
        #expect(outsideContent == "outside")
        // Resolved afresh, the path is refused for what it is now.
        #expect(throws: FilesystemPathError(path: "a/file.txt", reason: .linkLeadsOutside(link: "a"))) {
            try root.resolve("a/file.txt")
        }
    }

    @Test func aFileSwappedForALinkAfterResolutionIsNotFollowed() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let root = try ConfinedRoot(folder: directory.appendingPathComponent("root"))
        let file = try root.resolve("a/file.txt")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("root/a/file.txt"))
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("root/a/file.txt").path,
                                                   withDestinationPath: directory.appendingPathComponent("outside/file.txt").path)
        #expect(throws: FilesystemPathError(path: "a/file.txt", reason: .changedWhileInUse)) {
            try root.writeFile(file, Array("overwritten".utf8))
        }
        #expect(throws: FilesystemPathError(path: "a/file.txt", reason: .changedWhileInUse)) {
            try root.readFile(file, limit: 100)
        }
        #expect(outsideContent == "outside")
    }

    @Test func deleteDirStopsAtItsDepthLimit() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let root = try ConfinedRoot(folder: directory.appendingPathComponent("root"))
        let shallow = (0..<ConfinedRoot.maximumDeleteDepth).map { _ in "s" }.joined(separator: "/")
        let deep = (0...ConfinedRoot.maximumDeleteDepth).map { _ in "d" }.joined(separator: "/")
        for path in [shallow, deep] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("root/" + path),
                                                    withIntermediateDirectories: true)
        }
        try root.deleteFolder(root.resolve("s"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("root/s").path))
        #expect(throws: FilesystemPathError(path: "d", reason: .nestedTooDeeply(limit: ConfinedRoot.maximumDeleteDepth))) {
            try root.deleteFolder(root.resolve("d"))
        }
    }

    @Test func theRootMustBeAnExistingFolder() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing")
        #expect(throws: FilesystemRootError(path: missing.path,
                                            problem: "does not exist; create it, or use new_dir = true for a fresh folder")) {
            try ConfinedRoot(folder: missing)
        }
        let file = directory.appendingPathComponent("root/a/file.txt")
        #expect(throws: FilesystemRootError(path: file.path, problem: "is not a folder; the filesystem handler needs a folder")) {
            try ConfinedRoot(folder: file)
        }
        // A root reached through a link is used by its real path, and absolute paths may
        // spell it either way.
        let alias = directory.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(atPath: alias.path, withDestinationPath: "root")
        let root = try ConfinedRoot(folder: alias)
        #expect(root.path == directory.appendingPathComponent("root").resolvingSymlinksInPath().path)
        #expect(try root.resolve(alias.path + "/a/file.txt").components == ["a", "file.txt"])
        #expect(try root.resolve(root.path + "/a/file.txt").components == ["a", "file.txt"])
    }
}
