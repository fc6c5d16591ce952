import ArgumentParser
import Foundation
import Theater
import TheaterServer

/// `theater watch DIR --manifest M`: builds an actor project, starts its actor on the server,
/// then rebuilds and updates the actor whenever a source file changes, until Ctrl-C.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Rebuild an actor project and update its actor on the server whenever a source file changes.",
        discussion: """
        Builds DIR as `theater build` does and starts the actor on the server (StartActor with \
        the manifest's path: the server must see this machine's files). Then polls the \
        project's sources (every *.py file, everything under wit/, and the manifest; not \
        hidden folders, __pycache__, virtual environments or the built component) every \
        --interval milliseconds by modification time and size. After a change it rebuilds \
        and replaces the running actor's component (UpdateActorComponent: same actor id, \
        state kept); when the manifest itself changed, it stops the actor and starts a new \
        one instead. A failed build or a refused update leaves the running actor as it \
        was. One line per event, or JSON Lines with --json. Ctrl-C or SIGTERM stops \
        watching and leaves the actor running (`theater stop ID` stops it).
        """
    )

    @Argument(help: "The project folder (default: the current folder).")
    var directory: String = "."

    @Option(name: .long, help: "The actor's manifest (default: DIR/manifest.toml).")
    var manifest: String?

    @Option(name: .long, help: "The world in the project's wit/ to build for (default: chosen from the manifest's handlers).")
    var world: String?

    @Option(name: .long, help: "Milliseconds between two looks at the files (50 to 10000).")
    var interval: Int = 300

    @OptionGroup var client: ClientOptions

    /// Starting a Python actor or swapping its component takes seconds on a busy machine: the
    /// watch waits at least this long for the server's answer.
    static let minimumTimeout = 300.0

    func validate() throws {
        guard (50...10_000).contains(interval) else {
            throw ValidationError("--interval must be from 50 to 10000 milliseconds, not \(interval)")
        }
    }

    func run() async throws {
        let project = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let manifestURL = manifest.map { URL(fileURLWithPath: $0).standardizedFileURL }
            ?? project.appendingPathComponent("manifest.toml")
        let build = ActorProjectBuild(project: project, manifestURL: manifestURL, world: world)
        try build.requireProjectFiles()
        let environment = ProcessInfo.processInfo.environment
        let component = (try? ActorManifest.load(path: manifestURL.path, environment: environment))?.componentURL
        let sources = ProjectSources(project: project, manifestURL: manifestURL,
                                     ignored: Set([component?.standardizedFileURL.path].compactMap { $0 }))
        let watcher = try SourceWatcher(sources: sources, interval: .milliseconds(interval))

        let server = try await connect()
        let stop = WatchStop()
        let signals = SignalWatcher(signals: [SIGINT, SIGTERM]) { stop.request() }
        defer { signals.cancel() }
        let session = WatchSession(server: server, build: build, output: client.output, stop: stop)
        session.report(.watching(project: project.path, manifest: manifestURL.path, files: watcher.baseline.files.count))
        do {
            try await session.deploy(manifestChanged: false)
            while let changed = try await watcher.nextChange(stopped: { stop.isRequested }) {
                session.report(.changed(files: changed.map(sources.display)))
                try await session.deploy(manifestChanged: changed.contains(manifestURL.path))
            }
        } catch {
            await server.close()
            throw error
        }
        session.report(.stopped(actor: session.actorID))
        await server.close()
    }

    /// A connection to the server that waits long enough for actor starts and updates.
    private func connect() async throws -> ManagementClient {
        let settings = try client.settings()
        do {
            return try await ManagementClient.connect(to: settings.address, timeout: max(settings.timeout, Self.minimumTimeout))
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
