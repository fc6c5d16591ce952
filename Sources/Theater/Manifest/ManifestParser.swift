import Foundation

/// Builds an `ActorManifest` from manifest text: the top-level fields, `[limits]`, `[supervision]`, the
/// handlers and the initial state, in that order (the state's size is checked against
/// the limits).
enum ManifestParser {
    /// The keys a manifest may have at its top level.
    static let topLevelKeys = [
        "name", "version", "description", "component", "component_path", "init_state",
        "handler", "handlers", "limits", "supervision",
    ]

    /// `recordedInitialState`, when given, is used instead of reading `init_state` (a replay
    /// takes the state from the chain, where the file it came from may be gone).
    static func parse(
        text: String, fileName: String, baseDirectory: URL, environment: [String: String],
        recordedInitialState: [UInt8]?? = nil
    ) throws(ManifestError) -> ActorManifest {
        let root = try ManifestDocument.parse(text: text, fileName: fileName, environment: environment)
        let manifest = try ManifestTableReader(fileName: fileName, node: root, context: "a manifest", example: "name = \"my-actor\"")
        try manifest.rejectUnknownKeys(allowed: topLevelKeys)

        guard let name = try manifest.string("name", example: "name = \"my-actor\"") else {
            throw ManifestError(
                file: fileName, line: nil, field: "name",
                message: "missing; every manifest needs a name: add name = \"my-actor\" at the top")
        }
        if let nameNode = manifest.take("name") {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw manifest.error(at: nameNode, "must not be empty; write name = \"my-actor\"")
            }
            guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw manifest.error(at: nameNode, "must not contain control characters such as line breaks; write name = \"my-actor\"")
            }
        }
        let version = try manifest.string("version", example: "version = \"0.1.0\"")
        let description = try manifest.string("description", example: "description = \"what the actor does\"")
        let component = try readComponent(manifest)
        let componentURL = resolve(component, against: baseDirectory)

        var limits = ActorLimits.defaults
        if let limitsNode = manifest.take("limits") {
            let reader = try ManifestTableReader(
                fileName: fileName, node: limitsNode, context: "[limits]", example: "[limits] with one key per line")
            try reader.rejectUnknownKeys(allowed: ActorLimits.keys)
            limits = try ActorLimits(reading: reader)
        }

        var supervision = ChildSupervision()
        if let supervisionNode = manifest.take("supervision") {
            let reader = try ManifestTableReader(
                fileName: fileName, node: supervisionNode, context: "[supervision]",
                example: "[supervision] with one key per line")
            try reader.rejectUnknownKeys(allowed: ChildSupervision.keys)
            supervision = try ChildSupervision(reading: reader)
        }

        let handlers = try HandlerListReader.read(from: manifest)

        var initialState: [UInt8]?
        if let recordedInitialState {
            initialState = recordedInitialState
            _ = manifest.take("init_state")
        } else if let stateText = try manifest.string("init_state", example: "init_state = \"state.json\""),
            let stateNode = manifest.take("init_state")
        {
            initialState = try InitialStateSource.load(
                stateText, node: stateNode, baseDirectory: baseDirectory, stateSize: limits.stateSize,
                fileName: fileName)
        }

        return ActorManifest(
            name: name, version: version, description: description, component: component,
            componentURL: componentURL, initialState: initialState, handlers: handlers, limits: limits,
            supervision: supervision, baseDirectory: baseDirectory, sourceText: text, fileName: fileName)
    }

    /// `component`, or upstream's `component_path`: exactly one, not empty.
    private static func readComponent(_ manifest: ManifestTableReader) throws(ManifestError) -> String {
        let current = try manifest.string("component", example: "component = \"actor.wasm\"")
        let upstream = try manifest.string("component_path", example: "component_path = \"actor.wasm\"")
        if current != nil, upstream != nil, let node = manifest.take("component_path") {
            throw manifest.error(at: node, "component and component_path both name the component; keep one of them (component is the current name)")
        }
        guard let component = current ?? upstream else {
            throw ManifestError(
                file: manifest.fileName, line: nil, field: "component",
                message: "missing; every manifest names its WebAssembly component: add component = \"actor.wasm\"")
        }
        if component.trimmingCharacters(in: .whitespaces).isEmpty,
            let node = manifest.take(current != nil ? "component" : "component_path")
        {
            throw manifest.error(at: node, "must not be empty; write component = \"actor.wasm\" (a path relative to the manifest's folder)")
        }
        return component
    }

    /// `path` made absolute against `base` unless it already is.
    static func resolve(_ path: String, against base: URL) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        return base.appendingPathComponent(path).standardizedFileURL
    }
}
