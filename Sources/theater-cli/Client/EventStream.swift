import Foundation
import Theater
import TheaterServer

/// Reads the frames a subscription streams (`ActorEvent`, `ActorResult`) until the actor
/// ends, the consumer has seen enough, or the user interrupts (Ctrl-C or SIGTERM).
///
/// On an interruption the subscription is ended politely (`UnsubscribeFromActor` when its
/// id is known) before the connection closes, and `run` returns `.interrupted`: the command
/// then exits with status 0, as a user who stops watching expects. The server's
/// missed-events notice is printed as a warning on standard error and not handed to the
/// consumer.
final class EventStream {
    /// How the stream ended.
    enum End {
        /// The server sent how the actor's run ended (subscriptions made by `StartActor`).
        case result(ManagementActorResult)
        /// The actor recorded that it stopped, with the reason (other subscriptions).
        case stopped(reason: String)
        /// The consumer asked to stop (it printed enough).
        case enough
        /// The user interrupted the command.
        case interrupted
        /// The server closed the connection.
        case connectionClosed
    }

    /// What the consumer wants after an event.
    enum Decision {
        case goOn
        case stop
    }

    /// The connection the subscription streams on.
    let server: ManagementClient
    /// The actor subscribed to.
    let actorID: String
    /// The subscription to end on an interruption; nil when the server gave none (a
    /// `StartActor` subscription ends when the connection closes).
    let subscriptionID: String?
    /// True when an `actor-stopped` event ends the stream; false when an `ActorResult`
    /// follows it (subscriptions made by `StartActor`).
    let endsOnStoppedEvent: Bool

    /// The event type of the server's notice of missed events (its data is the count).
    static let missedEventType = "theater-server/missed-events"

    private let interruption = Interruption()
    private var watcher: SignalWatcher?

    /// A stream of the subscription; from now on Ctrl-C and SIGTERM end it instead of the
    /// process, so make it before telling the user that events are coming.
    init(server: ManagementClient, actorID: String, subscriptionID: String?, endsOnStoppedEvent: Bool) {
        self.server = server
        self.actorID = actorID
        self.subscriptionID = subscriptionID
        self.endsOnStoppedEvent = endsOnStoppedEvent
        let interruption = self.interruption
        watcher = SignalWatcher(signals: [SIGINT, SIGTERM]) {
            guard interruption.raise() else { return }
            Task {
                if let subscriptionID {
                    try? await server.send(.unsubscribeFromActor(id: actorID, subscriptionID: subscriptionID))
                    // Give the server a moment to read the command before the connection closes.
                    try? await Task.sleep(for: .milliseconds(150))
                }
                await server.close()
            }
        }
    }

    deinit {
        watcher?.cancel()
    }

    /// Streams events to `consume` until the stream ends; returns how it ended.
    func run(_ consume: (WireChainEvent) -> Decision) async -> End {
        while true {
            let frame: ManagementResponse
            do {
                frame = try await server.nextStreamed()
            } catch {
                return interruption.isRaised ? .interrupted : .connectionClosed
            }
            if interruption.isRaised { return .interrupted }
            switch frame {
            case .actorResult(let result):
                return .result(result)
            case .actorEvent(let event) where event.eventType == Self.missedEventType:
                warnMissed(event)
            case .actorEvent(let event):
                let decision = consume(event)
                if endsOnStoppedEvent, event.eventType == RecordedEvent.TypeName.actorStopped {
                    if case .actorStopped(let reason)? = EventPrinter.recorded(type: event.eventType, payload: event.data) {
                        return .stopped(reason: reason)
                    }
                    return .stopped(reason: "stopped")
                }
                if decision == .stop { return .enough }
            default:
                continue
            }
        }
    }

    /// Prints the missed-events notice as a warning line on standard error.
    private func warnMissed(_ event: WireChainEvent) {
        let count = String(decoding: event.data, as: UTF8.self)
        let events = count == "1" ? "1 event" : "\(count) events"
        FileHandle.standardError.write(Data(
            "warning: \(events) missed (this client fell behind); `theater events \(actorID)` has them all\n".utf8))
    }
}
