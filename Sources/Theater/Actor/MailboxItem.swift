import ComponentModel

/// One entry of an actor's mailbox: a message to handle (one at a time, in arrival order)
/// or a request to stop.
enum MailboxItem: @unchecked Sendable {
    /// A one-way message, for `handle-send`.
    case send([UInt8])
    /// A request, for `handle-request`; answered through `reply` (now or later).
    case request(id: String, payload: [UInt8], reply: RequestReply)
    /// Another actor opens a channel, for `handle-channel-open`; `reply` gets the acceptance.
    case channelOpen(id: String, payload: [UInt8], reply: ChannelOpenReply)
    /// A message on an open channel, for `handle-channel-message`.
    case channelMessage(id: String, payload: [UInt8])
    /// The other side closed a channel, for `handle-channel-close`.
    case channelClose(id: String)
    /// A call of another handler export (`process-handlers.handle-stdout`,
    /// `supervisor-handlers.handle-child-error`, ...) with its parameters, queued by a
    /// handler or the runtime; skipped (recorded as not exported) when the actor lacks it.
    case handlerCall(ActorExport, [ComponentValue])
    /// A call of a handler export whose result someone waits for (an HTTP request for
    /// `http-handlers.handle-request`): `reply` gets the export's extra result once the
    /// call's events are on disk, or why there is none.
    case handlerRequest(ActorExport, [ComponentValue], reply: HandlerReply)
    /// A child of this actor (a supervisor) ended: handled by its supervision (see
    /// `ActorRuntime+Supervision`). `child` identifies the incarnation that ended.
    case childEnded(child: ActorRuntime, exit: ActorExit)
    /// Stop after the messages before this one; `done` runs when stopped.
    case stop(reason: String, done: @Sendable () -> Void)
}

/// The answer to a channel opening: accepted (with an optional first message back) or not.
final class ChannelOpenReply: @unchecked Sendable {
    private let reply = RequestReply()

    /// Delivers the acceptance (`accepted`, optional message).
    func answer(accepted: Bool, message: [UInt8]?) {
        if accepted { reply.answer(.success(message.map { [1] + $0 } ?? [0])) } else {
            reply.answer(.failure(.channelRejected))
        }
    }

    /// Fails the opening.
    func fail(_ error: MessageError) { reply.answer(.failure(error)) }

    /// Waits: the optional first message back when accepted, else the error.
    func wait() async -> Result<[UInt8]?, MessageError> {
        switch await reply.wait() {
        case .success(let encoded): return .success(encoded.first == 1 ? Array(encoded.dropFirst()) : nil)
        case .failure(let error): return .failure(error)
        }
    }
}
