/// One event of a chain: what happened (`type` and `payload`, a `RecordedEvent`'s
/// encoding), when, and where it sits (its sequence number and its parent's hash).
/// `hash` is SHA-256 over `canonicalBytes` of all the other fields, so changing any
/// field, or the order of events, breaks the links after it.
public struct ChainEvent: Sendable, Equatable {
    /// The position in the chain: 0, 1, 2, ...
    public let sequence: UInt64
    /// The previous event's hash; nil only for sequence 0.
    public let parentHash: ChainHash?
    /// Milliseconds since the Unix epoch when the event was recorded (replay reuses it).
    public let timestamp: UInt64
    /// The payload's kind, `RecordedEvent.typeName`.
    public let type: String
    /// The `RecordedEvent`'s canonical payload bytes.
    public let payload: [UInt8]
    /// SHA-256 over the canonical encoding of all the fields above.
    public let hash: ChainHash

    /// The version of the canonical event encoding, its first byte.
    public static let encodingVersion: UInt8 = 1

    /// An event with its hash computed from the other fields.
    public init(sequence: UInt64, parentHash: ChainHash?, timestamp: UInt64, type: String, payload: [UInt8]) {
        let canonical = ChainEvent.canonicalBytes(
            sequence: sequence, parentHash: parentHash, timestamp: timestamp, type: type, payload: payload)
        let hash = canonical.withUnsafeBytes { ChainHash.sha256($0) }
        self.init(sequence: sequence, parentHash: parentHash, timestamp: timestamp, type: type, payload: payload, hash: hash)
    }

    /// An event with a hash already known: computed by `ChainLinker`, or read from a file
    /// and checked by the reader.
    init(sequence: UInt64, parentHash: ChainHash?, timestamp: UInt64, type: String, payload: [UInt8], hash: ChainHash) {
        self.sequence = sequence
        self.parentHash = parentHash
        self.timestamp = timestamp
        self.type = type
        self.payload = payload
        self.hash = hash
    }

    /// The bytes an event's hash is computed over (docs/chain-format.md, "Canonical event
    /// encoding"): version byte 1; sequence as u64; a parent presence byte and the 32
    /// parent bytes; timestamp as u64; type as u32 length and UTF-8; payload as u32 length
    /// and bytes. All integers little-endian.
    public static func canonicalBytes(
        sequence: UInt64, parentHash: ChainHash?, timestamp: UInt64, type: String, payload: [UInt8]
    ) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(canonicalLength(hasParent: parentHash != nil, typeLength: type.utf8.count, payloadLength: payload.count))
        appendCanonical(into: &bytes, sequence: sequence, parentHash: parentHash, timestamp: timestamp, type: type, payload: payload)
        return bytes
    }

    /// Decodes the payload into the typed event it records.
    public func decoded() throws(ChainDecodeError) -> RecordedEvent {
        try RecordedEvent(type: type, payload: payload)
    }

    /// The length of the canonical encoding of an event with these parts.
    static func canonicalLength(hasParent: Bool, typeLength: Int, payloadLength: Int) -> Int {
        1 + 8 + 1 + (hasParent ? ChainHash.byteCount : 0) + 8 + 4 + typeLength + 4 + payloadLength
    }

    /// The fixed part of the canonical encoding (everything but type, payload and parent).
    static let canonicalFixedLength = canonicalLength(hasParent: false, typeLength: 0, payloadLength: 0)

    /// Appends the canonical encoding straight into `bytes` (the writer's buffer, or the
    /// linker's scratch buffer), so that encoding an event allocates nothing of its own.
    static func appendCanonical(
        into bytes: inout [UInt8], sequence: UInt64, parentHash: ChainHash?, timestamp: UInt64, type: String, payload: [UInt8]
    ) {
        precondition(payload.count <= Int(UInt32.max), "a chain event payload is at most 2^32 - 1 bytes")
        bytes.append(encodingVersion)
        bytes.appendLittleEndian(sequence)
        if let parentHash {
            bytes.append(1)
            bytes.append(contentsOf: parentHash.bytes)
        } else {
            bytes.append(0)
        }
        bytes.appendLittleEndian(timestamp)
        var type = type
        type.withUTF8 { utf8 in
            bytes.appendLittleEndian(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
        bytes.appendLittleEndian(UInt32(payload.count))
        bytes.append(contentsOf: payload)
    }

    /// Appends this event's canonical encoding into `bytes`.
    func appendCanonical(into bytes: inout [UInt8]) {
        ChainEvent.appendCanonical(
            into: &bytes, sequence: sequence, parentHash: parentHash, timestamp: timestamp, type: type, payload: payload)
    }

    /// The length of this event's canonical encoding.
    var canonicalLength: Int {
        ChainEvent.canonicalLength(hasParent: parentHash != nil, typeLength: type.utf8.count, payloadLength: payload.count)
    }
}
