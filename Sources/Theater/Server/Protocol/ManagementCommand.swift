/// A command from a management client to `theater server`, one case per command of
/// MANAGEMENT.md. Actor ids are lower-case UUID strings (validated on decode); byte
/// fields are `[UInt8]`. `ManagementCommand+JSON.swift` holds the wire form.
public enum ManagementCommand: Equatable, Sendable {
    /// Starts an actor from `manifest` (TOML text or a path).
    case startActor(manifest: String, initialState: [UInt8]?, parent: Bool, subscribe: Bool)
    case stopActor(id: String)
    case terminateActor(id: String)
    case listActors
    case subscribeToActor(id: String)
    case unsubscribeFromActor(id: String, subscriptionID: String)
    case sendActorMessage(id: String, data: [UInt8])
    case requestActorMessage(id: String, data: [UInt8])
    case getActorManifest(id: String)
    case getActorStatus(id: String)
    case restartActor(id: String)
    case getActorState(id: String)
    case getActorEvents(id: String)
    case getActorMetrics(id: String)
    /// Replaces a running actor's component with `component` (a path or address).
    case updateActorComponent(id: String, component: String)
    case openChannel(actorID: ChannelParticipant, initialMessage: [UInt8])
    case sendOnChannel(channelID: String, message: [UInt8])
    case closeChannel(channelID: String)
    case newStore

    /// Every command's wire name, in MANAGEMENT.md's order.
    public static let names = [
        "StartActor", "StopActor", "TerminateActor", "ListActors", "SubscribeToActor",
        "UnsubscribeFromActor", "SendActorMessage", "RequestActorMessage", "GetActorManifest",
        "GetActorStatus", "RestartActor", "GetActorState", "GetActorEvents", "GetActorMetrics",
        "UpdateActorComponent", "OpenChannel", "SendOnChannel", "CloseChannel", "NewStore",
    ]
}
