extension ManagementResponse {
    /// The response's JSON bytes, as upstream's serde writes them (externally tagged).
    public func encoded() -> [UInt8] {
        ManagementJSONWriter.encode(json)
    }

    /// Decodes one response, as strictly as commands are decoded (a client's view).
    public static func decode(_ bytes: [UInt8]) throws -> ManagementResponse {
        try decode(ManagementJSONParser.parse(bytes))
    }

    var json: ManagementJSON {
        func tagged(_ tag: String, _ fields: [(key: String, value: ManagementJSON)]) -> ManagementJSON {
            .tagged(tag, .object(fields))
        }
        switch self {
        case .actorStarted(let id): return tagged("ActorStarted", [("id", .string(id))])
        case .actorStopped(let id): return tagged("ActorStopped", [("id", .string(id))])
        case .actorList(let actors):
            return tagged("ActorList", [("actors", .array(actors.map { .array([.string($0.id), .string($0.name)]) }))])
        case .subscribed(let id, let subscriptionID):
            return tagged("Subscribed", [("id", .string(id)), ("subscription_id", .string(subscriptionID))])
        case .unsubscribed(let id): return tagged("Unsubscribed", [("id", .string(id))])
        case .actorEvent(let event): return tagged("ActorEvent", [("event", event.json)])
        case .actorResult(let result): return .tagged("ActorResult", result.json)
        case .error(let error): return tagged("Error", [("error", error.json)])
        case .requestedMessage(let id, let message):
            return tagged("RequestedMessage", [("id", .string(id)), ("message", .bytes(message))])
        case .sentMessage(let id): return tagged("SentMessage", [("id", .string(id))])
        case .actorStatus(let id, let status):
            return tagged("ActorStatus", [("id", .string(id)), ("status", .string(status.rawValue))])
        case .restarted(let id): return tagged("Restarted", [("id", .string(id))])
        case .actorManifest(let id, let manifest): return tagged("ActorManifest", [("id", .string(id)), ("manifest", manifest)])
        case .actorState(let id, let state):
            return tagged("ActorState", [("id", .string(id)), ("state", state.map(ManagementJSON.bytes) ?? .null)])
        case .actorEvents(let id, let events):
            return tagged("ActorEvents", [("id", .string(id)), ("events", .array(events.map(\.json)))])
        case .actorMetrics(let id, let metrics): return tagged("ActorMetrics", [("id", .string(id)), ("metrics", metrics)])
        case .actorComponentUpdated(let id): return tagged("ActorComponentUpdated", [("id", .string(id))])
        case .channelOpened(let channelID, let actorID):
            return tagged("ChannelOpened", [("channel_id", .string(channelID)), ("actor_id", actorID.json)])
        case .messageSent(let channelID): return tagged("MessageSent", [("channel_id", .string(channelID))])
        case .channelMessage(let channelID, let senderID, let message):
            return tagged("ChannelMessage", [("channel_id", .string(channelID)), ("sender_id", senderID.json), ("message", .bytes(message))])
        case .channelClosed(let channelID): return tagged("ChannelClosed", [("channel_id", .string(channelID))])
        case .storeCreated(let storeID): return tagged("StoreCreated", [("store_id", .string(storeID))])
        }
    }

    static func decode(_ value: ManagementJSON) throws -> ManagementResponse {
        let (tag, payload) = try ManagementFields.variant(value, at: "", of: "response")
        guard names.contains(tag) else {
            throw ManagementFields.unknownVariant(tag, at: "", of: "response", expected: names)
        }
        let body = try ManagementFields.needsPayload(tag, payload, at: "")
        if tag == "ActorResult" {
            return .actorResult(try ManagementActorResult.decode(body, at: tag))
        }
        var fields = try ManagementFields(body, at: tag)
        let response: ManagementResponse
        switch tag {
        case "ActorStarted": response = .actorStarted(id: try fields.uuid("id"))
        case "ActorStopped": response = .actorStopped(id: try fields.uuid("id"))
        case "ActorList": response = .actorList(actors: try decodeActorList(try fields.required("actors"), at: fields.pathOf("actors")))
        case "Subscribed": response = .subscribed(id: try fields.uuid("id"), subscriptionID: try fields.uuid("subscription_id"))
        case "Unsubscribed": response = .unsubscribed(id: try fields.uuid("id"))
        case "ActorEvent": response = .actorEvent(event: try WireChainEvent.decode(try fields.required("event"), at: fields.pathOf("event")))
        case "Error": response = .error(try ManagementError.decode(try fields.required("error"), at: fields.pathOf("error")))
        case "RequestedMessage": response = .requestedMessage(id: try fields.uuid("id"), message: try fields.bytes("message"))
        case "SentMessage": response = .sentMessage(id: try fields.uuid("id"))
        case "ActorStatus":
            response = .actorStatus(id: try fields.uuid("id"),
                                    status: try ManagementActorStatus.decode(try fields.required("status"), at: fields.pathOf("status")))
        case "Restarted": response = .restarted(id: try fields.uuid("id"))
        case "ActorManifest": response = .actorManifest(id: try fields.uuid("id"), manifest: try fields.required("manifest"))
        case "ActorState": response = .actorState(id: try fields.uuid("id"), state: try fields.optionalBytes("state"))
        case "ActorEvents":
            let id = try fields.uuid("id")
            let path = fields.pathOf("events")
            let list = try fields.required("events")
            guard let elements = list.arrayElements else {
                throw ManagementDecodeError(.wrongType, at: path, "expected an array of chain events, found \(list.kindName)")
            }
            let events = try elements.enumerated().map { try WireChainEvent.decode($1, at: "\(path)[\($0)]") }
            response = .actorEvents(id: id, events: events)
        case "ActorMetrics": response = .actorMetrics(id: try fields.uuid("id"), metrics: try fields.required("metrics"))
        case "ActorComponentUpdated": response = .actorComponentUpdated(id: try fields.uuid("id"))
        case "ChannelOpened":
            response = .channelOpened(channelID: try fields.string("channel_id"),
                                      actorID: try ChannelParticipant.decode(try fields.required("actor_id"), at: fields.pathOf("actor_id")))
        case "MessageSent": response = .messageSent(channelID: try fields.string("channel_id"))
        case "ChannelMessage":
            response = .channelMessage(channelID: try fields.string("channel_id"),
                                       senderID: try ChannelParticipant.decode(try fields.required("sender_id"), at: fields.pathOf("sender_id")),
                                       message: try fields.bytes("message"))
        case "ChannelClosed": response = .channelClosed(channelID: try fields.string("channel_id"))
        default: response = .storeCreated(storeID: try fields.string("store_id"))
        }
        try fields.finish()
        return response
    }

    /// `[[id, name], ...]`: each entry a two-element array of strings.
    private static func decodeActorList(_ value: ManagementJSON, at path: String) throws -> [(id: String, name: String)] {
        guard let entries = value.arrayElements else {
            throw ManagementDecodeError(.wrongType, at: path, "expected an array of [id, name] pairs, found \(value.kindName)")
        }
        return try entries.enumerated().map { position, entry in
            let entryPath = "\(path)[\(position)]"
            guard case .array(let pair) = entry, pair.count == 2 else {
                throw ManagementDecodeError(.wrongType, at: entryPath, "expected an [id, name] pair")
            }
            return (id: try ManagementFields.uuid(pair[0], at: "\(entryPath)[0]"),
                    name: try ManagementFields.string(pair[1], at: "\(entryPath)[1]"))
        }
    }
}
