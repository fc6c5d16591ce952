/// A message from `theater server` to a management client, one case per response of
/// MANAGEMENT.md. `ManagementResponse+JSON.swift` holds the wire form.
public enum ManagementResponse: Equatable, Sendable {
    case actorStarted(id: String)
    case actorStopped(id: String)
    /// The running actors as (id, name) pairs; on the wire `[[id, name], ...]`.
    case actorList(actors: [(id: String, name: String)])
    case subscribed(id: String, subscriptionID: String)
    case unsubscribed(id: String)
    /// A chain event, streamed to subscribers as it is recorded.
    case actorEvent(event: WireChainEvent)
    case actorResult(ManagementActorResult)
    case error(ManagementError)
    case requestedMessage(id: String, message: [UInt8])
    case sentMessage(id: String)
    case actorStatus(id: String, status: ManagementActorStatus)
    case restarted(id: String)
    /// The actor's manifest as a JSON value (upstream sends its manifest structure).
    case actorManifest(id: String, manifest: ManagementJSON)
    case actorState(id: String, state: [UInt8]?)
    case actorEvents(id: String, events: [WireChainEvent])
    /// The actor's metrics as a free-form JSON value.
    case actorMetrics(id: String, metrics: ManagementJSON)
    case actorComponentUpdated(id: String)
    case channelOpened(channelID: String, actorID: ChannelParticipant)
    case messageSent(channelID: String)
    case channelMessage(channelID: String, senderID: ChannelParticipant, message: [UInt8])
    case channelClosed(channelID: String)
    case storeCreated(storeID: String)

    /// Every response's wire name, in MANAGEMENT.md's order.
    public static let names = [
        "ActorStarted", "ActorStopped", "ActorList", "Subscribed", "Unsubscribed", "ActorEvent",
        "ActorResult", "Error", "RequestedMessage", "SentMessage", "ActorStatus", "Restarted",
        "ActorManifest", "ActorState", "ActorEvents", "ActorMetrics", "ActorComponentUpdated",
        "ChannelOpened", "MessageSent", "ChannelMessage", "ChannelClosed", "StoreCreated",
    ]

    public static func == (lhs: ManagementResponse, rhs: ManagementResponse) -> Bool {
        // The JSON form is canonical and covers every field (tuples are not Equatable).
        lhs.json == rhs.json
    }
}
