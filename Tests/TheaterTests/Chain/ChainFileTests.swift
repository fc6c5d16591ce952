import Foundation
import Testing
@testable import Theater

/// `ChainWriter`, `ChainReader` and `ChainVerifier` on well-formed files.
@Suite struct ChainFileTests {
    @Test func writtenEventsReadBackAndVerify() throws {
        let directory = try ChainFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = ChainFixture.chainEvents()
        let url = try ChainFixture.writeChain(events, in: directory)
        let read = try ChainReader.read(at: url)
        #expect(read.events == events)
        #expect(read.tornTailBytes == 0)
        #expect(ChainVerifier.verify(at: url) == .verified(count: events.count, head: events.last?.hash, tornTailBytes: 0))
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int
        #expect(size == ChainFixture.recordRanges(events).last?.upperBound)
    }

    @Test func anEmptyChainIsJustTheHeader() throws {
        let directory = try ChainFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try ChainFixture.writeChain([], in: directory)
        #expect(try Array(Data(contentsOf: url)) == ChainFileFormat.header)
        #expect(ChainVerifier.verify(at: url) == .verified(count: 0, head: nil, tornTailBytes: 0))
    }

    @Test func createRefusesAnExistingFile() throws {
        let directory = try ChainFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = try ChainFixture.writeChain(ChainFixture.chainEvents(), in: directory)
        #expect(throws: ChainFileError.alreadyExists(path: url.path)) { try ChainWriter.create(at: url) }
        #expect(try ChainReader.read(at: url).events.count == ChainFixture.recordedEvents.count)
    }

    @Test func flushMakesEventsVisibleBeforeClose() throws {
        let directory = try ChainFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("a.chain")
        let writer = try ChainWriter.create(at: url)
        let events = ChainFixture.chainEvents()
        try writer.append(events[0])
        try writer.append(events[1])
        #expect(try ChainReader.read(at: url).events.isEmpty)
        try writer.flush()
        #expect(try ChainReader.read(at: url).events == Array(events[0...1]))
        try writer.append(events[2])
        try writer.sync()
        #expect(try ChainReader.read(at: url).events == Array(events[0...2]))
        try writer.close()
        #expect(throws: ChainFileError.closed(path: url.path)) { try writer.append(events[3]) }
    }

    @Test func appendingContinuesAfterReopening() throws {
        let directory = try ChainFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = ChainFixture.chainEvents()
        let url = try ChainFixture.writeChain(Array(events[0..<3]), in: directory)
        let (writer, existing, torn) = try ChainWriter.openForAppending(at: url)
        #expect(existing == Array(events[0..<3]))
        #expect(torn == 0)
        #expect(writer.nextSequence == 3 && writer.head == events[2].hash)
        for event in events[3...] { try writer.append(event) }
        try writer.close()
        #expect(try ChainReader.read(at: url).events == events)
    }

    @Test func appendRefusesEventsThatDoNotContinueTheChain() throws {
        let directory = try ChainFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("a.chain")
        let writer = try ChainWriter.create(at: url)
        let events = ChainFixture.chainEvents()
        #expect(throws: ChainFileError.eventDoesNotLink(path: url.path, sequence: 1, reason: "the next event in the file must have sequence 0")) {
            try writer.append(events[1])
        }
        try writer.append(events[0])
        let forged = ChainEvent(sequence: 1, parentHash: ChainHash.sha256([0]), timestamp: 0, type: "actor-stopped", payload: [1, 0])
        #expect(throws: ChainFileError.eventDoesNotLink(path: url.path, sequence: 1, reason: "its parent hash is not the hash of the chain's last event")) {
            try writer.append(forged)
        }
        try writer.close()
        #expect(ChainVerifier.verify(at: url) == .verified(count: 1, head: events[0].hash, tornTailBytes: 0))
    }

    @Test func manyBufferedEventsFlushOnTheirOwnAndStayValid() throws {
        let directory = try ChainFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("big.chain")
        let writer = try ChainWriter.create(at: url)
        var linker = ChainLinker()
        let payload = [UInt8](repeating: 0x5A, count: 4096)
        for index in 0..<1_500 {
            try writer.append(linker.append(type: "export-call", payload: payload, timestamp: UInt64(index)))
        }
        // More than the automatic flush threshold was appended: part of it is already on disk.
        #expect(try ChainReader.read(at: url).events.count > 0)
        try writer.close()
        #expect(ChainVerifier.verify(at: url) == .verified(count: 1_500, head: linker.head, tornTailBytes: 0))
    }

    @Test func aMissingOrForeignFileIsAClearFailure() throws {
        let directory = try ChainFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("none.chain")
        guard case .failed(let failure) = ChainVerifier.verify(at: missing) else {
            Issue.record("a missing file verified")
            return
        }
        #expect(failure.reason.contains("No such file"))
        let foreign = directory.appendingPathComponent("foreign.chain")
        try Data("name = \"not a chain\"\n".utf8).write(to: foreign)
        #expect(ChainVerifier.verify(at: foreign) == .failed(ChainVerificationFailure(
            sequence: nil, byteOffset: 0,
            reason: "it does not start with the Theater chain magic bytes (not a chain file, or its first bytes are damaged)")))
        #expect(throws: ChainFileError.self) { try ChainWriter.openForAppending(at: foreign) }
        #expect(try Data(contentsOf: foreign) == Data("name = \"not a chain\"\n".utf8))
    }

    @Test func aFutureFormatVersionIsNamed() throws {
        let directory = try ChainFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("v2.chain")
        try Data(ChainFileFormat.header(version: 2)).write(to: url)
        #expect(ChainVerifier.verify(at: url) == .failed(ChainVerificationFailure(
            sequence: nil, byteOffset: 8, reason: "format version 2 is not supported (this build reads version 1)")))
    }
}
