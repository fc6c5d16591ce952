import ComponentModel
import Foundation
import Testing
@testable import Theater

/// `runtime.get-chain` from a component-text actor (`TestActors.chainReader`): the actor
/// gets its own events so far, the same ones (types, short hashes, links, data) that its
/// chain file holds, in a run that replays identically.
@Suite(.timeLimit(.minutes(1))) struct RuntimeChainTests {
    /// One `meta-event` as the chain reader encodes it.
    private struct MetaEvent: Equatable {
        let hash: UInt64
        let parent: UInt64?
        let dataLength: Int
        let type: String
    }

    private static func decode(_ bytes: [UInt8]) throws -> [MetaEvent] {
        var events: [MetaEvent] = []
        var at = 0
        func integer(_ offset: Int, _ size: Int) -> UInt64 {
            bytes[(at + offset)..<(at + offset + size)].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
        while at < bytes.count {
            try #require(bytes.count - at >= 25, "a truncated meta-event at \(at)")
            let typeLength = Int(integer(21, 4))
            try #require(bytes.count - at - 25 >= typeLength, "a truncated event type at \(at)")
            events.append(MetaEvent(hash: integer(0, 8), parent: bytes[at + 8] == 1 ? integer(9, 8) : nil,
                                    dataLength: Int(integer(17, 4)),
                                    type: String(decoding: bytes[(at + 25)..<(at + 25 + typeLength)], as: UTF8.self)))
            at += 25 + typeLength
        }
        return events
    }

    /// What `get-chain` should say of a chain file's event: hashes shortened to their first
    /// 8 bytes (big-endian).
    private static func expected(_ event: ChainEvent) -> MetaEvent {
        func short(_ hash: ChainHash) -> UInt64 { hash.bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        return MetaEvent(hash: short(event.hash), parent: event.parentHash.map(short), dataLength: event.payload.count,
                         type: event.type)
    }

    @Test func getChainReturnsTheActorsOwnEventsSoFar() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("chain-reader", component: TestActors.chainReader.encoded(),
                                             handlers: ["runtime", "message-server"], initialState: "s")
        let first = try Self.decode(try await scenario.request(actor, Array("first".utf8)))
        // actor-started, init's call and return, this request's call, its log.
        #expect(first.map(\.type) == ["actor-started", "export-call", "export-return", "export-call", "host-call"])
        let second = try Self.decode(try await scenario.request(actor, Array("second".utf8)))
        // The first list, then get-chain itself, the first request's return, this call, its log.
        #expect(second.count == first.count + 4)
        #expect(Array(second.prefix(first.count)) == first)

        let chain = try ChainReader.read(at: try #require(actor.chainURL)).events
        #expect(second == chain.prefix(second.count).map(Self.expected))
        // The event after each list is the get-chain call that returned it.
        for count in [first.count, second.count] {
            guard case .hostCall("ntwk:theater/runtime", "get-chain", _, _) = try chain[count].decoded() else {
                Issue.record("event \(count) should be the get-chain call, got \(chain[count].type)")
                continue
            }
        }
        #expect(first[0].parent == nil)
        #expect(zip(second.dropFirst(), second).allSatisfy { $0.parent == $1.hash })
        #expect(scenario.logs.all == ["chain-reader: first", "chain-reader: second"])
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
