import Theater

/// Why a management client could not talk to a server, in words a user can act on.
public enum ManagementClientError: Error, Equatable, CustomStringConvertible {
    /// Nothing accepted a connection at the address.
    case cannotConnect(address: ServerAddress, reason: String)
    /// The server sent no response within the client's time limit.
    case timedOut(address: ServerAddress, seconds: Double)
    /// The server closed the connection (or it broke) before answering.
    case connectionClosed(address: ServerAddress)
    /// The server sent bytes that are not a valid frame or response.
    case badResponse(address: ServerAddress, reason: String)

    public var description: String {
        switch self {
        case .cannotConnect(let address, let reason):
            return "no Theater server answers at \(address) (\(reason)). Start one with `theater server`, "
                + "or point the client at another with --address HOST:PORT or THEATER_SERVER_ADDRESS."
        case .timedOut(let address, let seconds):
            return "the Theater server at \(address) sent no response within \(ValueFormat.seconds(seconds)) "
                + "(set a longer time limit with `timeout` in ~/.config/theater/config.toml)"
        case .connectionClosed(let address):
            return "the Theater server at \(address) closed the connection"
        case .badResponse(let address, let reason):
            return "the Theater server at \(address) sent a response this client cannot read: \(reason)"
        }
    }
}

/// Small formatting helpers for the client's messages.
enum ValueFormat {
    /// `30 s`, `0.5 s`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
