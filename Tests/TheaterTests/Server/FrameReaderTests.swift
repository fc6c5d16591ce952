import Testing
@testable import Theater

/// The frame reader cuts frames out of a byte stream however TCP chunks it.
@Suite struct FrameReaderTests {
    static func frames(_ messages: [String]) -> [UInt8] {
        var codec = FrameCodec()
        return messages.flatMap { codec.encode(Array($0.utf8)).joined() }
    }

    /// Reads all complete messages from `reader` (decoding their frames).
    static func drain(_ reader: inout ManagementMessageReader) throws -> [String] {
        var messages: [String] = []
        while let item = try reader.next(now: .now) {
            guard case .message(let bytes) = item else { Issue.record("\(item)"); continue }
            messages.append(String(decoding: bytes, as: UTF8.self))
        }
        return messages
    }

    @Test func completeFrameHasUpstreamShape() {
        var codec = FrameCodec()
        let frames = codec.encode(Array(#""ListActors""#.utf8))
        #expect(frames.count == 1)
        let body = String(decoding: frames[0].dropFirst(4), as: UTF8.self)
        #expect(body == #"{"Complete":[34,76,105,115,116,65,99,116,111,114,115,34]}"#)
        #expect(Array(frames[0].prefix(4)) == [0, 0, 0, UInt8(body.utf8.count)])
    }

    @Test func byteAtATimeDeliveryYieldsEachMessageOnce() throws {
        let messages = [#""ListActors""#, #"{"StopActor":{"id":"x"}}"#, "", String(repeating: "é", count: 1000)]
        var reader = ManagementMessageReader()
        var received: [String] = []
        for byte in Self.frames(messages) {
            reader.append(CollectionOfOne(byte))
            received += try Self.drain(&reader)
        }
        #expect(received == messages)
    }

    @Test func severalFramesInOneChunkAllComeOut() throws {
        let messages = (0..<50).map { "message \($0)" }
        var reader = ManagementMessageReader()
        reader.append(Self.frames(messages))
        #expect(try Self.drain(&reader) == messages)
    }

    @Test func aLengthWithNoBodyJustWaits() throws {
        var reader = FrameReader()
        reader.append([0, 0, 0, 10, 1, 2])
        #expect(try reader.nextFrame() == nil)
        #expect(try reader.nextFrame() == nil)
        reader.append([3, 4, 5, 6, 7, 8, 9, 10])
        #expect(try reader.nextFrame() == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        #expect(reader.bufferedByteCount == 0)
    }

    @Test func aLengthOverThirtyTwoMebibytesIsFatal() throws {
        var reader = FrameReader()
        let length = UInt32(FrameCodec.maxFrameLength + 1)
        reader.append([UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)])
        #expect(throws: FramingError.frameTooLong(length: length, limit: FrameCodec.maxFrameLength)) { try reader.nextFrame() }
        // The stream stays failed even if more (valid) bytes arrive.
        reader.append(Self.frames(["ok"]))
        #expect(throws: FramingError.self) { try reader.nextFrame() }
    }

    @Test func aLengthOfExactlyThirtyTwoMebibytesIsAccepted() throws {
        var reader = FrameReader()
        reader.append(FrameCodec.prefixed([UInt8](repeating: 0x20, count: FrameCodec.maxFrameLength)))
        #expect(try reader.nextFrame()?.count == FrameCodec.maxFrameLength)
    }

    @Test func badFramesAreReportedAndTheStreamGoesOn() throws {
        var reader = ManagementMessageReader()
        reader.append(FrameCodec.prefixed(Array("not json".utf8)))
        reader.append(FrameCodec.prefixed(Array(#"{"Complete":[1,300]}"#.utf8)))
        reader.append(FrameCodec.prefixed(Array(#"{"Partial":[]}"#.utf8)))
        reader.append(FrameCodec.prefixed(Array(#"{"Fragment":{"message_id":1,"fragment_index":0,"total_fragments":2,"data":"!!"}}"#.utf8)))
        reader.append(Self.frames(["fine"]))
        let items = [try reader.next(now: .now), try reader.next(now: .now), try reader.next(now: .now),
                     try reader.next(now: .now), try reader.next(now: .now)]
        #expect(items[0] == .badFrame("bad frame: invalid JSON at byte 0: expected 'null'"))
        #expect(items[1] == .badFrame("bad frame: Complete[1]: 300 is not a byte (an integer 0-255)"))
        #expect(items[2] == .badFrame("bad frame: unknown frame \"Partial\"; expected one of Complete, Fragment"))
        #expect(items[3] == .badFrame("bad frame: Fragment.data: not valid base64 (standard alphabet, padded)"))
        #expect(items[4] == .message(Array("fine".utf8)))
    }

    @Test func completeFramesAcceptWhitespaceAndEmptyArrays() throws {
        #expect(try ManagementFrame.decode(Array(" { \"Complete\" : [ 1 , 2 ] } ".utf8)) == .complete([1, 2]))
        #expect(try ManagementFrame.decode(Array(#"{"Complete":[]}"#.utf8)) == .complete([]))
    }

    @Test func aOneMebibyteMessageEncodesAndDecodesQuickly() throws {
        let message = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let clock = ContinuousClock()
        let started = clock.now
        var codec = FrameCodec()
        let frames = codec.encode(message)
        var reader = ManagementMessageReader()
        reader.append(frames[0])
        #expect(try reader.next(now: .now) == .message(message))
        let elapsed = clock.now - started
        #expect(frames.count == 1)
        // Generous for a debug build on a shared machine; a per-byte NSNumber path takes far longer.
        #expect(elapsed < .seconds(5))
    }

    @Test func messagesOverEightMebibytesAreFragmentedAndReassembled() throws {
        let message = (0..<(FrameCodec.fragmentThreshold * 2 + 10)).map { UInt8(truncatingIfNeeded: $0 >> 3) }
        var codec = FrameCodec(firstMessageID: 41)
        let frames = codec.encode(message)
        #expect(frames.count == 3)
        #expect(codec.nextMessageID == 42)
        for frame in frames { #expect(frame.count - 4 <= FrameCodec.maxFrameLength) }
        guard case .fragment(let header, let data) = try ManagementFrame.decode(Array(frames[2].dropFirst(4))) else {
            Issue.record("not a fragment"); return
        }
        #expect(header == FragmentHeader(messageID: 41, fragmentIndex: 2, totalFragments: 3))
        #expect(data.count == 10)
        var reader = ManagementMessageReader()
        for frame in frames.reversed() { reader.append(frame) }
        #expect(try reader.next(now: .now) == .message(message))
    }

    @Test func anEightMebibyteMessageOfLargeBytesIsFragmentedToStayUnderTheFrameLimit() throws {
        let message = [UInt8](repeating: 200, count: FrameCodec.fragmentThreshold)
        var codec = FrameCodec()
        let frames = codec.encode(message)
        #expect(frames.count == 1)
        #expect(frames[0].count - 4 <= FrameCodec.maxFrameLength)
        guard case .fragment = try ManagementFrame.decode(Array(frames[0].dropFirst(4))) else {
            Issue.record("expected a fragment frame"); return
        }
    }
}
