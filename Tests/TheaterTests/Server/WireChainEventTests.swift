import Foundation
import Testing
@testable import Theater

/// A recorded chain event goes on the wire with its hashes, payload and summary unchanged,
/// and comes back as the same wire event.
@Suite struct WireChainEventTests {
    @Test func aRecordedEventKeepsItsHashesPayloadAndSummaryOnTheWire() throws {
        var linker = ChainLinker()
        let first = linker.append(type: "actor-stopped", payload: RecordedEvent.actorStopped(reason: "done").payloadBytes(),
                                  timestamp: 42)
        let second = linker.append(type: "supervision",
                                   payload: RecordedEvent.supervision(action: "child-failed", childID: "c", detail: "trap")
                                       .payloadBytes(), timestamp: 43)
        let wire = WireChainEvent(second)
        #expect(wire.hash == second.hash.bytes)
        #expect(wire.parentHash == first.hash.bytes)
        #expect(wire.eventType == "supervision")
        #expect(wire.data == second.payload)
        #expect(wire.timestamp == 43)
        #expect(wire.description == "child-failed c: trap")
        #expect(WireChainEvent(first).parentHash == nil)
        let response = ManagementResponse.actorEvent(event: wire)
        #expect(try ManagementResponse.decode(response.encoded()) == response)
    }
}
