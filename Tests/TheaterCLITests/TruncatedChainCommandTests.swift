import Foundation
import Testing

/// A chain file cut short, as a crash mid-write leaves it: `theater verify` keeps the whole
/// records before the cut (a torn tail is not corruption), and `theater replay` replays the
/// prefix or refuses clearly; never a crash or a hang.
@Suite struct TruncatedChainCommandTests {
    private func recordCounter(_ workspace: ActorTestWorkspace) throws -> ChainFileLayout {
        let recording = try workspace.recordCounter(ActorTestWorkspace.counterMessages)
        #expect(recording.outcome.status == 0, "\(recording.outcome.transcript)")
        let chain = try #require(recording.chain)
        return try #require(ChainFileLayout(path: chain))
    }

    /// Cuts inside the header, at every record boundary, and inside each part of records.
    private func cuts(in layout: ChainFileLayout) -> [Int] {
        var sizes = [0, 1, 8, 15, ChainFileLayout.headerSize]
        for record in layout.records {
            sizes += [record.offset + 2, record.checkOffset + 1, record.bodyOffset + 5, record.hashOffset + 10,
                      record.markerOffset, record.end]
        }
        return sizes
    }

    @Test func verifyKeepsTheWholeRecordsBeforeTheCut() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let layout = try recordCounter(workspace)
        for size in cuts(in: layout) {
            let path = try workspace.write(Array(layout.bytes.prefix(size)), to: "cut.chain")
            let outcome = try workspace.theater(["verify", path], timeLimit: 20)
            #expect(outcome.status == 0, "cut at \(size): \(outcome.transcript)")
            let kept = layout.wholeRecords(before: size)
            let report = try #require(ChainReport.countAndHead(outcome.standardOutput, prefix: "chain verified: "),
                                      "cut at \(size): \(outcome.transcript)")
            #expect(report.count == kept, "cut at \(size)")
            #expect(report.head == (kept == 0 ? "none" : layout.hash(of: kept - 1)), "cut at \(size)")
            // Whatever follows the last whole record is reported as a torn tail.
            let tornBytes = size - (kept == 0 ? min(size, ChainFileLayout.headerSize) : layout.records[kept - 1].end)
            if size > ChainFileLayout.headerSize && tornBytes > 0 {
                #expect(outcome.standardError.contains("a torn tail of \(tornBytes) bytes"), "cut at \(size): \(outcome.transcript)")
            }
        }
    }

    @Test func eventsListsTheWholeRecordsOfACutChain() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let layout = try recordCounter(workspace)
        for record in [layout.records[1], layout.records[6], layout.records[12]] {
            let path = try workspace.write(Array(layout.bytes.prefix(record.bodyOffset + 3)), to: "cut.chain")
            let outcome = try workspace.theater(["events", path], timeLimit: 20)
            #expect(outcome.status == 0, "cut in record at \(record.offset): \(outcome.transcript)")
            let sequences = outcome.standardOutput.split(separator: "\n").compactMap { $0.split(separator: " ").first.flatMap { Int($0) } }
            #expect(sequences == Array(0..<layout.wholeRecords(before: record.offset + 1)), "\(outcome.transcript)")
        }
    }

    @Test func verifyAcceptsZerosAfterTheLastWholeRecord() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let layout = try recordCounter(workspace)
        // A power cut can leave the end of a write as zeros instead of the bytes.
        let record = layout.records[7]
        let bytes = Array(layout.bytes.prefix(record.bodyOffset + 30)) + [UInt8](repeating: 0, count: 200)
        let path = try workspace.write(bytes, to: "zeros.chain")
        let outcome = try workspace.theater(["verify", path])
        #expect(outcome.status == 0, "\(outcome.transcript)")
        #expect(ChainReport.countAndHead(outcome.standardOutput, prefix: "chain verified: ")?.count == 7)
    }

    @Test func replayOfACutChainReplaysThePrefixOrRefusesClearly() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let layout = try recordCounter(workspace)
        // A cut between messages or inside a call (a run killed while the actor worked)
        // leaves a record that ends without actor-stopped: its prefix replays identically.
        for size in cuts(in: layout) {
            let path = try workspace.write(Array(layout.bytes.prefix(size)), to: "cut.chain")
            let outcome = try workspace.theater(["replay", path, "--data-dir", workspace.dataDirectory.path], timeLimit: 20)
            let kept = layout.wholeRecords(before: size)
            #expect(!outcome.endedBySignal && !outcome.timedOut, "cut at \(size): \(outcome.transcript)")
            if kept == 0 {
                #expect(outcome.status == 1, "cut at \(size): \(outcome.transcript)")
                #expect(outcome.standardError.contains("the chain does not begin with an actor-started event"),
                        "cut at \(size): \(outcome.transcript)")
            } else {
                #expect(outcome.status == 0, "cut at \(size), \(kept) events: \(outcome.transcript)")
                let report = ChainReport.countAndHead(outcome.standardOutput, prefix: "replay identical: ")
                #expect(report?.count == kept, "cut at \(size): \(outcome.transcript)")
                #expect(report?.head == layout.hash(of: kept - 1), "cut at \(size)")
            }
        }
    }
}
