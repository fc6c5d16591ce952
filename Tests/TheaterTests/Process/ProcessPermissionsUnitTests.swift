import Foundation
import Testing
@testable import Theater

/// `ProcessPermissions` without an actor: program lookup and matching, working folders
/// resolved with symlinks followed.
@Suite struct ProcessPermissionsUnitTests {
    private let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("theater-permissions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tools"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("tools/my-echo").path,
                                                   withDestinationPath: "/bin/echo")
        try Data("not executable".utf8).write(to: folder.appendingPathComponent("tools/plain"))
    }

    @Test func programsResolveOnThePathOrAgainstTheManifestFolder() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let open = ProcessPermissions(config: ProcessConfig(), manifestDirectory: folder, searchPath: ["/usr/bin", "/bin"])
        #expect(try open.program("echo") == "/usr/bin/echo")
        #expect(try open.program("./tools/my-echo") == folder.appendingPathComponent("tools/my-echo").path)
        #expect(throws: ProcessSpawnError.programNotFound("./tools/plain")) { try open.program("./tools/plain") }
        #expect(throws: ProcessSpawnError.programNotFound("tools")) { try open.program("tools") }
        // A symlink to an allowed program is the allowed program.
        let echoOnly = ProcessPermissions(config: ProcessConfig(allowedPrograms: ["echo"]), manifestDirectory: folder,
                                          searchPath: ["/usr/bin"])
        #expect(try echoOnly.program("tools/my-echo") == folder.appendingPathComponent("tools/my-echo").path)
        #expect(throws: ProcessSpawnError.self) { try echoOnly.program("cat") }
    }

    @Test func allowedRootsAreResolvedAndMissingOnesAllowNothing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let permissions = ProcessPermissions(config: ProcessConfig(allowedPaths: ["tools", "missing", "/tmp/../tmp"]),
                                             manifestDirectory: folder)
        let real = try #require(ProcessPermissions.realPath(folder.path))
        #expect(permissions.allowedRoots == [real + "/tools", ProcessPermissions.realPath("/tmp")!])
        #expect(try permissions.workingDirectory(nil) == real + "/tools")
        #expect(throws: ProcessSpawnError.self) { try permissions.workingDirectory("missing") }
        #expect(throws: ProcessSpawnError.self) { try permissions.workingDirectory("tools/plain") }
    }
}
