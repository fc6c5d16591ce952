import ComponentModel
import Foundation
@testable import Theater

/// Real chains for the chain tests: one event of every type, written to a file in a
/// fresh temporary directory.
enum ChainFixture {
    /// A new empty directory under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("theater-chain-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One recorded event of every kind, with realistic contents.
    static let recordedEvents: [RecordedEvent] = [
        .actorStarted(ActorStartRecord(
            actorID: "7f3c2a10-0000-4000-8000-000000000001", name: "counter",
            manifest: "name = \"counter\"\ncomponent = \"counter.wasm\"\n", componentHash: String(repeating: "ab", count: 32),
            initialState: Array("{\"count\":0}".utf8), grants: ["runtime", "message-server"], randomSeed: 42, parentID: nil,
            environment: ["COUNTER_DIR": "/srv/counter", "HOME": "/home/ada"])),
        .exportCall(function: "handle-send", arguments: [ComponentValue.byteList(Array("hello".utf8))]),
        .hostCall(interface: "ntwk:theater/runtime", function: "log", arguments: [.string("got hello")], results: []),
        .exportReturn(function: "handle-send", outcome: .ok(
            stateHash: ChainHash.sha256(Array("{\"count\":1}".utf8)), stateSize: 11, result: nil)),
        .actorError(kind: "fuel", message: "fuel exhausted after 1000000 units in handle-send"),
        .actorStopped(reason: "stopped by the runtime"),
    ]

    /// The chain events of `recordedEvents`, linked, at timestamps 1_700_000_000_000 + i.
    static func chainEvents(_ recorded: [RecordedEvent] = recordedEvents) -> [ChainEvent] {
        var linker = ChainLinker()
        return recorded.enumerated().map { linker.append($0.element, timestamp: 1_700_000_000_000 + UInt64($0.offset)) }
    }

    /// Writes `events` to a new chain file `name` in `directory`.
    @discardableResult
    static func writeChain(_ events: [ChainEvent], in directory: URL, name: String = "actor.chain") throws -> URL {
        let url = directory.appendingPathComponent(name)
        let writer = try ChainWriter.create(at: url)
        for event in events { try writer.append(event) }
        try writer.close()
        return url
    }

    /// The byte ranges of the header and of each record of a chain file of `events`,
    /// computed from the format, not from the parser.
    /// The fixture chain written to a file in a fresh folder, with its bytes and record
    /// ranges: what the corruption and torn-tail tests damage.
    struct WrittenChain {
        let directory: URL
        let events: [ChainEvent]
        let bytes: [UInt8]
        let ranges: [Range<Int>]
    }

    /// Writes `chainEvents()` to a fresh folder (the caller removes `directory`).
    static func writtenChain() throws -> WrittenChain {
        let directory = try temporaryDirectory()
        let events = chainEvents()
        let url = try writeChain(events, in: directory)
        return WrittenChain(directory: directory, events: events, bytes: try Array(Data(contentsOf: url)),
                            ranges: recordRanges(events))
    }

    static func recordRanges(_ events: [ChainEvent]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var offset = 16
        for event in events {
            let length = 8 + event.canonicalLength + 32 + 1
            ranges.append(offset..<(offset + length))
            offset += length
        }
        return ranges
    }

    /// The record bytes (no header) of `events`, written by a real writer.
    static func recordBytes(_ events: [ChainEvent]) throws -> [UInt8] {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try writeChain(events, in: directory)
        return Array(try Data(contentsOf: url).dropFirst(ChainFileFormat.headerSize))
    }
}
