/// Where an actor is in its life, as the server's `GetActorStatus` reports it.
public enum ActorStatus: Equatable, Sendable {
    /// Running (possibly busy).
    case running
    /// Stopped: by itself, its supervisor or the runtime (the reason).
    case stopped(String)
    /// Failed (why).
    case failed(String)

    /// The status of an actor that ended with `exit`.
    init(_ exit: ActorExit) {
        switch exit {
        case .failed(let message): self = .failed(message)
        case .stopped(let reason): self = .stopped(reason)
        case .shutdown: self = .stopped(exit.description)
        }
    }

    /// The wire name: "Running", "Stopped" or "Failed".
    public var name: String {
        switch self {
        case .running: return "Running"
        case .stopped: return "Stopped"
        case .failed: return "Failed"
        }
    }
}
