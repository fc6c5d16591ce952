import Foundation
import Testing
@testable import Theater

/// The worked example in docs/chain-format.md is what this build writes: its event hashes
/// and its hex dump are checked against a chain built here, so the specification cannot
/// drift from the code.
@Suite struct ChainFormatExampleTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/chain-format.md")

    /// The example's three events.
    static func exampleEvents() -> [ChainEvent] {
        let emptyHash = ChainHash.sha256([UInt8]()).hex
        let recorded: [RecordedEvent] = [
            .actorStarted(ActorStartRecord(actorID: "a1", name: "demo", manifest: "name = \"demo\"\n",
                                           componentHash: emptyHash, initialState: nil, grants: ["runtime"],
                                           randomSeed: 7, parentID: nil)),
            .exportCall(function: "handle-send", arguments: [.bytes(Array("hi".utf8))]),
            .actorStopped(reason: "stopped by the runtime"),
        ]
        var linker = ChainLinker()
        return recorded.enumerated().map { linker.append($0.element, timestamp: 1_767_225_600_000 + UInt64($0.offset)) }
    }

    /// `hexdump -C`-like lines without the ASCII column, as the document shows them.
    static func dump(_ bytes: [UInt8]) -> String {
        stride(from: 0, to: bytes.count, by: 16).map { offset in
            let line = bytes[offset..<min(offset + 16, bytes.count)].map { String(format: "%02x", $0) }
            return String(format: "%08x  ", offset) + line.joined(separator: " ")
        }.joined(separator: "\n")
    }

    @Test func documentShowsTheHashesThisBuildComputes() throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        for event in Self.exampleEvents() {
            #expect(text.contains(event.hash.hex), "docs/chain-format.md lacks the hash of event \(event.sequence): \(event.hash.hex)")
        }
    }

    @Test func documentShowsTheFileThisBuildWrites() throws {
        let directory = try ChainFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try ChainFixture.writeChain(Self.exampleEvents(), in: directory)
        let bytes = [UInt8](try Data(contentsOf: url))
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let dump = Self.dump(bytes)
        if let path = ProcessInfo.processInfo.environment["THEATER_WRITE_CHAIN_EXAMPLE"] {
            try (dump + "\n" + Self.exampleEvents().map(\.hash.hex).joined(separator: "\n") + "\n")
                .write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(text.contains(dump), "docs/chain-format.md's hex dump differs from the file this build writes:\n\(dump)")
    }
}
