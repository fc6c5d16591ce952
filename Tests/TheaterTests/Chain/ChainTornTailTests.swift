import Foundation
import Testing
@testable import Theater

/// A file cut anywhere, or ending in zeros where a write never landed, is a torn tail:
/// the whole events before it verify, opening for appending cuts it, and appending then
/// continues a valid chain.
@Suite struct ChainTornTailTests {
    @Test func truncationAtEveryOffsetIsATornTail() throws {
        let chain = try ChainFixture.writtenChain()
        let directory = chain.directory
        defer { try? FileManager.default.removeItem(at: directory) }
        let (events, original, ranges) = (chain.events, chain.bytes, chain.ranges)
        let cut = directory.appendingPathComponent("cut.chain")
        for length in 0..<original.count {
            try Data(original[..<length]).write(to: cut)
            let whole = ranges.filter { $0.upperBound <= length }.count
            let validLength = whole == 0 ? (length >= 16 ? 16 : 0) : ranges[whole - 1].upperBound
            let expected = ChainVerification.verified(
                count: whole, head: whole == 0 ? nil : events[whole - 1].hash, tornTailBytes: length - validLength)
            #expect(ChainVerifier.verify(at: cut) == expected, "cut at \(length)")
            try reopenAndContinue(cut, keeping: Array(events[..<whole]), tornBytes: length - validLength)
        }
    }

    @Test func zerosAfterTheLastRecordAreATornTail() throws {
        let directory = try ChainFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = ChainFixture.chainEvents()
        let url = try ChainFixture.writeChain(events, in: directory)
        let original = try Array(Data(contentsOf: url))
        for zeros in [1, 7, 8, 9, 100, 4096] {
            try Data(original + [UInt8](repeating: 0, count: zeros)).write(to: url)
            #expect(ChainVerifier.verify(at: url) == .verified(count: events.count, head: events.last?.hash, tornTailBytes: zeros))
            try reopenAndContinue(url, keeping: events, tornBytes: zeros)
        }
    }

    @Test func zerosFromAnyOffsetToTheEndAreATornTail() throws {
        let chain = try ChainFixture.writtenChain()
        let directory = chain.directory
        defer { try? FileManager.default.removeItem(at: directory) }
        let (events, original, ranges) = (chain.events, chain.bytes, chain.ranges)
        let zeroed = directory.appendingPathComponent("zeroed.chain")
        for start in 0..<original.count {
            let bytes = Array(original[..<start]) + [UInt8](repeating: 0, count: original.count - start)
            try Data(bytes).write(to: zeroed)
            let firstChanged = bytes.indices.first { bytes[$0] != original[$0] }!
            if firstChanged == original.count - 1 {
                // Only the last byte (the last record's end marker) differs: one changed byte.
                guard case .failed(let failure) = ChainVerifier.verify(at: zeroed) else {
                    Issue.record("a zeroed final end marker verified")
                    continue
                }
                #expect(failure.sequence == UInt64(events.count - 1))
                continue
            }
            let whole = ranges.filter { $0.upperBound <= firstChanged }.count
            let validLength = whole == 0 ? (firstChanged >= 16 ? 16 : 0) : ranges[whole - 1].upperBound
            let expected = ChainVerification.verified(
                count: whole, head: whole == 0 ? nil : events[whole - 1].hash, tornTailBytes: original.count - validLength)
            #expect(ChainVerifier.verify(at: zeroed) == expected, "zeros from \(start)")
            try reopenAndContinue(zeroed, keeping: Array(events[..<whole]), tornBytes: original.count - validLength)
        }
    }

    @Test func aRecordDeclaringMoreBytesThanTheFileHoldsIsATornTail() throws {
        let directory = try ChainFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = ChainFixture.chainEvents()
        let url = try ChainFixture.writeChain(Array(events[..<2]), in: directory)
        var bytes = try Array(Data(contentsOf: url))
        // A real record header (length and its check) for a 1000-byte event, then 10 bytes.
        bytes.appendLittleEndian(UInt32(1000))
        bytes.appendLittleEndian(ChainFileFormat.lengthCheck(1000))
        bytes += [UInt8](repeating: 0x42, count: 10)
        try Data(bytes).write(to: url)
        #expect(ChainVerifier.verify(at: url) == .verified(count: 2, head: events[1].hash, tornTailBytes: 18))
        try reopenAndContinue(url, keeping: Array(events[..<2]), tornBytes: 18)
    }

    /// Opens `url` for appending, expects `keeping` and `tornBytes`, appends one event and
    /// checks that the file is then a valid chain of `keeping.count + 1` events.
    private func reopenAndContinue(_ url: URL, keeping: [ChainEvent], tornBytes: Int) throws {
        let (writer, events, torn) = try ChainWriter.openForAppending(at: url)
        #expect(events == keeping)
        #expect(torn == tornBytes)
        var linker = keeping.last.map(ChainLinker.init(continuingAfter:)) ?? ChainLinker()
        let next = linker.append(.actorStopped(reason: "restarted after a crash"), timestamp: 9)
        try writer.append(next)
        try writer.close()
        #expect(ChainVerifier.verify(at: url) == .verified(count: keeping.count + 1, head: next.hash, tornTailBytes: 0))
    }
}
