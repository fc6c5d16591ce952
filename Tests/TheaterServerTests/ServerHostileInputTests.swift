import Foundation
import Testing
import Theater
import TheaterServer

/// Hostile input to `ManagementServer`: each bad frame gets an `Error` (the connection
/// goes on) or, when the framing is lost, a closed connection; other clients are served.
@Suite(.serialized) struct ServerHostileInputTests {
    @Test func aFrameOfNonJSONGetsAnErrorAndTheConnectionGoesOn() async throws {
        let harness = try await ServerHarness()
        let client = try harness.client()
        try await client.writeRaw(FrameCodec.prefixed(Array("this is not json".utf8)))
        guard case .error(.serializationError(let text)) = try await client.receive() else {
            Issue.record("non-JSON did not answer SerializationError"); return
        }
        #expect(!text.isEmpty)
        #expect(try await client.call(.listActors) == .actorList(actors: []))
        await harness.close()
    }

    @Test func anUnknownCommandOrWrongFieldTypeGetsAnError() async throws {
        let harness = try await ServerHarness()
        let client = try harness.client()
        for message in [#""Explode""#, #"{"StopActor":{"id":7}}"#, #"{"SendActorMessage":{"id":"x","data":[1]}}"#] {
            let frame = ManagementFrame.complete(Array(message.utf8)).encoded()
            try await client.writeRaw(FrameCodec.prefixed(frame))
            guard case .error = try await client.receive() else { Issue.record("\(message) did not answer Error"); return }
        }
        #expect(try await client.call(.listActors) == .actorList(actors: []))
        await harness.close()
    }

    @Test func aLengthOverTheLimitClosesTheConnectionAndOthersAreServed() async throws {
        let harness = try await ServerHarness()
        let hostile = try harness.client()
        let length = UInt32(FrameCodec.maxFrameLength + 1)
        try await hostile.writeRaw([UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)])
        #expect(try await hostile.closedByServer())
        let other = try harness.client()
        #expect(try await other.call(.listActors) == .actorList(actors: []))
        await harness.close()
    }

    @Test func aClientSendingOneByteAtATimeIsServed() async throws {
        let harness = try await ServerHarness()
        let slow = try harness.client()
        var codec = FrameCodec()
        let frames = codec.encode(ManagementCommand.listActors.encoded()).joined()
        for byte in frames {
            try await slow.writeRaw([byte])
            try await Task.sleep(nanoseconds: 2_000_000)
        }
        #expect(try await slow.receive() == .actorList(actors: []))
        await harness.close()
    }

    @Test func aClientLeavingMidFrameDoesNotHurtOthers() async throws {
        let harness = try await ServerHarness()
        do {
            let leaving = try harness.client()
            try await leaving.writeRaw([0, 0, 1, 0, 1, 2, 3])
        }
        let other = try harness.client()
        #expect(try await other.call(.listActors) == .actorList(actors: []))
        await harness.close()
    }

    @Test func aLengthWithNoBodyStallsOnlyItsOwnConnection() async throws {
        let harness = try await ServerHarness()
        let stalled = try harness.client()
        try await stalled.writeRaw([0, 0, 0, 100])  // promises 100 bytes, sends none
        let slow = try harness.client()
        var codec = FrameCodec()
        let frames = codec.encode(ManagementCommand.listActors.encoded()).joined()
        // While one connection waits for a body and another trickles, a third is served.
        let other = try harness.client()
        for (index, byte) in frames.enumerated() {
            try await slow.writeRaw([byte])
            if index == frames.count / 2 {
                #expect(try await other.call(.listActors) == .actorList(actors: []))
            }
        }
        #expect(try await slow.receive() == .actorList(actors: []))
        // The promised body arrives at last: the stalled connection is answered too.
        var body = Array(#"{"Complete":"#.utf8)
        let command = ManagementCommand.listActors.encoded()
        body += Array("[\(command.map(String.init).joined(separator: ","))]}".utf8)
        let padded = body + [UInt8](repeating: UInt8(ascii: " "), count: max(0, 100 - body.count))
        try #require(padded.count == 100, "the test's frame must be exactly 100 bytes")
        try await stalled.writeRaw(padded)
        #expect(try await stalled.receive() == .actorList(actors: []))
        await harness.close()
    }
}
