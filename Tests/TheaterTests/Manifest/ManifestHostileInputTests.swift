import Foundation
import Testing
import Theater

/// Input that is not a manifest at all must give an error, never a crash or a hang.
@Suite struct ManifestHostileInputTests {
    @Test func tenMegabyteFileIsRejectedBeforeParsing() throws {
        let folder = try ManifestFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("manifest.toml")
        try Data(repeating: UInt8(ascii: "a"), count: 10 << 20).write(to: path)
        do {
            _ = try ActorManifest.load(path: path.path, environment: [:])
            Issue.record("a 10 MB file loaded")
        } catch {
            #expect(error.message.contains("may be at most"))
            #expect(error.line == nil)
        }
    }

    @Test func tenMegabyteTextIsRejected() {
        let text = "name = \"" + String(repeating: "x", count: 10 << 20) + "\"\n"
        #expect(ManifestFixture.error(text)?.message.contains("may be at most") == true)
    }

    @Test func binaryGarbageFileIsNotUTF8() throws {
        let folder = try ManifestFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("manifest.toml")
        var generator = SystemRandomNumberGenerator()
        let garbage = Data("name = \"a\"\n".utf8) + Data([0xFF, 0xFE] + (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try garbage.write(to: path)
        do {
            _ = try ActorManifest.load(path: path.path, environment: [:])
            Issue.record("garbage loaded")
        } catch {
            #expect(error.line == 2)
            #expect(error.message.contains("not UTF-8"))
        }
    }

    @Test(arguments: 0..<40)
    func randomBytesAsTextNeverCrash(seed: Int) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        var bytes: [UInt8] = []
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Mostly TOML punctuation, so that the scanner and parser go deep.
            let alphabet = Array("[]{}=\"',.#\n abc1-_$\\".utf8)
            bytes.append(alphabet[Int(state >> 33) % alphabet.count])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(ManifestFixture.error(text) != nil)
    }

    @Test func nulByteIsRejectedWithItsLine() {
        let error = ManifestFixture.error("name = \"a\"\ncomponent = \"a\u{0}b.wasm\"\n")
        #expect(error?.line == 2)
        #expect(error?.message.contains("NUL") == true)
    }

    @Test func nulEscapeIsRejected() {
        let error = ManifestFixture.error("name = \"a\"\n\"\\u0000\" = 1\ncomponent = \"a.wasm\"\n")
        #expect(error?.line == 2)
    }

    @Test func deeplyNestedArraysAreAnError() {
        let depth = 100_000
        let text = ManifestFixture.minimal + "x = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let error = ManifestFixture.error(text)
        #expect(error?.line == 4)
        #expect(error?.message.contains("nesting deeper") == true, "\(String(describing: error))")
    }

    @Test func deeplyNestedInlineTablesAreAnError() {
        let depth = 50_000
        let text = ManifestFixture.minimal + "x = " + String(repeating: "{a = ", count: depth) + "1" + String(repeating: "}", count: depth) + "\n"
        #expect(ManifestFixture.error(text)?.message.contains("nesting deeper") == true)
    }

    @Test func longDottedKeysAreAnError() {
        let text = ManifestFixture.minimal + Array(repeating: "a", count: 200_000).joined(separator: ".") + " = 1\n"
        #expect(ManifestFixture.error(text)?.message.contains("nesting deeper") == true)
    }

    @Test func deepTableHeaderIsAnError() {
        let text = ManifestFixture.minimal + "[" + Array(repeating: "t", count: 100).joined(separator: ".") + "]\n"
        let error = ManifestFixture.error(text)
        #expect(error?.line == 4)
    }

    @Test func hugeIntegersAreErrors() {
        #expect(ManifestFixture.error(ManifestFixture.minimal + "[limits]\nstate_size = 1" + String(repeating: "0", count: 5000) + "\n")?.line == 5)
        #expect(ManifestFixture.error(ManifestFixture.minimal + "[limits]\nstate_size = -9223372036854775808\n")?.field == "limits.state_size")
        #expect(ManifestFixture.error(ManifestFixture.minimal + "[limits]\nstate_size = inf\n")?.field == "limits.state_size")
    }

    @Test func manyHandlersStayFast() {
        var text = ManifestFixture.minimal
        for _ in 0..<5000 { text += "[[handler]]\ntype = \"runtime\"\n" }
        let error = ManifestFixture.error(text)
        #expect(error?.field == "handler[1].type")
    }

    @Test func missingAndFolderPaths() throws {
        let folder = try ManifestFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, advice) in [(folder.appendingPathComponent("nope.toml").path, "no such file"), (folder.path, "is a folder")] {
            do {
                _ = try ActorManifest.load(path: path, environment: [:])
                Issue.record("\(path) loaded")
            } catch {
                #expect(error.file == path)
                #expect(error.message.contains(advice))
            }
        }
    }
}
