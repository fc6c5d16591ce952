import ArgumentParser
import Foundation

/// `theater create NAME`: writes a new Python actor project from a template.
struct CreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a Python actor project (app.py, manifest.toml, README.md, wit/).",
        discussion: """
        Writes DIR/NAME/ (DIR being --output-dir, else the current folder). Build it with \
        `theater build DIR/NAME` (needs componentize-py) and run it with \
        `theater run DIR/NAME/manifest.toml`. Templates: basic (logs in init), message-server \
        (answers requests, counts sends), supervisor (spawns a child named in its state), http \
        (serves HTTP and a WebSocket through the http-framework handler).
        """
    )

    @Argument(help: "The actor's name: letters, digits, - and _ (it names the folder and NAME.wasm).")
    var name: String

    @Option(name: .long, help: "The kind of actor: \(ActorTemplate.allCases.map(\.rawValue).joined(separator: ", ")).")
    var template: ActorTemplate = .basic

    @Option(name: .long, help: "The folder to create the project in (default: the current folder).")
    var outputDir: String?

    func run() throws {
        let projectName = try ActorProjectName(name)
        let parent = URL(fileURLWithPath: outputDir ?? FileManager.default.currentDirectoryPath, isDirectory: true)
        let folder = try ActorProjectWriter(name: projectName, template: template).write(under: parent)
        print("created \(template.rawValue) actor \(projectName) in \(folder.path)")
        print("next: theater build \(folder.path)")
    }
}
