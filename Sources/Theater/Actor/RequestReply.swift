import Foundation

/// The way back to whoever sent a request: answered once, with the response bytes or an
/// error. An actor may answer from a later message (`respond-to-request`), or the runtime may
/// fail the request when the actor stops.
public typealias RequestReply = OneTimeReply<[UInt8]>

/// Why a message could not be delivered or a request was not answered.
public enum MessageError: Error, Equatable, CustomStringConvertible, Sendable {
    /// No actor has this id.
    case unknownActor(String)
    /// The actor's mailbox holds `limit` messages already.
    case mailboxFull(actor: String, limit: Int)
    /// The message is larger than the actor's `message_size` limit.
    case tooLarge(size: Int, limit: UInt64)
    /// The actor has stopped (or failed) and takes no more messages.
    case actorStopped(String)
    /// The actor's handler returned `err(message)` or trapped.
    case actorFailed(String)
    /// The actor cancelled the request (`cancel-request`).
    case cancelled(String)
    /// The actor does not implement the export the message needs.
    case notSupported(String)
    /// The wait for an answer was cancelled because the waiting actor is being stopped.
    case interrupted
    /// The target's `handle-channel-open` refused the channel.
    case channelRejected

    public var description: String {
        switch self {
        case .unknownActor(let id): return "no actor with id \(id)"
        case .mailboxFull(let actor, let limit): return "the mailbox of actor \(actor) is full (\(limit) messages)"
        case .tooLarge(let size, let limit):
            return "message of \(size) bytes exceeds the actor's message_size limit of \(limit) bytes"
        case .actorStopped(let id): return "actor \(id) has stopped"
        case .actorFailed(let message): return "the actor failed: \(message)"
        case .cancelled(let id): return "request \(id) was cancelled by the actor"
        case .notSupported(let message): return message
        case .interrupted: return "the wait was interrupted: the actor is being stopped"
        case .channelRejected: return "the actor failed: the actor rejected the channel"
        }
    }
}
