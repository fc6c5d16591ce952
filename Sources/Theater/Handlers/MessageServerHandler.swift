import ComponentModel

/// `ntwk:theater/message-server-host`: messages to other actors by id (one-way sends,
/// requests that wait for a response, channels), and answering requests later
/// (`respond-to-request`, `cancel-request`). The results are recorded, so replay needs no
/// other actor.
enum MessageServerHandler {
    static func interface(_ context: ActorContext) -> GrantedInterface {
        var host = RecordedInterface("message-server-host", recorder: context.recorder)
        let bytes = TheaterTypes.bytes
        host.function("send", [.string, bytes], TheaterTypes.unitResult) { arguments in
            let target = try arguments[0].stringArgument(), payload = try arguments[1].bytesArgument()
            try context.recorder.flush()
            guard let runtime = context.runtime else { return .outcome(.failure(HostFunctionError("no runtime"))) }
            if let error = runtime.send(to: target, payload) { return .outcome(.failure(HostFunctionError(error.description))) }
            return .outcome(.success(nil))
        }
        host.asyncFunction("request", [.string, bytes], TheaterTypes.result(bytes)) { arguments in
            let target = try arguments[0].stringArgument(), payload = try arguments[1].bytesArgument()
            if target == context.actorID { return .outcome(.failure(waitsForItself("request"))) }
            try context.recorder.flush()
            guard let runtime = context.runtime else { return .outcome(.failure(HostFunctionError("no runtime"))) }
            switch try await context.interruptible({ await runtime.request(to: target, payload) }) {
            case .success(let response): return .outcome(.success(.bytes(response)))
            case .failure(let error): return .outcome(.failure(HostFunctionError(error.description)))
            }
        }
        host.asyncFunction("open-channel", [.string, bytes], TheaterTypes.result(.string)) { arguments in
            let target = try arguments[0].stringArgument(), payload = try arguments[1].bytesArgument()
            if target == context.actorID { return .outcome(.failure(waitsForItself("open-channel"))) }
            try context.recorder.flush()
            guard let runtime = context.runtime else { return .outcome(.failure(HostFunctionError("no runtime"))) }
            let actorID = context.actorID
            switch try await context.interruptible({ await runtime.openChannel(from: actorID, to: target, payload) }) {
            case .success(let (channelID, firstMessage)):
                if let firstMessage {
                    // The target's first message back arrives like any later channel message.
                    _ = runtime.actor(context.actorID)?.deliver(.channelMessage(id: channelID, payload: firstMessage))
                }
                return .outcome(.success(.string(channelID)))
            case .failure(let error):
                return .outcome(.failure(HostFunctionError(error.description)))
            }
        }
        host.function("send-on-channel", [.string, bytes], TheaterTypes.unitResult) { arguments in
            let channel = try arguments[0].stringArgument(), payload = try arguments[1].bytesArgument()
            try context.recorder.flush()
            guard let runtime = context.runtime else { return .outcome(.failure(HostFunctionError("no runtime"))) }
            if let error = runtime.sendOnChannel(channel, from: context.actorID, payload) {
                return .outcome(.failure(HostFunctionError(error.description)))
            }
            return .outcome(.success(nil))
        }
        host.function("close-channel", [.string], TheaterTypes.unitResult) { arguments in
            let channel = try arguments[0].stringArgument()
            try context.recorder.flush()
            guard let runtime = context.runtime else { return .outcome(.failure(HostFunctionError("no runtime"))) }
            if let error = runtime.closeChannel(channel, from: context.actorID) {
                return .outcome(.failure(HostFunctionError(error.description)))
            }
            return .outcome(.success(nil))
        }
        host.function("list-outstanding-requests", [], .list(.string)) { _ in
            .list(context.outstandingRequests.ids.map { .string($0) })
        }
        host.function("respond-to-request", [.string, bytes], TheaterTypes.unitResult) { arguments in
            let id = try arguments[0].stringArgument(), response = try arguments[1].bytesArgument()
            try context.recorder.flush()
            guard let reply = context.outstandingRequests.take(id) else {
                return .outcome(.failure(HostFunctionError("no outstanding request with id \(id)")))
            }
            reply.answer(.success(response))
            return .outcome(.success(nil))
        }
        host.function("cancel-request", [.string], TheaterTypes.unitResult) { arguments in
            let id = try arguments[0].stringArgument()
            guard let reply = context.outstandingRequests.take(id) else {
                return .outcome(.failure(HostFunctionError("no outstanding request with id \(id)")))
            }
            reply.answer(.failure(.cancelled(id)))
            return .outcome(.success(nil))
        }
        return host.granted
    }

    /// The refusal of a `request` or `open-channel` to the caller itself: its answer would
    /// come from a call of the same actor, which cannot start before this one returns.
    private static func waitsForItself(_ function: String) -> HostFunctionError {
        HostFunctionError("\(function): an actor cannot wait for an answer from itself "
                          + "(it handles one message at a time, so it would wait forever)")
    }
}
