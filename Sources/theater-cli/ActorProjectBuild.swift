import Foundation
import Theater

/// Building a Python actor project (as `theater create` writes it) into its component with
/// componentize-py, then checking the component against the manifest: what `theater build`
/// does, and what `theater watch` does after each change.
struct ActorProjectBuild {
    /// The project folder (holding app.py and wit/).
    let project: URL
    /// The manifest whose `component` the build writes and whose handlers it is checked against.
    let manifestURL: URL
    /// The world to build for; nil chooses it from the manifest's handlers (`ActorWorld`).
    let world: String?

    /// What a successful build made.
    struct Result {
        /// The manifest, as read for this build.
        let manifest: ActorManifest
        /// The world it was built for.
        let world: String
        /// The component's exports and imports.
        let report: ActorValidation.Report
        /// The component file's size in bytes.
        let size: Int
    }

    /// Checks the project, runs componentize-py (its output streams to standard error) and
    /// checks the component. `started` gets the componentize-py process once it runs (so that
    /// a watcher can end it early). Fails with a message naming what is wrong and where.
    func run(environment: [String: String], started: (Process) -> Void = { _ in }) throws(CommandFailure) -> Result {
        try requireProjectFiles()
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
        try componentizePy.build(project: project, world: chosenWorld, output: manifest.componentURL, started: started)

        let report: ActorValidation.Report
        do {
            try manifest.requireComponentFile()
            report = try ActorValidation.validate(manifest)
        } catch {
            throw CommandFailure("built \(manifest.componentURL.path), but it does not fit \(manifestURL.path): \(error)")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: manifest.componentURL.path)[.size] as? NSNumber)?.intValue ?? 0
        return Result(manifest: manifest, world: chosenWorld, report: report, size: size)
    }

    /// Fails with what is missing when `project` is not an actor project.
    func requireProjectFiles() throws(CommandFailure) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: project.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure("\(project.path) is not a folder; give the project folder `theater create` made")
        }
        var missing = ["app.py", "wit"].filter { !fileManager.fileExists(atPath: project.appendingPathComponent($0).path) }
        if !fileManager.fileExists(atPath: manifestURL.path) {
            missing.insert(manifestURL.deletingLastPathComponent().path == project.path ? manifestURL.lastPathComponent : manifestURL.path,
                           at: 0)
        }
        guard missing.isEmpty else {
            throw CommandFailure("\(project.path) is not an actor project: it has no \(missing.joined(separator: ", ")) "
                                 + "(`theater create NAME` makes one)")
        }
    }
}
