import ArgumentParser
import Foundation
import Theater

/// `theater build [DIR]`: builds a Python actor project (as `theater create` writes) into
/// its component with componentize-py, then checks the component against the manifest.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a Python actor project with componentize-py and check it against its manifest.",
        discussion: """
        DIR holds manifest.toml, app.py and wit/ (as `theater create` writes them). Runs \
        `componentize-py -d wit -w WORLD componentize -p . app -o COMPONENT`, COMPONENT being the \
        manifest's `component`, then checks it as `theater validate` does, and prints its path and \
        size. WORLD is --world, else the first of \(ActorWorld.ruleDescription) whose handlers the \
        manifest all grants.
        """
    )

    @Argument(help: "The project folder (default: the current folder).")
    var directory: String = "."

    @Option(name: .long, help: "The world in the project's wit/ to build for (default: chosen from the manifest's handlers).")
    var world: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let project = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let manifestURL = project.appendingPathComponent("manifest.toml")
        try requireProjectFiles(in: project, manifest: manifestURL)

        let manifest: ActorManifest
        do {
            manifest = try ActorManifest.load(path: manifestURL.path, environment: environment)
        } catch {
            throw CommandFailure("\(error)")
        }
        let handlerTypes = manifest.handlers.map(\.typeName)
        let chosenWorld: String
        if let world {
            chosenWorld = world
        } else if let derived = ActorWorld.chosen(for: handlerTypes) {
            chosenWorld = derived.rawValue
        } else {
            throw CommandFailure("""
                \(manifestURL.path) grants \(handlerTypes.isEmpty ? "no handlers" : "only " + handlerTypes.joined(separator: ", ")); \
                every project world imports `runtime`: add [[handler]] type = "runtime", or pass --world
                """)
        }

        let componentizePy = try ComponentizePy.locate(environment: environment)
        FileHandle.standardError.write(Data("building \(manifest.name) (world \(chosenWorld)) with \(componentizePy.url.path)\n".utf8))
        try componentizePy.build(project: project, world: chosenWorld, output: manifest.componentURL)

        let report: ActorValidation.Report
        do {
            try manifest.requireComponentFile()
            report = try ActorValidation.validate(manifest)
        } catch {
            throw CommandFailure("built \(manifest.componentURL.path), but it does not fit \(manifestURL.path): \(error)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: manifest.componentURL.path)[.size] as? NSNumber)?.intValue ?? 0
        print("built \(manifest.componentURL.path) (\(Self.describe(size: size)))")
        print("  world:   \(chosenWorld)")
        print("  exports: " + report.exports.joined(separator: ", "))
    }

    /// Fails with what is missing when `project` is not an actor project.
    private func requireProjectFiles(in project: URL, manifest: URL) throws(CommandFailure) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: project.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure("\(project.path) is not a folder; give the project folder `theater create` made")
        }
        let missing = ["manifest.toml", "app.py", "wit"].filter {
            !fileManager.fileExists(atPath: project.appendingPathComponent($0).path)
        }
        guard missing.isEmpty else {
            throw CommandFailure("\(project.path) is not an actor project: it has no \(missing.joined(separator: ", ")) "
                                 + "(`theater create NAME` makes one)")
        }
    }

    /// A size in bytes, and in MB when large.
    static func describe(size: Int) -> String {
        size >= 1_000_000 ? String(format: "%d bytes, %.1f MB", size, Double(size) / 1_000_000) : "\(size) bytes"
    }
}
