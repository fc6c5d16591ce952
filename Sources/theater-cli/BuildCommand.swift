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
        let project = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let build = ActorProjectBuild(project: project, manifestURL: project.appendingPathComponent("manifest.toml"),
                                      world: world)
        let result = try build.run(environment: ProcessInfo.processInfo.environment)
        print("built \(result.manifest.componentURL.path) (\(Self.describe(size: result.size)))")
        print("  world:   \(result.world)")
        print("  exports: " + result.report.exports.joined(separator: ", "))
    }

    /// A size in bytes, and in MB when large.
    static func describe(size: Int) -> String {
        size >= 1_000_000 ? String(format: "%d bytes, %.1f MB", size, Double(size) / 1_000_000) : "\(size) bytes"
    }
}
