import Foundation

/// Figures about one running actor: what it has handled, what it has spent, what waits,
/// how big it is. Read by `inspect`, the server's `GetActorMetrics` and the Prometheus
/// endpoint.
public struct ActorMetrics: Sendable, Equatable {
    /// Mailbox items handled so far (messages, requests, notices).
    public let messagesHandled: Int
    /// Items waiting in its mailbox.
    public let messagesQueued: Int
    /// The size of its state in bytes.
    public let stateSize: Int
    /// Seconds since it started.
    public let uptime: TimeInterval
    /// Open subscriptions to its events.
    public let subscribers: Int
    /// Export calls that returned `err`, trapped or crossed a limit, plus messages refused
    /// (too large, mailbox full).
    public let errors: Int
    /// How many times this actor id was started again (by its supervisor or a restart
    /// command) before this incarnation: 0 for the first.
    public let restarts: Int
    /// Nanoseconds spent in export calls (wall clock, including waits inside them).
    public let callNanoseconds: UInt64
    /// Wasm fuel its export calls used (about one unit per instruction).
    public let fuelUsed: UInt64
    /// Bytes of its linear memories, as of its last call.
    public let memoryBytes: Int
    /// Events in its chain (this incarnation's), as of its last call.
    public let chainLength: Int

    /// Figures as given; the server and tests build them, the runtime fills them in.
    public init(messagesHandled: Int, messagesQueued: Int, stateSize: Int, uptime: TimeInterval, subscribers: Int,
                errors: Int = 0, restarts: Int = 0, callNanoseconds: UInt64 = 0, fuelUsed: UInt64 = 0,
                memoryBytes: Int = 0, chainLength: Int = 0) {
        self.messagesHandled = messagesHandled
        self.messagesQueued = messagesQueued
        self.stateSize = stateSize
        self.uptime = uptime
        self.subscribers = subscribers
        self.errors = errors
        self.restarts = restarts
        self.callNanoseconds = callNanoseconds
        self.fuelUsed = fuelUsed
        self.memoryBytes = memoryBytes
        self.chainLength = chainLength
    }

    /// Seconds spent in export calls.
    public var callSeconds: Double { Double(callNanoseconds) / 1e9 }
}
