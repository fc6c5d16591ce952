/// Builds the next event of a chain: gives it the next sequence number, links it to the
/// previous event's hash and hashes it. One linker per chain; it holds a scratch buffer
/// so that hashing an event allocates nothing but the digest.
public struct ChainLinker {
    /// The hash of the last event built (or continued after); nil for an empty chain.
    public private(set) var head: ChainHash?
    /// The sequence number the next event gets.
    public private(set) var nextSequence: UInt64
    private var scratch: [UInt8] = []

    /// A linker for an empty chain: the first event gets sequence 0 and no parent.
    public init() {
        head = nil
        nextSequence = 0
    }

    /// A linker that continues an existing chain after its last event.
    public init(continuingAfter last: ChainEvent) {
        head = last.hash
        nextSequence = last.sequence + 1
    }

    /// Builds, links and hashes the next event.
    public mutating func append(type: String, payload: [UInt8], timestamp: UInt64) -> ChainEvent {
        scratch.removeAll(keepingCapacity: true)
        ChainEvent.appendCanonical(
            into: &scratch, sequence: nextSequence, parentHash: head, timestamp: timestamp, type: type, payload: payload)
        let hash = scratch.withUnsafeBytes { ChainHash.sha256($0) }
        let event = ChainEvent(
            sequence: nextSequence, parentHash: head, timestamp: timestamp, type: type, payload: payload, hash: hash)
        head = hash
        nextSequence += 1
        return event
    }

    /// Builds, links and hashes the next event recording `event`.
    public mutating func append(_ event: RecordedEvent, timestamp: UInt64) -> ChainEvent {
        append(type: event.typeName, payload: event.payloadBytes(), timestamp: timestamp)
    }
}
