/// The error kinds of a management `Error {error}` response, as upstream Theater names them.
/// Kinds without text are bare strings on the wire (`"ActorNotFound"`); the others are
/// one-key objects (`{"ActorError": "text"}`).
public enum ManagementError: Error, Equatable, Sendable {
    case actorNotFound
    case actorAlreadyExists
    case actorNotRunning
    case actorError(String)
    case channelNotFound
    case channelClosed
    case channelRejected
    case storeError(String)
    case communicationError(String)
    case invalidRequest(String)
    case timeout
    case runtimeError(String)
    case internalError(String)
    case serializationError(String)
    case actorInitializationError(String)

    static let tags = [
        "ActorNotFound", "ActorAlreadyExists", "ActorNotRunning", "ActorError", "ChannelNotFound",
        "ChannelClosed", "ChannelRejected", "StoreError", "CommunicationError", "InvalidRequest",
        "Timeout", "RuntimeError", "InternalError", "SerializationError", "ActorInitializationError",
    ]

    /// The wire tag and, for kinds that have one, the text.
    var tagAndText: (tag: String, text: String?) {
        switch self {
        case .actorNotFound: return ("ActorNotFound", nil)
        case .actorAlreadyExists: return ("ActorAlreadyExists", nil)
        case .actorNotRunning: return ("ActorNotRunning", nil)
        case .actorError(let text): return ("ActorError", text)
        case .channelNotFound: return ("ChannelNotFound", nil)
        case .channelClosed: return ("ChannelClosed", nil)
        case .channelRejected: return ("ChannelRejected", nil)
        case .storeError(let text): return ("StoreError", text)
        case .communicationError(let text): return ("CommunicationError", text)
        case .invalidRequest(let text): return ("InvalidRequest", text)
        case .timeout: return ("Timeout", nil)
        case .runtimeError(let text): return ("RuntimeError", text)
        case .internalError(let text): return ("InternalError", text)
        case .serializationError(let text): return ("SerializationError", text)
        case .actorInitializationError(let text): return ("ActorInitializationError", text)
        }
    }

    var json: ManagementJSON {
        let (tag, text) = tagAndText
        return text.map { .tagged(tag, .string($0)) } ?? .string(tag)
    }

    static func decode(_ value: ManagementJSON, at path: String) throws -> ManagementError {
        let (tag, payload) = try ManagementFields.variant(value, at: path, of: "management error")
        let textKinds: [String: (String) -> ManagementError] = [
            "ActorError": ManagementError.actorError, "StoreError": ManagementError.storeError,
            "CommunicationError": ManagementError.communicationError, "InvalidRequest": ManagementError.invalidRequest,
            "RuntimeError": ManagementError.runtimeError, "InternalError": ManagementError.internalError,
            "SerializationError": ManagementError.serializationError,
            "ActorInitializationError": ManagementError.actorInitializationError,
        ]
        let plainKinds: [String: ManagementError] = [
            "ActorNotFound": .actorNotFound, "ActorAlreadyExists": .actorAlreadyExists,
            "ActorNotRunning": .actorNotRunning, "ChannelNotFound": .channelNotFound,
            "ChannelClosed": .channelClosed, "ChannelRejected": .channelRejected, "Timeout": .timeout,
        ]
        if let make = textKinds[tag] {
            let text = try ManagementFields.needsPayload(tag, payload, at: path)
            return make(try ManagementFields.string(text, at: ManagementFields.join(path, tag)))
        }
        if let kind = plainKinds[tag] {
            try ManagementFields.fieldless(tag, payload, at: path)
            return kind
        }
        throw ManagementFields.unknownVariant(tag, at: path, of: "management error", expected: tags)
    }
}

extension ManagementError: CustomStringConvertible {
    /// A human sentence, as upstream's `Display` words it.
    public var description: String {
        switch self {
        case .actorNotFound: return "Actor not found"
        case .actorAlreadyExists: return "Actor already exists"
        case .actorNotRunning: return "Actor is not running"
        case .actorError(let text): return "Actor error: \(text)"
        case .channelNotFound: return "Channel not found"
        case .channelClosed: return "Channel is closed"
        case .channelRejected: return "Channel was rejected"
        case .storeError(let text): return "Store error: \(text)"
        case .communicationError(let text): return "Communication error: \(text)"
        case .invalidRequest(let text): return "Invalid request: \(text)"
        case .timeout: return "Operation timed out"
        case .runtimeError(let text): return "Runtime error: \(text)"
        case .internalError(let text): return "Internal error: \(text)"
        case .serializationError(let text): return "Serialization error: \(text)"
        case .actorInitializationError(let text): return "Actor initialization error: \(text)"
        }
    }
}
