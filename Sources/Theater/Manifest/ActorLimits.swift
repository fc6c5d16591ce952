/// The resource limits of one actor, from the manifest's optional `[limits]` table.
///
/// ```toml
/// [limits]
/// fuel_per_call = 10_000_000      # Wasm instructions per export call, or "unlimited"
/// memory_bytes = 67108864         # total linear memory of the actor
/// state_size = 1048576            # bytes of actor state
/// message_size = 1048576          # bytes of one message
/// mailbox_length = 1024           # messages queued before senders get an error
/// ```
/// Every key is optional; a missing one takes its value from `defaults`.
public struct ActorLimits: Sendable, Equatable {
    /// Wasm instructions one export call may execute, or nil for no limit.
    /// Default: 10 000 000 000, some seconds of work: enough for any message handler,
    /// while an endless loop still ends in a recorded error instead of a stuck actor.
    public var fuelPerCall: UInt64?
    /// Total linear memory of the actor in bytes. Default: 256 MiB.
    public var memoryBytes: UInt64
    /// The largest state the actor may hold, in bytes. Default: 16 MiB.
    public var stateSize: UInt64
    /// The largest message the actor may receive or send, in bytes. Default: 16 MiB.
    public var messageSize: UInt64
    /// How many messages may wait in the mailbox. Default: 10 000.
    public var mailboxLength: Int

    /// The limits of an actor whose manifest has no `[limits]` table.
    public static let defaults = ActorLimits(
        fuelPerCall: 10_000_000_000, memoryBytes: 256 << 20, stateSize: 16 << 20,
        messageSize: 16 << 20, mailboxLength: 10_000)

    /// Limits with the given values.
    public init(fuelPerCall: UInt64?, memoryBytes: UInt64, stateSize: UInt64, messageSize: UInt64, mailboxLength: Int) {
        self.fuelPerCall = fuelPerCall
        self.memoryBytes = memoryBytes
        self.stateSize = stateSize
        self.messageSize = messageSize
        self.mailboxLength = mailboxLength
    }

    /// The smallest `memory_bytes`: one 64 KiB Wasm page.
    public static let minimumMemoryBytes: UInt64 = 65_536
    /// The largest `mailbox_length`.
    public static let maximumMailboxLength: UInt64 = 100_000_000

    static let keys = ["fuel_per_call", "memory_bytes", "state_size", "message_size", "mailbox_length"]

    /// Reads a `[limits]` table; absent keys keep their defaults.
    init(reading limits: ManifestTableReader) throws(ManifestError) {
        self = .defaults
        let top = UInt64(Int64.max)
        if let node = limits.take("fuel_per_call") {
            if case .string(let text) = node.value {
                guard text == "unlimited" else {
                    throw limits.error(at: node, "expected an integer or \"unlimited\", found \(node.kindDescription); write fuel_per_call = 10_000_000 or fuel_per_call = \"unlimited\"")
                }
                fuelPerCall = nil
            } else {
                fuelPerCall = try limits.integerValue(
                    of: node, in: 1...top, unit: "instructions",
                    example: "fuel_per_call = 10_000_000 (or \"unlimited\")")
            }
        }
        memoryBytes = try limits.integer(
            "memory_bytes", in: ActorLimits.minimumMemoryBytes...top, unit: "bytes",
            example: "memory_bytes = 67108864") ?? memoryBytes
        stateSize = try limits.integer("state_size", in: 1...top, unit: "bytes", example: "state_size = 1048576") ?? stateSize
        messageSize = try limits.integer(
            "message_size", in: 1...top, unit: "bytes", example: "message_size = 1048576") ?? messageSize
        if let length = try limits.integer(
            "mailbox_length", in: 1...ActorLimits.maximumMailboxLength, unit: "messages",
            example: "mailbox_length = 1024")
        {
            mailboxLength = Int(length)
        }
    }
}
