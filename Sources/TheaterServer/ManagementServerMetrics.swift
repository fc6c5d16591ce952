import Synchronization

/// Figures about a management server's traffic: connections open, commands handled,
/// events streamed to subscribers. Relaxed atomics: the connections update them per
/// command and per event without a lock; the metrics endpoint reads them at scrape time.
public final class ManagementServerMetrics: Sendable {
    private let connections = Atomic<Int>(0)
    private let commands = Atomic<Int>(0)
    private let events = Atomic<Int>(0)

    /// Figures starting at zero.
    public init() {}

    /// Management connections open now.
    public var connectionsOpen: Int { connections.load(ordering: .relaxed) }
    /// Commands received so far (valid or not: every message that got an answer).
    public var commandsHandled: Int { commands.load(ordering: .relaxed) }
    /// Actor events written to subscribers so far.
    public var eventsStreamed: Int { events.load(ordering: .relaxed) }

    func connectionOpened() { connections.add(1, ordering: .relaxed) }
    func connectionClosed() { connections.subtract(1, ordering: .relaxed) }
    func commandHandled() { commands.add(1, ordering: .relaxed) }
    func eventStreamed() { events.add(1, ordering: .relaxed) }
}
