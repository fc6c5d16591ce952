/// One end of a management channel: an actor, or the external client itself.
/// On the wire `{"Actor": "<uuid>"}` or `"External"`.
public enum ChannelParticipant: Equatable, Sendable {
    case actor(String)
    case external

    var json: ManagementJSON {
        switch self {
        case .actor(let id): return .tagged("Actor", .string(id))
        case .external: return .string("External")
        }
    }

    static func decode(_ value: ManagementJSON, at path: String) throws -> ChannelParticipant {
        let (tag, payload) = try ManagementFields.variant(value, at: path, of: "channel participant")
        switch tag {
        case "Actor":
            let id = try ManagementFields.needsPayload(tag, payload, at: path)
            return .actor(try ManagementFields.uuid(id, at: ManagementFields.join(path, tag)))
        case "External":
            try ManagementFields.fieldless(tag, payload, at: path)
            return .external
        default:
            throw ManagementFields.unknownVariant(tag, at: path, of: "channel participant", expected: ["Actor", "External"])
        }
    }
}
