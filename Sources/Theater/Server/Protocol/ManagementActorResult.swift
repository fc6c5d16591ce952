/// How an actor's run ended, sent to the client that started it with `subscribe`:
/// `{"ActorResult": {"Success": {"actor_id", "result"}}}` and the like.
public enum ManagementActorResult: Equatable, Sendable {
    /// The actor failed; `error` says why.
    case error(actorID: String, error: String)
    /// The actor finished; `result` is its optional result bytes.
    case success(actorID: String, result: [UInt8]?)
    /// The actor was stopped from outside.
    case externalStop(actorID: String)

    var json: ManagementJSON {
        switch self {
        case .error(let id, let error):
            return .tagged("Error", .object([("actor_id", .string(id)), ("error", .string(error))]))
        case .success(let id, let result):
            return .tagged("Success", .object([("actor_id", .string(id)), ("result", result.map(ManagementJSON.bytes) ?? .null)]))
        case .externalStop(let id):
            return .tagged("ExternalStop", .object([("actor_id", .string(id))]))
        }
    }

    static func decode(_ value: ManagementJSON, at path: String) throws -> ManagementActorResult {
        let (tag, payload) = try ManagementFields.variant(value, at: path, of: "actor result")
        let inner = ManagementFields.join(path, tag)
        let result: ManagementActorResult
        switch tag {
        case "Error":
            var fields = try ManagementFields(try ManagementFields.needsPayload(tag, payload, at: path), at: inner)
            result = .error(actorID: try fields.uuid("actor_id"), error: try fields.string("error"))
            try fields.finish()
        case "Success":
            var fields = try ManagementFields(try ManagementFields.needsPayload(tag, payload, at: path), at: inner)
            result = .success(actorID: try fields.uuid("actor_id"), result: try fields.optionalBytes("result"))
            try fields.finish()
        case "ExternalStop":
            var fields = try ManagementFields(try ManagementFields.needsPayload(tag, payload, at: path), at: inner)
            result = .externalStop(actorID: try fields.uuid("actor_id"))
            try fields.finish()
        default:
            throw ManagementFields.unknownVariant(tag, at: path, of: "actor result", expected: ["Error", "Success", "ExternalStop"])
        }
        return result
    }
}
