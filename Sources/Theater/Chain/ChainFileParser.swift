/// Reads and checks the bytes of a chain file (docs/chain-format.md, "Reading"): the
/// header, every record's framing, every stored hash against a recomputed one, the
/// sequence numbers and the parent links. It tells a torn tail (the file ends inside a
/// record, or ends in zero bytes where a write never landed) from corruption (any other
/// damage), and names the damaged event.
///
/// A single changed byte is always corruption, never a torn tail: a damaged length
/// fails its check, a damaged body fails its hash, and since every record ends in the
/// non-zero end marker, the file's trailing zero run never reaches into a record unless
/// the marker itself is zeroed; that case (body intact, the zeroed marker the file's
/// last byte) is reported as corruption of the marker.
struct ChainFileParser {
    /// What a chain file holds.
    struct Contents {
        /// The events, when asked for (`keepEvents`).
        var events: [ChainEvent]
        /// The number of valid events.
        var count: Int
        /// The last event's hash.
        var head: ChainHash?
        /// The last event's sequence number.
        var lastSequence: UInt64?
        /// The length of the valid part: the header and every whole record.
        var validLength: Int
        /// The bytes after the valid part: a torn tail.
        var tornTailBytes: Int
        /// Whether the file holds a complete header (a torn header is cut and rewritten).
        var headerIsComplete: Bool
    }

    private let bytes: [UInt8]
    /// Where the file's trailing run of zero bytes starts (`bytes.count` when there is none).
    private let zeroTailStart: Int

    /// A parser of a whole file's bytes.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var start = bytes.count
        while start > 0 && bytes[start - 1] == 0 { start -= 1 }
        zeroTailStart = start
    }

    /// Parses the file: its contents, or where and why it is damaged.
    func parse(keepEvents: Bool) -> Result<Contents, ChainVerificationFailure> {
        var contents = Contents(
            events: [], count: 0, head: nil, lastSequence: nil, validLength: 0, tornTailBytes: 0, headerIsComplete: false)
        if let failure = checkHeader(&contents) { return .failure(failure) }
        guard contents.headerIsComplete else { return .success(contents) }

        var offset = ChainFileFormat.headerSize
        var sequence: UInt64 = 0
        while offset < bytes.count {
            switch parseRecord(at: offset, sequence: sequence, parent: contents.head, keepEvent: keepEvents) {
            case .event(let event, let hash, let end):
                if let event { contents.events.append(event) }
                contents.count += 1
                contents.head = hash
                contents.lastSequence = sequence
                sequence += 1
                offset = end
            case .tornTail:
                contents.validLength = offset
                contents.tornTailBytes = bytes.count - offset
                return .success(contents)
            case .corrupted(let reason):
                return .failure(ChainVerificationFailure(sequence: sequence, byteOffset: offset, reason: reason))
            }
        }
        contents.validLength = offset
        return .success(contents)
    }

    /// Checks the header: complete and right; a torn header (a prefix of the right one,
    /// then nothing or zeros); or damaged.
    private func checkHeader(_ contents: inout Contents) -> ChainVerificationFailure? {
        let expected = ChainFileFormat.header
        let available = min(bytes.count, expected.count)
        guard let mismatch = (0..<available).first(where: { bytes[$0] != expected[$0] }) else {
            if bytes.count >= expected.count {
                contents.headerIsComplete = true
                contents.validLength = expected.count
            } else {
                contents.tornTailBytes = bytes.count
            }
            return nil
        }
        // Zeros from the first difference to the end of the file: the header's write did
        // not land. A header-only file whose only damage is a zeroed last byte is what
        // one changed byte makes, so that is corruption.
        if mismatch >= zeroTailStart && (mismatch < expected.count - 1 || bytes.count > expected.count) {
            contents.tornTailBytes = bytes.count
            return nil
        }
        return ChainVerificationFailure(sequence: nil, byteOffset: mismatch, reason: headerProblem(mismatch: mismatch))
    }

    /// Words for a header that differs from the expected one at `mismatch`.
    private func headerProblem(mismatch: Int) -> String {
        if mismatch < ChainFileFormat.magic.count {
            return "it does not start with the Theater chain magic bytes (not a chain file, or its first bytes are damaged)"
        }
        if bytes.count >= ChainFileFormat.headerSize {
            var reader = ChainByteReader(bytes, range: 8..<16)
            let version = (try? reader.readLittleEndian(UInt32.self, "version")) ?? 0
            let check = (try? reader.readLittleEndian(UInt32.self, "check")) ?? 0
            if check == CRC32.checksum(bytes[0..<12]) && version != ChainFileFormat.version {
                return "format version \(version) is not supported (this build reads version \(ChainFileFormat.version))"
            }
        }
        return "the header's version or check bytes are damaged"
    }

    /// What one record turned out to be.
    private enum RecordOutcome {
        case event(ChainEvent?, hash: ChainHash, end: Int)
        case tornTail
        case corrupted(String)
    }

    /// Reads the record at `offset`, which should hold event `sequence` linking to `parent`.
    private func parseRecord(at offset: Int, sequence: UInt64, parent: ChainHash?, keepEvent: Bool) -> RecordOutcome {
        if offset >= zeroTailStart { return .tornTail }  // zeros from a record boundary on
        guard bytes.count - offset >= ChainFileFormat.recordHeaderSize else { return .tornTail }
        let length = readUInt32(at: offset)
        let check = readUInt32(at: offset + 4)
        guard check == ChainFileFormat.lengthCheck(length) else {
            if zeroTailStart < offset + ChainFileFormat.recordHeaderSize { return .tornTail }
            return .corrupted("the record length \(length) does not match its check (record header damaged)")
        }
        guard Int(length) >= ChainFileFormat.minimumBodyLength else {
            return .corrupted("the record length \(length) is shorter than the smallest event (\(ChainFileFormat.minimumBodyLength) bytes)")
        }
        let bodyStart = offset + ChainFileFormat.recordHeaderSize
        let end = bodyStart + Int(length) + 1
        guard end <= bytes.count else { return .tornTail }  // the write stopped inside the record

        let body: (event: ChainEvent?, hash: ChainHash)
        switch parseBody(bodyStart..<(end - 1), sequence: sequence, parent: parent, keepEvent: keepEvent) {
        case .success(let parsed): body = parsed
        case .failure(let problem):
            // Zeros reaching into this record: the write of its end never landed.
            if zeroTailStart < end { return .tornTail }
            return .corrupted(problem.reason)
        }
        guard bytes[end - 1] == ChainFileFormat.endMarker else {
            // The body is intact and only the marker differs. Zeros that go on past this
            // record are a lost write; a zeroed marker at the very end of the file is
            // exactly what one changed byte makes, so it is corruption.
            if bytes[end - 1] == 0 && zeroTailStart < end && end < bytes.count { return .tornTail }
            return .corrupted("the record's end marker is 0x\(String(bytes[end - 1], radix: 16)), not 0xee")
        }
        return .event(body.event, hash: body.hash, end: end)
    }

    private struct BodyProblem: Error { let reason: String }

    /// Reads and checks one record body: the canonical event and its stored hash.
    private func parseBody(
        _ range: Range<Int>, sequence expectedSequence: UInt64, parent expectedParent: ChainHash?, keepEvent: Bool
    ) -> Result<(event: ChainEvent?, hash: ChainHash), BodyProblem> {
        var reader = ChainByteReader(bytes, range: range)
        do throws(ChainDecodeError) {
            let version = try reader.readByte("encoding version")
            guard version == ChainEvent.encodingVersion else {
                return .failure(BodyProblem(reason: "unknown event encoding version \(version)"))
            }
            let sequence = try reader.readLittleEndian(UInt64.self, "sequence number")
            let hasParent = try reader.readPresence("parent presence byte")
            let parentRange = reader.offset..<(reader.offset + (hasParent ? ChainHash.byteCount : 0))
            if hasParent { _ = try reader.readBytes(ChainHash.byteCount, "parent hash") }
            let timestamp = try reader.readLittleEndian(UInt64.self, "timestamp")
            let typeLength = Int(try reader.readLittleEndian(UInt32.self, "type length"))
            guard typeLength <= reader.remaining else { return .failure(BodyProblem(reason: "the type length \(typeLength) runs past the record")) }
            let typeRange = reader.offset..<(reader.offset + typeLength)
            _ = try reader.readBytes(typeLength, "type")
            let payloadLength = Int(try reader.readLittleEndian(UInt32.self, "payload length"))
            guard payloadLength <= reader.remaining else { return .failure(BodyProblem(reason: "the payload length \(payloadLength) runs past the record")) }
            let payloadRange = reader.offset..<(reader.offset + payloadLength)
            _ = try reader.readBytes(payloadLength, "payload")
            let canonicalEnd = reader.offset
            guard reader.remaining == ChainHash.byteCount else {
                return .failure(BodyProblem(reason: "the event's inner lengths leave \(reader.remaining) bytes for its 32-byte hash"))
            }
            let stored = try reader.readHash("stored hash")
            let computed = bytes.withUnsafeBytes { ChainHash.sha256(UnsafeRawBufferPointer(rebasing: $0[range.lowerBound..<canonicalEnd])) }
            guard computed == stored else {
                return .failure(BodyProblem(reason: "the stored hash \(stored.hex) does not match the event's contents (SHA-256 \(computed.hex))"))
            }
            guard sequence == expectedSequence else {
                return .failure(BodyProblem(reason: "it carries sequence number \(sequence) at the position of \(expectedSequence)"))
            }
            let parent = hasParent ? ChainHash(trusted: Array(bytes[parentRange])) : nil
            guard parent == expectedParent else {
                if expectedSequence == 0 { return .failure(BodyProblem(reason: "the first event has a parent hash")) }
                return .failure(BodyProblem(reason: "its parent hash does not link to event \(expectedSequence - 1)"))
            }
            guard let type = String(validating: bytes[typeRange], as: UTF8.self) else {
                return .failure(BodyProblem(reason: "its type is not valid UTF-8"))
            }
            let event = keepEvent
                ? ChainEvent(sequence: sequence, parentHash: parent, timestamp: timestamp, type: type,
                             payload: Array(bytes[payloadRange]), hash: stored)
                : nil
            return .success((event, stored))
        } catch {
            return .failure(BodyProblem(reason: "the event's fields do not fit the record: \(error.message)"))
        }
    }

    private func readUInt32(at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
