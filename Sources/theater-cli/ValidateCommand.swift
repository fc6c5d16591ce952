import ArgumentParser
import Foundation
import Theater

/// `theater validate MANIFEST`: checks a manifest and its component without running it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a manifest, and that its component's imports are granted and its exports match its handlers."
    )

    @Argument(help: "The actor's manifest (TOML).")
    var manifest: String

    func run() throws {
        let actorManifest: ActorManifest
        do {
            actorManifest = try ActorManifest.load(path: manifest, environment: ProcessInfo.processInfo.environment)
            try actorManifest.requireComponentFile()
        } catch {
            throw CommandFailure("\(error)")
        }
        let report: ActorValidation.Report
        do {
            report = try ActorValidation.validate(actorManifest)
        } catch {
            throw CommandFailure("\(manifest): \(error)")
        }
        print("\(manifest): valid")
        print("  handlers: " + actorManifest.handlers.map(\.typeName).joined(separator: ", "))
        print("  imports:  " + (report.imports.isEmpty ? "none" : report.imports.joined(separator: ", ")))
        print("  exports:  " + report.exports.joined(separator: ", "))
    }
}
