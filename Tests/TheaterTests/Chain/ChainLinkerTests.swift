import Testing
@testable import Theater

/// Events, their canonical encoding and the links `ChainLinker` makes between them.
@Suite struct ChainLinkerTests {
    @Test func canonicalBytesFollowTheDocumentedLayout() throws {
        let parent = try #require(ChainHash(bytes: [UInt8](repeating: 0xAA, count: 32)))
        let bytes = ChainEvent.canonicalBytes(sequence: 0x0102, parentHash: parent, timestamp: 0x0A0B, type: "ab", payload: [9, 8, 7])
        let expected: [UInt8] = [1] + [0x02, 0x01, 0, 0, 0, 0, 0, 0] + [1] + [UInt8](repeating: 0xAA, count: 32)
            + [0x0B, 0x0A, 0, 0, 0, 0, 0, 0] + [2, 0, 0, 0, 0x61, 0x62] + [3, 0, 0, 0, 9, 8, 7]
        #expect(bytes == expected)
        let first = ChainEvent.canonicalBytes(sequence: 0, parentHash: nil, timestamp: 0, type: "", payload: [])
        #expect(first == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func eachEventLinksToThePreviousOneAndHashesItsCanonicalBytes() {
        let events = ChainFixture.chainEvents()
        for (index, event) in events.enumerated() {
            #expect(event.sequence == UInt64(index))
            #expect(event.parentHash == (index == 0 ? nil : events[index - 1].hash))
            let canonical = ChainEvent.canonicalBytes(
                sequence: event.sequence, parentHash: event.parentHash, timestamp: event.timestamp, type: event.type, payload: event.payload)
            #expect(event.hash == ChainHash.sha256(canonical))
            #expect(event == ChainEvent(sequence: event.sequence, parentHash: event.parentHash, timestamp: event.timestamp,
                                        type: event.type, payload: event.payload))
        }
        #expect(Set(events.map(\.hash)).count == events.count)
    }

    @Test func continuingAfterAnEventGivesTheSameChainAsNeverStopping() {
        let events = ChainFixture.chainEvents()
        var resumed = ChainLinker(continuingAfter: events[2])
        #expect(resumed.head == events[2].hash)
        #expect(resumed.nextSequence == 3)
        let rest = ChainFixture.recordedEvents[3...].enumerated().map {
            resumed.append($0.element, timestamp: 1_700_000_000_003 + UInt64($0.offset))
        }
        #expect(Array(events[3...]) == rest)
    }

    @Test func changingAnyFieldChangesTheHash() throws {
        let base = ChainEvent(sequence: 5, parentHash: ChainHash.sha256([1]), timestamp: 100, type: "export-call", payload: [1, 2])
        let variants = [
            ChainEvent(sequence: 6, parentHash: base.parentHash, timestamp: 100, type: "export-call", payload: [1, 2]),
            ChainEvent(sequence: 5, parentHash: ChainHash.sha256([2]), timestamp: 100, type: "export-call", payload: [1, 2]),
            ChainEvent(sequence: 5, parentHash: nil, timestamp: 100, type: "export-call", payload: [1, 2]),
            ChainEvent(sequence: 5, parentHash: base.parentHash, timestamp: 101, type: "export-call", payload: [1, 2]),
            ChainEvent(sequence: 5, parentHash: base.parentHash, timestamp: 100, type: "export-cal", payload: [1, 2]),
            ChainEvent(sequence: 5, parentHash: base.parentHash, timestamp: 100, type: "export-call", payload: [1, 3]),
            // Moving a byte between type and payload must not give the same hash.
            ChainEvent(sequence: 5, parentHash: base.parentHash, timestamp: 100, type: "export-call\u{1}", payload: [2]),
        ]
        for variant in variants { #expect(variant.hash != base.hash) }
    }
}
