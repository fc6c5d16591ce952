extension WireChainEvent {
    /// A recorded chain event as the management protocol sends it: hashes as bytes, the
    /// payload as `data`, and the one-line summary `theater events` prints as `description`.
    public init(_ event: ChainEvent) {
        self.init(hash: event.hash.bytes, parentHash: event.parentHash?.bytes, eventType: event.type, data: event.payload,
                  timestamp: event.timestamp,
                  description: (try? RecordedEvent(type: event.type, payload: event.payload))?.summary)
    }
}
