import Foundation
import Testing
@testable import Theater

/// Any single changed byte anywhere in a real chain file is corruption of the event
/// whose record holds it (or of the header), never a torn tail and never accepted.
@Suite struct ChainCorruptionTests {
    @Test(arguments: [UInt8(0xFF), 0x01, 0x80])
    func everySingleByteFlipIsDetectedAndNamesItsEvent(_ mask: UInt8) throws {
        try checkEveryOffset { original, index in original ^ mask }
    }

    @Test func everyByteSetToZeroIsDetectedAndNamesItsEvent() throws {
        try checkEveryOffset { original, index in original == 0 ? 0xEE : 0 }
    }

    /// Changes each byte of a real chain file in turn with `change` and checks the verdict.
    private func checkEveryOffset(_ change: (UInt8, Int) -> UInt8) throws {
        let chain = try ChainFixture.writtenChain()
        let directory = chain.directory
        defer { try? FileManager.default.removeItem(at: directory) }
        let (original, ranges) = (chain.bytes, chain.ranges)
        let damaged = directory.appendingPathComponent("damaged.chain")
        for index in original.indices {
            var bytes = original
            bytes[index] = change(original[index], index)
            try Data(bytes).write(to: damaged)
            let expectedSequence = ranges.firstIndex { $0.contains(index) }.map(UInt64.init)
            guard case .failed(let failure) = ChainVerifier.verify(at: damaged) else {
                Issue.record("byte \(index) changed from \(original[index]) to \(bytes[index]) was not detected")
                continue
            }
            #expect(failure.sequence == expectedSequence, "byte \(index): \(failure)")
            if let expectedSequence {
                #expect(failure.byteOffset == ranges[Int(expectedSequence)].lowerBound)
            }
            #expect(throws: ChainFileError.self) { try ChainReader.read(at: damaged) }
        }
    }

    @Test func openingADamagedFileForAppendingLeavesItAsItWas() throws {
        let directory = try ChainFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = ChainFixture.chainEvents()
        let url = try ChainFixture.writeChain(events, in: directory)
        var bytes = try Array(Data(contentsOf: url))
        let record = ChainFixture.recordRanges(events)[2]
        bytes[record.lowerBound + 20] ^= 0x10
        try Data(bytes).write(to: url)
        #expect {
            _ = try ChainWriter.openForAppending(at: url)
        } throws: { error in
            guard case .corrupted(_, let failure) = error as? ChainFileError else { return false }
            return failure.sequence == 2 && failure.reason.contains("stored hash")
        }
        #expect(try Array(Data(contentsOf: url)) == bytes)
    }

    @Test func swappedOrDroppedRecordsBreakTheLinks() throws {
        let directory = try ChainFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let events = ChainFixture.chainEvents()
        let url = try ChainFixture.writeChain(events, in: directory)
        let bytes = try Array(Data(contentsOf: url))
        let ranges = ChainFixture.recordRanges(events)
        let dropped = Array(bytes[..<ranges[2].lowerBound]) + Array(bytes[ranges[3].lowerBound...])
        try Data(dropped).write(to: url)
        #expect(ChainVerifier.verify(at: url) == .failed(ChainVerificationFailure(
            sequence: 2, byteOffset: ranges[2].lowerBound, reason: "it carries sequence number 3 at the position of 2")))
        var linker = ChainLinker()
        let restarted = [linker.append(.actorStopped(reason: "x"), timestamp: 0)]
        try Data(bytes + ChainFixture.recordBytes(restarted)).write(to: url)
        #expect(ChainVerifier.verify(at: url) == .failed(ChainVerificationFailure(
            sequence: UInt64(events.count), byteOffset: ranges.last!.upperBound, reason: "it carries sequence number 0 at the position of 6")))
    }
}
