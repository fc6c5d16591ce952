/// Channels between an actor and an `ExternalChannelParticipant` (a management client):
/// the same channel table, mailbox items and recorded `handle-channel-*` calls as between
/// two actors; only the participant's end is callbacks instead of a mailbox.
extension TheaterRuntime {
    /// Opens a channel from `participant` to actor `actorID` with `payload` as the first
    /// message; the actor's `handle-channel-open` decides. Returns the channel id (`ch_` and
    /// 16 hex digits) and the actor's optional first message back, or `.channelRejected`,
    /// `.unknownActor`, ... Messages the actor sends on the channel afterwards go to the
    /// participant's `onMessage`.
    public func openChannel(from participant: ExternalChannelParticipant, to actorID: String,
                            _ payload: [UInt8]) async -> Result<(channelID: String, firstMessage: [UInt8]?), MessageError> {
        let result = await openChannel(from: participant.id, to: actorID, payload,
                                       channelID: ExternalChannelParticipant.newChannelID(), external: participant)
        return result.map { (channelID: $0.0, firstMessage: $0.1) }
    }

    /// Sends `payload` on `participant`'s channel `channelID` to the actor at its other end
    /// (its `handle-channel-message`). `.notSupported` when the participant has no such open channel.
    public func sendOnChannel(_ channelID: String, from participant: ExternalChannelParticipant,
                              _ payload: [UInt8]) -> MessageError? {
        sendOnChannel(channelID, from: participant.id, payload)
    }

    /// Closes `participant`'s channel `channelID`; the actor's `handle-channel-close` is called.
    /// `.notSupported` when the participant has no such open channel.
    public func closeChannel(_ channelID: String, from participant: ExternalChannelParticipant) -> MessageError? {
        closeChannel(channelID, from: participant.id)
    }
}
