import ArgumentParser
import Foundation
import Theater
import TheaterServer

/// `theater start MANIFEST`: starts an actor on the server, optionally watching its events
/// until it ends.
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start an actor on the server from a manifest.",
        discussion: """
        The manifest path is resolved against the current directory and sent as an absolute \
        path. --initial-state names a file whose bytes are the state, or is JSON text whose \
        UTF-8 bytes are. --id-only prints just the new actor's id (`theater start m.toml \
        --id-only | theater subscribe -`). --subscribe (or --monitor) prints the actor's \
        events as they are recorded until it ends or Ctrl-C, then how it ended; the exit \
        status is 1 when the actor failed. --json prints {"id": ID, "name": NAME}; with \
        --subscribe it prints JSON Lines: {"started": {"id", "name"}}, one object per event \
        (see `theater subscribe --help`), and last {"ended": {...}}.
        """
    )

    @OptionGroup var client: ClientOptions

    @Argument(help: "The actor's manifest (a TOML file).")
    var manifest: String

    @Option(name: .customLong("initial-state"), help: ArgumentHelp(
        "The initial state: a file, or JSON text.", valueName: "JSON|FILE"))
    var initialState: String?

    @Flag(name: .long, help: "Print the actor's events until it ends.")
    var subscribe = false

    @Flag(name: .long, help: "Same as --subscribe.")
    var monitor = false

    @Flag(name: .customLong("id-only"), help: "Print only the actor's id.")
    var idOnly = false

    func run() async throws {
        let path = try manifestPath()
        let state = try initialState.map(InitialState.bytes)
        let watch = subscribe || monitor
        let server = try await client.connect()
        let response = try await server.answer(.startActor(manifest: path, initialState: state, parent: false, subscribe: watch))
        guard case .actorStarted(let id) = response else { throw unexpected(response, for: "StartActor") }
        let stream = watch ? EventStream(server: server, actorID: id, subscriptionID: nil, endsOnStoppedEvent: false) : nil
        let name = await actorName(id, server: server, manifestPath: path)
        let output = client.output
        if idOnly {
            output.line(id)
        } else if output.json {
            let started: ManagementJSON = .object([("id", .string(id)), ("name", .string(name))])
            output.document(watch ? .object([("started", started)]) : started)
        } else {
            output.line("Started actor \(output.bold(name)) \(output.cyan(id))")
        }
        fflush(stdout)
        guard let stream else {
            await server.close()
            return
        }
        let printer = EventPrinter(output: output, format: output.json ? .json : .pretty)
        let end = await stream.run { event in
            printer.print(event)
            return .goOn
        }
        await server.close()
        try report(end, id: id, name: name, output: output)
    }

    /// The manifest as an absolute path; a clear failure when there is no such file.
    func manifestPath() throws -> String {
        let path = URL(fileURLWithPath: manifest).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("no manifest at \(path)")
        }
        guard !isDirectory.boolValue else {
            throw CommandFailure("\(path) is a directory; give the manifest file (e.g. \(path)/manifest.toml)")
        }
        return path
    }

    /// The actor's name as the server lists it; else as the manifest names it.
    private func actorName(_ id: String, server: ManagementClient, manifestPath: String) async -> String {
        if case .actorList(let actors)? = try? await server.call(.listActors),
           let listed = actors.first(where: { $0.id == id }) {
            return listed.name
        }
        return (try? ActorManifest.load(path: manifestPath, environment: ProcessInfo.processInfo.environment).name) ?? "actor"
    }

    /// Prints how the watched actor ended; throws exit status 1 when it failed.
    private func report(_ end: EventStream.End, id: String, name: String, output: ClientOutput) throws {
        var failed = false
        let ending: (json: ManagementJSON, lines: [String])
        switch end {
        case .result(.success(_, let result)):
            let bytes = ActorBytes(result)
            ending = (.object([("outcome", .string("success")), ("id", .string(id))] + bytes.jsonMembers(key: "result")),
                      ["Actor \(name) \(id) finished" + (result == nil ? "" : ", result: \(bytes.caption)")]
                        + (result == nil ? [] : bytes.humanLines))
        case .result(.error(_, let error)):
            failed = true
            ending = (.object([("outcome", .string("error")), ("id", .string(id)), ("error", .string(error))]),
                      [output.red("Actor \(name) \(id) failed: \(error)")])
        case .result(.externalStop):
            ending = (.object([("outcome", .string("external-stop")), ("id", .string(id))]),
                      ["Actor \(name) \(id) was stopped"])
        case .stopped(let reason):
            ending = (.object([("outcome", .string("stopped")), ("id", .string(id)), ("reason", .string(reason))]),
                      ["Actor \(name) \(id) stopped: \(reason)"])
        case .interrupted, .enough:
            ending = (.object([("outcome", .string("interrupted")), ("id", .string(id))]),
                      ["Stopped watching; actor \(id) keeps running (`theater stop \(id)` stops it)"])
        case .connectionClosed:
            throw CommandFailure("the server closed the connection before actor \(id) ended")
        }
        if output.json {
            output.document(.object([("ended", ending.json)]))
        } else {
            ending.lines.forEach(output.line)
        }
        if failed { throw ExitCode(1) }
    }
}
