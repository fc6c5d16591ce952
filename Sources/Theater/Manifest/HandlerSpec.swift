/// One `[[handler]]` entry of a manifest: a host interface granted to the actor, with
/// the settings that narrow it.
///
/// Two forms are accepted, and may be mixed (entries keep their order in the file):
/// ```toml
/// [[handler]]                # current: settings next to the type
/// type = "random"
/// seed = 42
///
/// [[handlers]]               # older: settings in an inline config table
/// type = "random"
/// config = { seed = 42 }
/// ```
public enum HandlerSpec: Sendable, Equatable {
    case runtime
    case messageServer
    case supervisor(SupervisorConfig)
    case store(StoreConfig)
    case timing(TimingConfig)
    case random(RandomConfig)
    case environment(EnvironmentConfig)
    case filesystem(FilesystemConfig)
    case httpClient(HTTPClientConfig)
    case httpFramework(HTTPFrameworkConfig)
    case process(ProcessConfig)

    /// The type as written in manifests: "runtime", "message-server", "http-client", ...
    public var typeName: String { kind.rawValue }

    /// One line describing the grant, recorded in the actor's chain: the type name,
    /// a space, and the effective settings (defaults filled in) as compact JSON with
    /// sorted keys, e.g. `random {"max_bytes":1048576,"seed":42}`. Stable across runs.
    public var canonicalDescription: String {
        "\(typeName) \(CanonicalText.object(canonicalSettings))"
    }

    /// Every handler type name, in the order the documentation lists them.
    public static var allTypeNames: [String] { HandlerKind.allCases.map(\.rawValue) }

    var kind: HandlerKind {
        switch self {
        case .runtime: return .runtime
        case .messageServer: return .messageServer
        case .supervisor: return .supervisor
        case .store: return .store
        case .timing: return .timing
        case .random: return .random
        case .environment: return .environment
        case .filesystem: return .filesystem
        case .httpClient: return .httpClient
        case .httpFramework: return .httpFramework
        case .process: return .process
        }
    }

    private var canonicalSettings: [String: String] {
        switch self {
        case .runtime, .messageServer: return [:]
        case .supervisor(let config): return config.canonicalSettings
        case .store(let config): return config.canonicalSettings
        case .timing(let config): return config.canonicalSettings
        case .random(let config): return config.canonicalSettings
        case .environment(let config): return config.canonicalSettings
        case .filesystem(let config): return config.canonicalSettings
        case .httpClient(let config): return config.canonicalSettings
        case .httpFramework(let config): return config.canonicalSettings
        case .process(let config): return config.canonicalSettings
        }
    }

    /// Reads one handler's settings once its kind is known; the caller has already
    /// rejected unknown keys.
    init(kind: HandlerKind, settings: ManifestTableReader) throws(ManifestError) {
        switch kind {
        case .runtime: self = .runtime
        case .messageServer: self = .messageServer
        case .supervisor: self = .supervisor(try SupervisorConfig(reading: settings))
        case .store: self = .store(StoreConfig())
        case .timing: self = .timing(try TimingConfig(reading: settings))
        case .random: self = .random(try RandomConfig(reading: settings))
        case .environment: self = .environment(try EnvironmentConfig(reading: settings))
        case .filesystem: self = .filesystem(try FilesystemConfig(reading: settings))
        case .httpClient: self = .httpClient(try HTTPClientConfig(reading: settings))
        case .httpFramework: self = .httpFramework(try HTTPFrameworkConfig(reading: settings))
        case .process: self = .process(try ProcessConfig(reading: settings))
        }
    }
}
