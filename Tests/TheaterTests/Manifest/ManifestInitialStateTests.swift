import Foundation
import Testing
import Theater

/// `init_state`: a file next to the manifest, or the state written inline.
@Suite struct ManifestInitialStateTests {
    @Test func readsStateFileRelativeToManifest() throws {
        let folder = try ManifestFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{\"count\": 3}".utf8).write(to: folder.appendingPathComponent("state.json"))
        let manifestPath = folder.appendingPathComponent("manifest.toml")
        try Data((ManifestFixture.minimal + "init_state = \"state.json\"\n").utf8).write(to: manifestPath)

        let manifest = try ActorManifest.load(path: manifestPath.path, environment: [:])
        #expect(manifest.initialState == Array("{\"count\": 3}".utf8))
        #expect(manifest.baseDirectory.standardizedFileURL.path == folder.standardizedFileURL.path)
        #expect(manifest.componentURL.path == folder.appendingPathComponent("counter.wasm").standardizedFileURL.path)
        #expect(manifest.fileName == manifestPath.path)
    }

    @Test func inlineJSONIsTakenAsBytes() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + "init_state = '{\"url\": \"http://x/y.json\"}'\n")
        #expect(manifest.initialState == Array("{\"url\": \"http://x/y.json\"}".utf8))
    }

    @Test func inlineTextThatIsNotAFileIsTakenAsBytes() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + "init_state = \"hello\"\n")
        #expect(manifest.initialState == Array("hello".utf8))
    }

    @Test func multiLineInlineState() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + "init_state = \"\"\"\nline one\nline/two.txt\"\"\"\n")
        #expect(manifest.initialState == Array("line one\nline/two.txt".utf8))
    }

    @Test func noInitStateMeansNone() throws {
        #expect(try ManifestFixture.parse(ManifestFixture.minimal).initialState == nil)
    }

    @Test func stateFileLargerThanStateLimitIsRejected() throws {
        let folder = try ManifestFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(repeating: 65, count: 100).write(to: folder.appendingPathComponent("big.txt"))
        let error = catching {
            try ManifestFixture.parse(
                ManifestFixture.minimal + "init_state = \"big.txt\"\n\n[limits]\nstate_size = 10\n", baseDirectory: folder)
        }
        #expect(error?.line == 4)
        #expect(error?.field == "init_state")
        #expect(error?.message.contains("100 bytes, more than limits.state_size (10)") == true, "\(String(describing: error))")
    }

    @Test func inlineStateLargerThanStateLimitIsRejected() {
        let error = ManifestFixture.error(ManifestFixture.minimal + "init_state = \"abcdef\"\n[limits]\nstate_size = 3\n")
        #expect(error?.field == "init_state")
        #expect(error?.message.contains("6 bytes") == true)
    }

    @Test func folderIsRejected() throws {
        let folder = try ManifestFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("state"), withIntermediateDirectories: true)
        let error = catching {
            try ManifestFixture.parse(ManifestFixture.minimal + "init_state = \"state\"\n", baseDirectory: folder)
        }
        #expect(error?.message.contains("is a folder") == true)
    }

    @Test func deviceIsRejectedWithoutReadingIt() {
        let error = ManifestFixture.error(ManifestFixture.minimal + "init_state = \"/dev/zero\"\n")
        #expect(error?.line == 4)
        #expect(error?.message.contains("not a regular file") == true, "\(String(describing: error))")
    }

    private func catching(_ body: () throws -> ActorManifest) -> ManifestError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? ManifestError
        }
    }
}
