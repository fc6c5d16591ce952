import Foundation

/// A party to channels that is not an actor: a management client's connection. It opens
/// channels to actors (`TheaterRuntime.openChannel(from:to:_:)`), sends on them and closes
/// them; the actor's side sees the same `handle-channel-*` calls, recorded in its chain, as
/// for a channel from another actor.
///
/// What the actor sends comes back through the two callbacks, called on the actor's task
/// while it handles a message (so they must return quickly: queue, never wait).
public final class ExternalChannelParticipant: Sendable {
    /// This participant's id among channel ends; distinct from every actor id, so an actor
    /// can never act for it.
    public let id: String
    /// A message on one of this participant's channels: (channel id, sender actor id, bytes).
    let onMessage: @Sendable (String, String, [UInt8]) -> Void
    /// The actor closed one of this participant's channels, or ended (channel id).
    let onClose: @Sendable (String) -> Void

    /// A participant whose channels deliver to `onMessage` (channel id, sender id, bytes) and
    /// report their closing by the other end to `onClose` (channel id).
    public init(onMessage: @escaping @Sendable (String, String, [UInt8]) -> Void,
                onClose: @escaping @Sendable (String) -> Void) {
        id = "external-" + UUID().uuidString.lowercased()
        self.onMessage = onMessage
        self.onClose = onClose
    }

    /// A fresh channel id in the management protocol's form: `ch_` and 16 hex digits.
    static func newChannelID() -> String {
        let value = UInt64.random(in: .min ... .max)
        let hex = String(value, radix: 16)
        return "ch_" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
