import Foundation
import Theater

/// The parts of an actor's manifest a person looks for first (name, version, component,
/// handlers), read from the `ActorManifest` answer: this server sends the TOML text, parsed
/// here with the runtime's manifest parser. Paths in it are the server's; they are shown, not opened.
struct ManifestSummary {
    /// The manifest text as the server sent it (nil when the server sent structured JSON).
    let text: String?
    let name: String?
    let version: String?
    let component: String?
    /// Handler type names, in manifest order.
    let handlers: [String]
    /// Why the text could not be read as a manifest, if it could not.
    let problem: String?

    init(_ manifest: ManagementJSON) {
        guard let text = manifest.text else {
            // Upstream servers send the manifest as a JSON structure.
            self.text = nil
            name = manifest["name"]?.text
            version = manifest["version"]?.text
            component = (manifest["component"] ?? manifest["component_path"])?.text
            handlers = []
            problem = nil
            return
        }
        self.text = text
        do {
            // Its files are on the server: the initial state is not read (`parseRecorded`),
            // and the paths are shown as written.
            let parsed = try ActorManifest.parseRecorded(
                text: text, fileName: "the actor's manifest", baseDirectory: URL(fileURLWithPath: "/"),
                environment: ProcessInfo.processInfo.environment, initialState: nil)
            name = parsed.name
            version = parsed.version
            component = parsed.component
            handlers = parsed.handlers.map(\.typeName)
            problem = nil
        } catch {
            name = nil
            version = nil
            component = nil
            handlers = []
            problem = "\(error)"
        }
    }

    /// The summary as a JSON object (the text included).
    var json: ManagementJSON {
        .object([
            (key: "name", value: name.map { .string($0) } ?? .null),
            (key: "version", value: version.map { .string($0) } ?? .null),
            (key: "component", value: component.map { .string($0) } ?? .null),
            (key: "handlers", value: .array(handlers.map { .string($0) })),
            (key: "text", value: text.map { .string($0) } ?? .null),
        ])
    }
}
