import Foundation
import Testing

/// A chain file with one damaged byte: `theater verify` must fail naming the damaged event
/// (or the header), `theater replay` must refuse it with a clear message, and neither may
/// crash or hang. The damage is placed at a spread of offsets covering the header and, in
/// every record, the length, its check, the body's fields, the stored hash and the marker.
@Suite struct DamagedChainCommandTests {
    /// A small chain of every kind of event but errors: started, init, a send that logs
    /// (a host call), stopped. Recorded into `workspace`; returns its layout and data dir.
    private func recordSmallChain(_ workspace: ActorTestWorkspace) throws -> ChainFileLayout {
        let recording = try workspace.recordCounter(["--send", "hi"])
        #expect(recording.outcome.status == 0, "\(recording.outcome.transcript)")
        let chain = try #require(recording.chain)
        let layout = try #require(ChainFileLayout(path: chain))
        #expect(layout.records.count == 7)
        return layout
    }

    /// What a verifier must name for damage at `offset`: the header, or the event whose
    /// record holds the offset.
    private func expectedPlace(of offset: Int, in layout: ChainFileLayout) -> String {
        guard let index = layout.records.firstIndex(where: { offset < $0.end }), offset >= ChainFileLayout.headerSize else {
            return "header"
        }
        return "event \(index) (record at byte \(layout.records[index].offset))"
    }

    @Test func flippingAnyByteMakesVerifyNameTheDamagedEvent() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let layout = try recordSmallChain(workspace)
        let offsets = layout.spreadOfOffsets()
        #expect(offsets.count >= 60)
        for offset in offsets {
            let path = try workspace.write(layout.flipping(offset), to: "damaged.chain")
            let outcome = try workspace.theater(["verify", path], timeLimit: 20)
            #expect(outcome.failedCleanly && outcome.status == 1, "offset \(offset): \(outcome.transcript)")
            #expect(outcome.standardOutput.isEmpty, "offset \(offset): \(outcome.transcript)")
            let place = expectedPlace(of: offset, in: layout)
            #expect(outcome.standardError.contains("chain verification failed: "), "offset \(offset): \(outcome.transcript)")
            #expect(outcome.standardError.contains(place), "offset \(offset) should name \(place): \(outcome.transcript)")
        }
    }

    @Test func flippingAnyByteMakesVerifyJSONReportTheSequence() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let layout = try recordSmallChain(workspace)
        for (offset, sequence) in [(3, nil), (layout.records[2].bodyOffset + 20, 2), (layout.records[6].markerOffset, 6)] {
            let path = try workspace.write(layout.flipping(offset), to: "damaged.chain")
            let outcome = try workspace.theater(["verify", path, "--json"], timeLimit: 20)
            #expect(outcome.failedCleanly && outcome.status == 1, "offset \(offset): \(outcome.transcript)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any],
                                        "offset \(offset): \(outcome.transcript)")
            #expect(document["verified"] as? Bool == false)
            #expect(document["sequence"] as? Int == sequence, "offset \(offset): \(document)")
            #expect(document["reason"] is String)
        }
    }

    @Test func flippingAnyByteMakesReplayRefuseTheChain() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let layout = try recordSmallChain(workspace)
        for offset in layout.spreadOfOffsets() {
            let path = try workspace.write(layout.flipping(offset), to: "damaged.chain")
            // The chain is outside the data directory: name it, for the component.
            let outcome = try workspace.theater(["replay", path, "--data-dir", workspace.dataDirectory.path], timeLimit: 20)
            #expect(outcome.failedCleanly, "offset \(offset): \(outcome.transcript)")
            #expect(outcome.standardError.contains("the chain is corrupt: "), "offset \(offset): \(outcome.transcript)")
            #expect(outcome.standardError.contains(expectedPlace(of: offset, in: layout)), "offset \(offset): \(outcome.transcript)")
            #expect(!outcome.standardOutput.contains("replay identical"), "offset \(offset): \(outcome.transcript)")
        }
    }

    @Test func flippingAnyByteMakesEventsFailClearly() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let layout = try recordSmallChain(workspace)
        // One offset in each part of the file is enough here: events reads what verify checks.
        for offset in [1, layout.records[1].offset, layout.records[3].bodyOffset + 30, layout.records[6].markerOffset] {
            let path = try workspace.write(layout.flipping(offset), to: "damaged.chain")
            let outcome = try workspace.theater(["events", path], timeLimit: 20)
            #expect(outcome.failedCleanly, "offset \(offset): \(outcome.transcript)")
            #expect(outcome.standardError.contains("cannot read \(path)"), "offset \(offset): \(outcome.transcript)")
        }
    }
}
