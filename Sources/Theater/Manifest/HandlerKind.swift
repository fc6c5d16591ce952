/// The handler types a manifest can name in `type = "..."`.
///
/// Names are matched ignoring case and treating `_` like `-`, which also accepts
/// upstream Theater's older spellings (`Http-client`, `message_server`).
enum HandlerKind: String, CaseIterable, Sendable {
    case runtime
    case messageServer = "message-server"
    case supervisor
    case store
    case timing
    case random
    case environment
    case filesystem
    case httpClient = "http-client"
    case httpFramework = "http-framework"
    case process

    /// The kind named by `written`, or nil.
    init?(manifestName written: String) {
        let normalized = written.lowercased().replacingOccurrences(of: "_", with: "-")
        self.init(rawValue: normalized)
    }

    /// The setting keys the handler accepts.
    var settingKeys: [String] {
        switch self {
        case .runtime, .messageServer: return []
        case .supervisor: return SupervisorConfig.keys
        case .store: return StoreConfig.keys
        case .timing: return TimingConfig.keys
        case .random: return RandomConfig.keys
        case .environment: return EnvironmentConfig.keys
        case .filesystem: return FilesystemConfig.keys
        case .httpClient: return HTTPClientConfig.keys
        case .httpFramework: return HTTPFrameworkConfig.keys
        case .process: return ProcessConfig.keys
        }
    }

    /// Advice for handler types that upstream Theater had and later replaced.
    static func replacementAdvice(for written: String) -> String? {
        switch written.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "http-server":
            return "the http-server handler was replaced by http-framework: write type = \"http-framework\" and create the server and its routes from the actor"
        case "websocket-server":
            return "the websocket-server handler was replaced by http-framework: write type = \"http-framework\" and enable WebSockets on a server from the actor"
        default:
            return nil
        }
    }
}
