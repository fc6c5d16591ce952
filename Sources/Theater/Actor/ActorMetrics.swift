import Foundation

/// Figures about one running actor: what it has handled, what waits, how big its state is.
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
}
