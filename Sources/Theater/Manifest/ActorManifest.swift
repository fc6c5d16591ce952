import Foundation

/// An actor's manifest: what to run (the component), what it may use (handlers), its
/// initial state and its resource limits. Read from a TOML file:
///
/// ```toml
/// name = "counter"
/// version = "0.1.0"                  # optional
/// description = "counts messages"    # optional
/// component = "counter.wasm"         # or component_path = "..." (upstream's name)
/// init_state = "state.json"          # optional: a file, or the state inline
///
/// [[handler]]
/// type = "message-server"
///
/// [limits]                           # optional, see ActorLimits
/// fuel_per_call = 10_000_000
///
/// [supervision]                      # optional, see ChildSupervision
/// restart = "transient"
/// ```
///
/// `${VAR}` and `${VAR:-default}` in any string value are replaced from the environment
/// given to the parser (see `VariableSubstitution`); unknown keys, wrong types and
/// out-of-range numbers are errors naming the file, line and field.
public struct ActorManifest: Sendable, Equatable {
    /// The actor's name (required, not empty).
    public var name: String
    /// The actor's version, if given.
    public var version: String?
    /// A human-readable description, if given.
    public var description: String?
    /// The component path as written (after substitution).
    public var component: String
    /// The component path resolved against `baseDirectory`.
    public var componentURL: URL
    /// The initial state: the contents of the `init_state` file or its inline text's
    /// UTF-8 bytes; nil without `init_state`.
    public var initialState: [UInt8]?
    /// The granted handlers, in manifest order.
    public var handlers: [HandlerSpec]
    /// The actor's resource limits (`ActorLimits.defaults` for missing keys).
    public var limits: ActorLimits
    /// How the actor wants to be supervised when it is a child (from `[supervision]`;
    /// both fields nil when absent).
    public var supervision: ChildSupervision
    /// The manifest's folder: relative paths in the manifest are relative to it.
    public var baseDirectory: URL
    /// The TOML text as read, before substitution.
    public var sourceText: String
    /// The manifest's name for messages, e.g. "examples/counter/manifest.toml".
    public var fileName: String

    /// Creates a manifest from its parts (for tests and programmatic actors; files go
    /// through `load` or `parse`).
    public init(
        name: String, version: String? = nil, description: String? = nil, component: String,
        componentURL: URL, initialState: [UInt8]? = nil, handlers: [HandlerSpec] = [],
        limits: ActorLimits = .defaults, supervision: ChildSupervision = ChildSupervision(),
        baseDirectory: URL, sourceText: String = "", fileName: String = "<memory>"
    ) {
        self.name = name
        self.version = version
        self.description = description
        self.component = component
        self.componentURL = componentURL
        self.initialState = initialState
        self.handlers = handlers
        self.limits = limits
        self.supervision = supervision
        self.baseDirectory = baseDirectory
        self.sourceText = sourceText
        self.fileName = fileName
    }

    /// Reads and parses the manifest file at `path`; relative paths inside it resolve
    /// against the file's folder. Errors name `path` as given.
    public static func load(path: String, environment: [String: String]) throws(ManifestError) -> ActorManifest {
        let text = try ManifestFileReader.readText(path: path)
        let baseDirectory = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        return try parse(text: text, fileName: path, baseDirectory: baseDirectory, environment: environment)
    }

    /// Parses manifest text; relative paths resolve against `baseDirectory`, and
    /// `fileName` names the text in error messages.
    public static func parse(
        text: String, fileName: String, baseDirectory: URL, environment: [String: String]
    ) throws(ManifestError) -> ActorManifest {
        try ManifestParser.parse(
            text: text, fileName: fileName, baseDirectory: baseDirectory, environment: environment)
    }

    /// Parses a manifest recorded in a chain, for a replay: the initial state comes from the
    /// record instead of `init_state` (whose file may no longer exist). Management clients use
    /// it too, for a manifest whose files are on the server.
    public static func parseRecorded(
        text: String, fileName: String, baseDirectory: URL, environment: [String: String], initialState: [UInt8]?
    ) throws(ManifestError) -> ActorManifest {
        try ManifestParser.parse(
            text: text, fileName: fileName, baseDirectory: baseDirectory, environment: environment,
            recordedInitialState: .some(initialState))
    }

    /// The `seed` of the manifest's random handler, if it sets one.
    var randomSeed: UInt64? {
        for handler in handlers {
            if case .random(let config) = handler { return config.seed }
        }
        return nil
    }

    /// The handler of the given type name ("random", "http-client", ...), if granted.
    public func handler(named typeName: String) -> HandlerSpec? {
        handlers.first { $0.typeName == typeName }
    }
}
