import ComponentModel
import Foundation
import Testing
@testable import Theater

/// `RecordedEvent`: typed payloads round-trip through their canonical bytes, hostile
/// payloads give errors, and the summaries and JSON read well.
@Suite struct RecordedEventTests {
    static let everyPayload: [RecordedEvent] = ChainFixture.recordedEvents + [
        .actorStarted(ActorStartRecord(
            actorID: "child-1", name: "", manifest: "", componentHash: "", initialState: [], grants: [],
            randomSeed: UInt64.max, parentID: "parent-0")),
        .actorStarted(ActorStartRecord(
            actorID: "a", name: "n", manifest: "m", componentHash: "h", initialState: nil, grants: ["x"], randomSeed: 0, parentID: nil)),
        .exportCall(function: "init", arguments: []),
        .exportCall(function: "handle-request", arguments: ChainValueCodecTests.everyKind),
        .exportReturn(function: "init", outcome: .ok(stateHash: nil, stateSize: 0, result: nil)),
        .exportReturn(function: "handle-request", outcome: .ok(
            stateHash: ChainHash.sha256([1]), stateSize: 1, result: .tuple([.option(.list([.u8(1)]))]))),
        .exportReturn(function: "handle-send", outcome: .failed(message: "unknown command")),
        .exportReturn(function: "handle-send", outcome: .trapped(message: "wasm trap: unreachable")),
        .hostCall(interface: "wasi:random/random@0.2.0", function: "get-random-bytes", arguments: [.u64(4)],
                  results: [ComponentValue.byteList([0xDE, 0xAD, 0xBE, 0xEF])]),
        .hostCall(interface: "i", function: "f", arguments: [], results: [.u32(1), .string("two")]),
        .actorError(kind: "", message: ""),
        .actorStopped(reason: "shutdown requested by actor"),
        .exportReturn(function: "handle-send",
                      outcome: .interrupted(fuel: 30_000_000, message: "the call ran past its deadline of 400 ms (call_deadline_ms)")),
        .supervision(action: "child-restarted", childID: "c-1", detail: "incarnation 1 (one-for-one: c-1 ended)"),
        .supervision(action: "gave-up", childID: "", detail: ""),
    ]

    @Test(arguments: everyPayload)
    func everyPayloadRoundTrips(_ event: RecordedEvent) throws {
        let payload = event.payloadBytes()
        #expect(payload.first == RecordedEvent.payloadVersion)
        #expect(try RecordedEvent(type: event.typeName, payload: payload) == event)
        var linker = ChainLinker()
        #expect(try linker.append(event, timestamp: 5).decoded() == event)
    }

    @Test func typeNamesAreTheDocumentedOnes() {
        #expect(ChainFixture.recordedEvents.map(\.typeName)
                == ["actor-started", "export-call", "host-call", "export-return", "actor-error", "actor-stopped"])
    }

    @Test func unknownTypesVersionsAndTrailingBytesAreErrors() {
        let stopped = RecordedEvent.actorStopped(reason: "x").payloadBytes()
        #expect(throws: ChainDecodeError(offset: 0, "unknown event type 'message-received' (known: actor-started, export-call, export-return, host-call, actor-error, actor-stopped, supervision)")) {
            try RecordedEvent(type: "message-received", payload: stopped)
        }
        #expect(throws: ChainDecodeError(offset: 0, "unsupported payload version 2 for a 'actor-stopped' event (this build reads version 1)")) {
            try RecordedEvent(type: "actor-stopped", payload: [2] + stopped.dropFirst())
        }
        #expect(throws: ChainDecodeError(offset: 3, "1 unexpected byte(s) after the 'actor-stopped' payload")) {
            try RecordedEvent(type: "actor-stopped", payload: stopped + [0])
        }
        let badOutcome = [UInt8](RecordedEvent.exportReturn(function: "f", outcome: .failed(message: "")).payloadBytes())
        var patched = badOutcome
        patched[3] = 7
        #expect(throws: ChainDecodeError(offset: 3, "unknown export outcome 7 (0 ok, 1 failed, 2 trapped, 3 interrupted)")) {
            try RecordedEvent(type: "export-return", payload: patched)
        }
    }

    @Test(arguments: everyPayload)
    func everyTruncationAndEveryByteChangeIsAnErrorOrAnotherValidPayload(_ event: RecordedEvent) {
        let payload = event.payloadBytes()
        for cut in 0..<payload.count {
            #expect(throws: ChainDecodeError.self) { try RecordedEvent(type: event.typeName, payload: Array(payload[..<cut])) }
        }
        for index in payload.indices {
            for replacement: UInt8 in [0x00, 0x7F, 0x80, 0xFF] where replacement != payload[index] {
                var changed = payload
                changed[index] = replacement
                // Either an error or a different valid event that encodes back to exactly these bytes.
                if let decoded = try? RecordedEvent(type: event.typeName, payload: changed) {
                    #expect(decoded.payloadBytes() == changed)
                }
            }
        }
    }

    @Test func randomPayloadsNeverCrash() {
        var random = DeterministicRandom(seed: 0xE7E27)
        for round in 0..<5_000 {
            let type = RecordedEvent.TypeName.all[round % RecordedEvent.TypeName.all.count]
            let payload = [1] + random.nextBytes(Int.random(in: 0...40, using: &random))
            if let decoded = try? RecordedEvent(type: type, payload: payload) {
                #expect(decoded.payloadBytes() == payload)
            }
        }
    }

    @Test func hugeDeclaredLengthsFailFast() {
        let payload: [UInt8] = [1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]
        for type in RecordedEvent.TypeName.all {
            #expect(throws: ChainDecodeError.self) { try RecordedEvent(type: type, payload: payload) }
        }
        let deepArguments: [UInt8] = [1, 1, 0x66, 1] + Array(Array(repeating: [0x11, 1] as [UInt8], count: 200_000).joined())
        #expect(throws: ChainDecodeError.self) { try RecordedEvent(type: "export-call", payload: deepArguments) }
    }

    @Test func summariesReadAsCalls() {
        let summaries = ChainFixture.recordedEvents.map(\.summary)
        #expect(summaries == [
            "started \"counter\" as 7f3c2a10-0000-4000-8000-000000000001, component sha256 abababababab…, 2 grants, seed 42, init state 11 bytes",
            "handle-send(\"hello\")",
            "ntwk:theater/runtime.log(\"got hello\") -> ()",
            "handle-send -> ok, state 11 bytes (sha256 \(String(ChainHash.sha256(Array("{\"count\":1}".utf8)).hex.prefix(12)))…)",
            "error (fuel): fuel exhausted after 1000000 units in handle-send",
            "stopped: stopped by the runtime",
        ])
        #expect(RecordedEvent.hostCall(interface: "wasi:random/random@0.2.0", function: "get-random-bytes", arguments: [.u64(4)],
                                       results: [ComponentValue.byteList([0xDE, 0xAD, 0xBE, 0xEF])]).summary
                == "wasi:random/random@0.2.0.get-random-bytes(4) -> 0xdeadbeef")
        #expect(RecordedEvent.exportReturn(function: "f", outcome: .failed(message: "no")).summary == "f -> err(\"no\")")
        #expect(RecordedEvent.hostCall(interface: "i", function: "f", arguments: [.record([ComponentField("ok", .enum("none"))])],
                                       results: [.u32(1), .string("two")]).summary
                == "i.f({%ok: %none}) -> (1, \"two\")")
    }

    @Test func longByteListsAreCutWithTheirSize() {
        let text = String(repeating: "abcdefghij", count: 20)
        let summary = RecordedEvent.exportCall(function: "handle-send", arguments: [ComponentValue.byteList(Array(text.utf8))]).summary
        #expect(summary == "handle-send(\"\(text.prefix(80))\"…(200 bytes))")
        let binary = RecordedEvent.exportCall(function: "f", arguments: [ComponentValue.byteList([UInt8](repeating: 0, count: 100))]).summary
        #expect(binary == "f(0x" + String(repeating: "00", count: 40) + "…(100 bytes))")
        #expect(RecordedEvent.exportCall(function: "f", arguments: [ComponentValue.byteList([0x0A, 0x41])]).summary == "f(\"\\nA\")")
    }

    @Test(arguments: everyPayload)
    func jsonObjectsSerialize(_ event: RecordedEvent) throws {
        let object = event.jsonObject()
        #expect(object["type"] as? String == event.typeName)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        #expect(!data.isEmpty)
    }

    @Test func jsonOfAnExportCallIsTyped() throws {
        let event = RecordedEvent.exportCall(function: "handle-send", arguments: [ComponentValue.byteList(Array("hi".utf8)), .f64(.nan)])
        let data = try JSONSerialization.data(withJSONObject: event.jsonObject(), options: [.sortedKeys])
        #expect(String(decoding: data, as: UTF8.self)
                == #"{"arguments":[{"hex":"6869","size":2,"text":"hi","type":"bytes"},{"type":"f64","value":"nan"}],"function":"handle-send","type":"export-call"}"#)
    }

    @Test func chainEventJSONCarriesTheLinksAndTheDecodedPayloadOrTheDecodeError() throws {
        let events = ChainFixture.chainEvents()
        let second = events[1].jsonObject()
        #expect(second["sequence"] as? NSNumber == 1)
        #expect(second["parent_hash"] as? String == events[0].hash.hex)
        #expect((second["event"] as? [String: Any])?["function"] as? String == "handle-send")
        #expect(events[0].jsonObject()["parent_hash"] is NSNull)
        let odd = ChainEvent(sequence: 0, parentHash: nil, timestamp: 0, type: "future-event", payload: [1, 2])
        let object = odd.jsonObject()
        #expect(object["payload_hex"] as? String == "0102")
        #expect((object["decode_error"] as? String)?.contains("unknown event type 'future-event'") == true)
        #expect(try JSONSerialization.data(withJSONObject: object).count > 0)
    }
}
