/// A chain event as the management protocol sends it (`ActorEvent`, `ActorEvents`),
/// mirroring the WIT `chain-event`; bytes are JSON number arrays.
public struct WireChainEvent: Equatable, Sendable {
    public var hash: [UInt8]
    /// The previous event's hash; nil for a chain's first event.
    public var parentHash: [UInt8]?
    public var eventType: String
    public var data: [UInt8]
    /// Milliseconds since the Unix epoch.
    public var timestamp: UInt64
    public var description: String?

    public init(hash: [UInt8], parentHash: [UInt8]?, eventType: String, data: [UInt8], timestamp: UInt64, description: String?) {
        self.hash = hash
        self.parentHash = parentHash
        self.eventType = eventType
        self.data = data
        self.timestamp = timestamp
        self.description = description
    }

    var json: ManagementJSON {
        .object([
            ("hash", .bytes(hash)),
            ("parent_hash", parentHash.map(ManagementJSON.bytes) ?? .null),
            ("event_type", .string(eventType)),
            ("data", .bytes(data)),
            ("timestamp", .integer(timestamp)),
            ("description", description.map(ManagementJSON.string) ?? .null),
        ])
    }

    static func decode(_ value: ManagementJSON, at path: String) throws -> WireChainEvent {
        var fields = try ManagementFields(value, at: path)
        let event = WireChainEvent(
            hash: try fields.bytes("hash"),
            parentHash: try fields.optionalBytes("parent_hash"),
            eventType: try fields.string("event_type"),
            data: try fields.bytes("data"),
            timestamp: try fields.unsigned("timestamp", as: UInt64.self),
            description: try fields.optional("description").map { try ManagementFields.string($0, at: fields.pathOf("description")) })
        try fields.finish()
        return event
    }
}
