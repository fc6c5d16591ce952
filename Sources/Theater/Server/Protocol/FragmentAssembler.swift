/// Reassembles messages sent as `Fragment` frames, one assembler per connection.
///
/// Fragments may arrive in any order. Duplicates and fragments that disagree with the
/// message's first fragment drop the message (a sender that does that cannot be trusted
/// to produce a sound one). Incomplete messages expire `timeout` after their first
/// fragment; total memory held by incomplete messages is bounded. The clock is a
/// parameter of each call, so callers (and tests) choose the time.
public struct FragmentAssembler: Sendable {
    /// Upstream's expiry of an incomplete message: 30 s.
    public static let defaultTimeout: Duration = .seconds(30)

    public let timeout: Duration
    public let maxPendingBytes: Int
    public let maxPendingMessages: Int
    public let maxFragments: UInt32

    private struct Partial: Sendable {
        let firstSeen: ContinuousClock.Instant
        let total: UInt32
        var pieces: [UInt32: [UInt8]] = [:]
        var byteCount = 0
    }

    private var partials: [UInt64: Partial] = [:]
    private var pendingBytes = 0

    /// - Parameters:
    ///   - maxPendingBytes: bytes all incomplete messages may hold together (default 64 MiB).
    ///   - maxPendingMessages: incomplete messages at once (default 16).
    ///   - maxFragments: fragments of one message (default 64: 512 MiB at 8 MiB each,
    ///     though `maxPendingBytes` bounds it first).
    public init(timeout: Duration = defaultTimeout, maxPendingBytes: Int = 64 * 1024 * 1024,
                maxPendingMessages: Int = 16, maxFragments: UInt32 = 64) {
        self.timeout = timeout
        self.maxPendingBytes = maxPendingBytes
        self.maxPendingMessages = maxPendingMessages
        self.maxFragments = maxFragments
    }

    /// How many messages are waiting for fragments.
    public var pendingMessageCount: Int { partials.count }
    /// How many bytes the incomplete messages hold.
    public var pendingByteCount: Int { pendingBytes }

    /// Adds one fragment received at `now`; returns the whole message when this was its
    /// last missing fragment. Expired messages are dropped first.
    public mutating func add(_ header: FragmentHeader, data: [UInt8], now: ContinuousClock.Instant) throws -> [UInt8]? {
        expire(now: now)
        let id = header.messageID
        guard header.totalFragments > 0, header.fragmentIndex < header.totalFragments else {
            throw FragmentError.indexOutOfRange(messageID: id, index: header.fragmentIndex, total: header.totalFragments)
        }
        guard header.totalFragments <= maxFragments else {
            throw FragmentError.tooManyFragments(messageID: id, total: header.totalFragments, limit: maxFragments)
        }
        var partial: Partial
        if let existing = partials[id] {
            partial = existing
            guard existing.total == header.totalFragments else {
                drop(id)
                throw FragmentError.inconsistentTotal(messageID: id, expected: existing.total, found: header.totalFragments)
            }
            guard existing.pieces[header.fragmentIndex] == nil else {
                drop(id)
                throw FragmentError.duplicate(messageID: id, index: header.fragmentIndex)
            }
        } else {
            if header.totalFragments == 1 { return data }
            guard partials.count < maxPendingMessages else {
                throw FragmentError.tooManyPendingMessages(messageID: id, limit: maxPendingMessages)
            }
            partial = Partial(firstSeen: now, total: header.totalFragments)
        }
        guard pendingBytes + data.count <= maxPendingBytes else {
            drop(id)
            throw FragmentError.pendingBytesExceeded(messageID: id, limit: maxPendingBytes)
        }
        partial.pieces[header.fragmentIndex] = data
        partial.byteCount += data.count
        pendingBytes += data.count
        guard partial.pieces.count == Int(partial.total) else {
            partials[id] = partial
            return nil
        }
        // `pendingBytes` counts every piece of `partial`, including the one just added.
        partials.removeValue(forKey: id)
        pendingBytes -= partial.byteCount
        var message: [UInt8] = []
        message.reserveCapacity(partial.byteCount)
        for index in 0..<partial.total { message.append(contentsOf: partial.pieces[index]!) }
        return message
    }

    /// Drops messages whose first fragment came more than `timeout` before `now`;
    /// returns their ids.
    @discardableResult
    public mutating func expire(now: ContinuousClock.Instant) -> [UInt64] {
        let expired = partials.filter { now - $0.value.firstSeen > timeout }.map(\.key).sorted()
        for id in expired { drop(id) }
        return expired
    }

    private mutating func drop(_ id: UInt64) {
        if let partial = partials.removeValue(forKey: id) { pendingBytes -= partial.byteCount }
    }
}
