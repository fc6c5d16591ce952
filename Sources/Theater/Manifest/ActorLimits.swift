/// The resource limits of one actor, from the manifest's optional `[limits]` table.
///
/// ```toml
/// [limits]
/// fuel_per_call = 10_000_000      # Wasm instructions per export call, or "unlimited"
/// memory_bytes = 67108864         # total linear memory of the actor
/// state_size = 1048576            # bytes of actor state
/// message_size = 1048576          # bytes of one message
/// mailbox_length = 1024           # messages queued before senders get an error
/// call_deadline_ms = 60000        # wall-clock ms one export call may take, or "unlimited"
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
    /// The wall-clock milliseconds one export call may take, or nil for no deadline.
    /// Default: 60 000 (a minute). Unlike fuel it also bounds time spent waiting in host
    /// calls (a request to a stuck actor, a long sleep); when it fires, that is recorded.
    public var callDeadlineMs: UInt64?

    /// The limits of an actor whose manifest has no `[limits]` table.
    public static let defaults = ActorLimits(
        fuelPerCall: 10_000_000_000, memoryBytes: 256 << 20, stateSize: 16 << 20,
        messageSize: 16 << 20, mailboxLength: 10_000, callDeadlineMs: ActorLimits.defaultCallDeadlineMs)

    /// The default `call_deadline_ms`: a minute.
    public static let defaultCallDeadlineMs: UInt64 = 60_000
    /// The largest `call_deadline_ms`: 30 days.
    public static let maximumCallDeadlineMs: UInt64 = 30 * 86_400_000

    /// Limits with the given values.
    public init(
        fuelPerCall: UInt64?, memoryBytes: UInt64, stateSize: UInt64, messageSize: UInt64, mailboxLength: Int,
        callDeadlineMs: UInt64? = ActorLimits.defaultCallDeadlineMs
    ) {
        self.fuelPerCall = fuelPerCall
        self.memoryBytes = memoryBytes
        self.stateSize = stateSize
        self.messageSize = messageSize
        self.mailboxLength = mailboxLength
        self.callDeadlineMs = callDeadlineMs
    }

    /// One line for the grants recorded in the actor's first chain event: `limits` and the
    /// limits in force (defaults filled in) as compact JSON with sorted keys.
    public var canonicalDescription: String {
        func integer(_ value: UInt64?) -> String { value.map { CanonicalText.integer(Int(clamping: $0)) } ?? CanonicalText.string("unlimited") }
        return "limits " + CanonicalText.object([
            "fuel_per_call": integer(fuelPerCall), "memory_bytes": integer(memoryBytes),
            "state_size": integer(stateSize), "message_size": integer(messageSize),
            "mailbox_length": integer(UInt64(mailboxLength)), "call_deadline_ms": integer(callDeadlineMs),
        ])
    }

    /// The smallest `memory_bytes`: one 64 KiB Wasm page.
    public static let minimumMemoryBytes: UInt64 = 65_536
    /// The largest `mailbox_length`.
    public static let maximumMailboxLength: UInt64 = 100_000_000

    static let keys = [
        "fuel_per_call", "memory_bytes", "state_size", "message_size", "mailbox_length", "call_deadline_ms",
    ]

    /// Reads a `[limits]` table; absent keys keep their defaults.
    init(reading limits: ManifestTableReader) throws(ManifestError) {
        self = .defaults
        let top = UInt64(Int64.max)
        fuelPerCall = try limits.integerOrUnlimited(
            "fuel_per_call", in: 1...top, unit: "instructions", example: "fuel_per_call = 10_000_000",
            absent: fuelPerCall)
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
        callDeadlineMs = try limits.integerOrUnlimited(
            "call_deadline_ms", in: 1...ActorLimits.maximumCallDeadlineMs, unit: "ms",
            example: "call_deadline_ms = 60000", absent: callDeadlineMs)
    }
}
