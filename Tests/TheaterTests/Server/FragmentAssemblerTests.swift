import Testing
@testable import Theater

/// Fragments come together in any order; bad, stale or excessive ones are refused.
@Suite struct FragmentAssemblerTests {
    static func header(_ id: UInt64, _ index: UInt32, of total: UInt32) -> FragmentHeader {
        FragmentHeader(messageID: id, fragmentIndex: index, totalFragments: total)
    }

    @Test func inOrderFragmentsReassemble() throws {
        var assembler = FragmentAssembler()
        let now = ContinuousClock.now
        #expect(try assembler.add(Self.header(1, 0, of: 3), data: [1, 2], now: now) == nil)
        #expect(try assembler.add(Self.header(1, 1, of: 3), data: [3], now: now) == nil)
        #expect(assembler.pendingByteCount == 3)
        #expect(try assembler.add(Self.header(1, 2, of: 3), data: [4, 5], now: now) == [1, 2, 3, 4, 5])
        #expect(assembler.pendingMessageCount == 0)
        #expect(assembler.pendingByteCount == 0)
    }

    @Test func outOfOrderAndInterleavedMessagesReassemble() throws {
        var assembler = FragmentAssembler()
        let now = ContinuousClock.now
        #expect(try assembler.add(Self.header(7, 2, of: 3), data: [3], now: now) == nil)
        #expect(try assembler.add(Self.header(8, 1, of: 2), data: [20], now: now) == nil)
        #expect(try assembler.add(Self.header(7, 0, of: 3), data: [1], now: now) == nil)
        #expect(try assembler.add(Self.header(8, 0, of: 2), data: [10], now: now) == [10, 20])
        #expect(try assembler.add(Self.header(7, 1, of: 3), data: [2], now: now) == [1, 2, 3])
    }

    @Test func aSingleFragmentMessageIsImmediate() throws {
        var assembler = FragmentAssembler()
        #expect(try assembler.add(Self.header(3, 0, of: 1), data: [9], now: .now) == [9])
    }

    @Test func aDuplicateFragmentDropsTheMessage() throws {
        var assembler = FragmentAssembler()
        let now = ContinuousClock.now
        _ = try assembler.add(Self.header(1, 0, of: 2), data: [1], now: now)
        #expect(throws: FragmentError.duplicate(messageID: 1, index: 0)) {
            try assembler.add(Self.header(1, 0, of: 2), data: [1], now: now)
        }
        #expect(assembler.pendingMessageCount == 0)
        #expect(assembler.pendingByteCount == 0)
    }

    @Test func inconsistentOrOutOfRangeFragmentsAreRefused() throws {
        var assembler = FragmentAssembler()
        let now = ContinuousClock.now
        _ = try assembler.add(Self.header(1, 0, of: 2), data: [1], now: now)
        #expect(throws: FragmentError.inconsistentTotal(messageID: 1, expected: 2, found: 3)) {
            try assembler.add(Self.header(1, 1, of: 3), data: [1], now: now)
        }
        #expect(throws: FragmentError.indexOutOfRange(messageID: 2, index: 2, total: 2)) {
            try assembler.add(Self.header(2, 2, of: 2), data: [], now: now)
        }
        #expect(throws: FragmentError.indexOutOfRange(messageID: 2, index: 0, total: 0)) {
            try assembler.add(Self.header(2, 0, of: 0), data: [], now: now)
        }
        #expect(throws: FragmentError.tooManyFragments(messageID: 3, total: UInt32.max, limit: 64)) {
            try assembler.add(Self.header(3, 0, of: .max), data: [], now: now)
        }
    }

    @Test func incompleteMessagesExpireAfterThirtySeconds() throws {
        var assembler = FragmentAssembler()
        let start = ContinuousClock.now
        _ = try assembler.add(Self.header(1, 0, of: 2), data: [1], now: start)
        #expect(assembler.expire(now: start + .seconds(30)) == [])
        #expect(assembler.expire(now: start + .seconds(31)) == [1])
        #expect(assembler.pendingByteCount == 0)
        // The late second half starts a new (incomplete) message rather than completing the old one.
        #expect(try assembler.add(Self.header(1, 1, of: 2), data: [2], now: start + .seconds(32)) == nil)
    }

    @Test func tooManyIncompleteMessagesOrBytesAreRefused() throws {
        var assembler = FragmentAssembler(maxPendingBytes: 10, maxPendingMessages: 2)
        let now = ContinuousClock.now
        _ = try assembler.add(Self.header(1, 0, of: 2), data: [1], now: now)
        _ = try assembler.add(Self.header(2, 0, of: 2), data: [1], now: now)
        #expect(throws: FragmentError.tooManyPendingMessages(messageID: 3, limit: 2)) {
            try assembler.add(Self.header(3, 0, of: 2), data: [1], now: now)
        }
        #expect(throws: FragmentError.pendingBytesExceeded(messageID: 1, limit: 10)) {
            try assembler.add(Self.header(1, 1, of: 2), data: [UInt8](repeating: 0, count: 9), now: now)
        }
        #expect(assembler.pendingMessageCount == 1)
        #expect(assembler.pendingByteCount == 1)
    }

    @Test func theMessageReaderExpiresStaleFragmentsWithTheGivenClock() throws {
        var reader = ManagementMessageReader()
        let start = ContinuousClock.now
        let first = ManagementFrame.fragment(Self.header(5, 0, of: 2), data: [1]).encoded()
        let second = ManagementFrame.fragment(Self.header(5, 1, of: 2), data: [2]).encoded()
        reader.append(FrameCodec.prefixed(first))
        #expect(try reader.next(now: start) == nil)
        reader.append(FrameCodec.prefixed(second))
        #expect(try reader.next(now: start + .seconds(40)) == nil)
    }
}
