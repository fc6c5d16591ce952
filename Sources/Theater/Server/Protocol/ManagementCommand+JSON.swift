extension ManagementCommand {
    /// The command's JSON bytes, as upstream's serde writes them: externally tagged,
    /// `"ListActors"` bare, `{"NewStore":{}}` (upstream declares it `NewStore {}`).
    public func encoded() -> [UInt8] {
        ManagementJSONWriter.encode(json)
    }

    /// Decodes one command, strictly: unknown commands, missing, extra or mistyped
    /// fields, ids that are not UUIDs and numbers that are not bytes are each a
    /// `ManagementDecodeError` that says what and where.
    public static func decode(_ bytes: [UInt8]) throws -> ManagementCommand {
        try decode(ManagementJSONParser.parse(bytes))
    }

    /// The wire name of the command, e.g. `StartActor`.
    public var name: String {
        switch json {
        case .string(let tag): return tag
        case .object(let members): return members[0].key
        default: return ""
        }
    }

    var json: ManagementJSON {
        func tagged(_ tag: String, _ fields: [(key: String, value: ManagementJSON)]) -> ManagementJSON {
            .tagged(tag, .object(fields))
        }
        switch self {
        case .startActor(let manifest, let initialState, let parent, let subscribe):
            return tagged("StartActor", [
                ("manifest", .string(manifest)), ("initial_state", initialState.map(ManagementJSON.bytes) ?? .null),
                ("parent", .bool(parent)), ("subscribe", .bool(subscribe)),
            ])
        case .stopActor(let id): return tagged("StopActor", [("id", .string(id))])
        case .terminateActor(let id): return tagged("TerminateActor", [("id", .string(id))])
        case .listActors: return .string("ListActors")
        case .subscribeToActor(let id): return tagged("SubscribeToActor", [("id", .string(id))])
        case .unsubscribeFromActor(let id, let subscriptionID):
            return tagged("UnsubscribeFromActor", [("id", .string(id)), ("subscription_id", .string(subscriptionID))])
        case .sendActorMessage(let id, let data): return tagged("SendActorMessage", [("id", .string(id)), ("data", .bytes(data))])
        case .requestActorMessage(let id, let data): return tagged("RequestActorMessage", [("id", .string(id)), ("data", .bytes(data))])
        case .getActorManifest(let id): return tagged("GetActorManifest", [("id", .string(id))])
        case .getActorStatus(let id): return tagged("GetActorStatus", [("id", .string(id))])
        case .restartActor(let id): return tagged("RestartActor", [("id", .string(id))])
        case .getActorState(let id): return tagged("GetActorState", [("id", .string(id))])
        case .getActorEvents(let id): return tagged("GetActorEvents", [("id", .string(id))])
        case .getActorMetrics(let id): return tagged("GetActorMetrics", [("id", .string(id))])
        case .updateActorComponent(let id, let component):
            return tagged("UpdateActorComponent", [("id", .string(id)), ("component", .string(component))])
        case .openChannel(let actorID, let initialMessage):
            return tagged("OpenChannel", [("actor_id", actorID.json), ("initial_message", .bytes(initialMessage))])
        case .sendOnChannel(let channelID, let message):
            return tagged("SendOnChannel", [("channel_id", .string(channelID)), ("message", .bytes(message))])
        case .closeChannel(let channelID): return tagged("CloseChannel", [("channel_id", .string(channelID))])
        case .newStore: return tagged("NewStore", [])
        }
    }

    static func decode(_ value: ManagementJSON) throws -> ManagementCommand {
        let (tag, payload) = try ManagementFields.variant(value, at: "", of: "command")
        guard names.contains(tag) else {
            throw ManagementFields.unknownVariant(tag, at: "", of: "command", expected: names)
        }
        switch tag {
        case "ListActors":
            try ManagementFields.fieldless(tag, payload, at: "")
            return .listActors
        case "NewStore":
            // Upstream sends `{"NewStore":{}}`; MANAGEMENT.md's bare-string rule allows "NewStore".
            if let payload {
                let fields = try ManagementFields(payload, at: tag)
                try fields.finish()
            }
            return .newStore
        default: break
        }
        var fields = try ManagementFields(try ManagementFields.needsPayload(tag, payload, at: ""), at: tag)
        let command: ManagementCommand
        switch tag {
        case "StartActor":
            command = .startActor(manifest: try fields.string("manifest"), initialState: try fields.optionalBytes("initial_state"),
                                  parent: try fields.bool("parent"), subscribe: try fields.bool("subscribe"))
        case "StopActor": command = .stopActor(id: try fields.uuid("id"))
        case "TerminateActor": command = .terminateActor(id: try fields.uuid("id"))
        case "SubscribeToActor": command = .subscribeToActor(id: try fields.uuid("id"))
        case "UnsubscribeFromActor":
            command = .unsubscribeFromActor(id: try fields.uuid("id"), subscriptionID: try fields.uuid("subscription_id"))
        case "SendActorMessage": command = .sendActorMessage(id: try fields.uuid("id"), data: try fields.bytes("data"))
        case "RequestActorMessage": command = .requestActorMessage(id: try fields.uuid("id"), data: try fields.bytes("data"))
        case "GetActorManifest": command = .getActorManifest(id: try fields.uuid("id"))
        case "GetActorStatus": command = .getActorStatus(id: try fields.uuid("id"))
        case "RestartActor": command = .restartActor(id: try fields.uuid("id"))
        case "GetActorState": command = .getActorState(id: try fields.uuid("id"))
        case "GetActorEvents": command = .getActorEvents(id: try fields.uuid("id"))
        case "GetActorMetrics": command = .getActorMetrics(id: try fields.uuid("id"))
        case "UpdateActorComponent":
            command = .updateActorComponent(id: try fields.uuid("id"), component: try fields.string("component"))
        case "OpenChannel":
            command = .openChannel(actorID: try ChannelParticipant.decode(try fields.required("actor_id"), at: fields.pathOf("actor_id")),
                                   initialMessage: try fields.bytes("initial_message"))
        case "SendOnChannel": command = .sendOnChannel(channelID: try fields.string("channel_id"), message: try fields.bytes("message"))
        default: command = .closeChannel(channelID: try fields.string("channel_id"))
        }
        try fields.finish()
        return command
    }
}
