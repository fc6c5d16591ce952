import ArgumentParser
import Foundation
import Theater
import TheaterServer

/// `theater inspect ID [--detailed]`: everything the server tells about one actor: status,
/// name, manifest (component, handlers), place in the hierarchy, metrics and the last
/// events (`--detailed`: all events and the full state).
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show detailed information about an actor: status, manifest, handlers, children, metrics, last events."
    )

    @Argument(help: "The actor's id.")
    var id: String

    @Flag(name: .long, help: "Show the full state and every event (default: the last \(InspectCommand.recentEvents) events).")
    var detailed = false

    @OptionGroup var client: ClientOptions

    /// How many events inspect shows without `--detailed`.
    static let recentEvents = 10

    func run() async throws {
        try await client.withServer(inspect)
    }

    private func inspect(_ server: ManagementClient) async throws {
        let names = try await ActorSnapshot.names(from: server).names
        let snapshot = try await ActorSnapshot.fetch(id, from: server, names: names)
        guard case .actorManifest(_, let manifestJSON) = try await server.answer(.getActorManifest(id: id), actorID: id) else {
            throw CommandFailure("the server answered GetActorManifest for \(id) with an unexpected response")
        }
        let manifest = ManifestSummary(manifestJSON)
        guard case .actorEvents(_, let allEvents) = try await server.answer(.getActorEvents(id: id), actorID: id) else {
            throw CommandFailure("the server answered GetActorEvents for \(id) with an unexpected response")
        }
        let events = detailed ? allEvents : Array(allEvents.suffix(Self.recentEvents))
        var state: [UInt8]??
        if detailed, snapshot.status == .running,
           case .actorState(_, let bytes)? = try? await server.answer(.getActorState(id: id), actorID: id) {
            state = .some(bytes)
        }
        let output = client.output
        if output.json {
            output.document(json(snapshot, manifest: manifest, events: events, total: allEvents.count, state: state))
        } else {
            print(snapshot, manifest: manifest, events: events, total: allEvents.count, state: state, to: output)
        }
    }

    private func json(_ snapshot: ActorSnapshot, manifest: ManifestSummary, events: [WireChainEvent], total: Int,
                      state: [UInt8]??) -> ManagementJSON {
        var fields: [(key: String, value: ManagementJSON)] = [
            (key: "id", value: .string(snapshot.id)),
            (key: "name", value: (snapshot.name ?? manifest.name).map { .string($0) } ?? .null),
            (key: "status", value: .string(snapshot.status.rawValue)),
            (key: "manifest", value: manifest.json),
            (key: "parent", value: snapshot.parent.map { .string($0) } ?? .null),
            (key: "children", value: .array(snapshot.children.map { .string($0) })),
            (key: "metrics", value: snapshot.metrics ?? .null),
            (key: "event_count", value: .integer(total)),
            (key: "events", value: .array(events.map(EventText.json))),
        ]
        if detailed {
            let stateJSON: ManagementJSON
            switch state {
            case .some(.some(let bytes)): stateJSON = .bytes(bytes)
            default: stateJSON = .null
            }
            fields.append((key: "state", value: stateJSON))
        }
        return .object(fields)
    }

    private func print(_ snapshot: ActorSnapshot, manifest: ManifestSummary, events: [WireChainEvent], total: Int,
                       state: [UInt8]??, to output: ClientOutput) {
        let status = snapshot.status.rawValue
        let paintedStatus = snapshot.status == .running ? output.green(status) : snapshot.status == .failed
            ? output.red(status) : output.yellow(status)
        var table = TextTable(["", ""])
        func row(_ label: String, _ value: String, printed: String? = nil) {
            table.append([TextTable.Cell(label + ":", printed: output.bold(label + ":")), TextTable.Cell(value, printed: printed)])
        }
        row("Actor", snapshot.id, printed: output.cyan(snapshot.id))
        row("Name", snapshot.name ?? manifest.name ?? "-")
        row("Status", status, printed: paintedStatus)
        row("Parent", snapshot.parent ?? "-")
        if let version = manifest.version { row("Version", version) }
        row("Component", manifest.component ?? "-")
        row("Handlers", manifest.handlers.isEmpty ? "-" : manifest.handlers.joined(separator: ", "))
        table.lines().dropFirst().forEach(output.line)
        if let problem = manifest.problem { output.line(output.yellow("The manifest could not be read: \(problem)")) }

        output.line("")
        output.line(output.bold("Children") + " (\(snapshot.children.count))")
        if snapshot.children.isEmpty { output.line("  none") }
        for child in snapshot.children { output.line("  " + output.cyan(child)) }

        output.line("")
        output.line(output.bold("Metrics"))
        if case .object(let fields)? = snapshot.metrics {
            var metrics = TextTable(["", ""])
            for field in fields where field.key != "parent" && field.key != "children" {
                metrics.append([TextTable.Cell("  " + field.key), TextTable.Cell(field.value.plainText)])
            }
            metrics.lines().dropFirst().forEach(output.line)
        } else {
            output.line("  none (the actor is not running)")
        }

        if detailed {
            output.line("")
            output.line(output.bold("State"))
            switch state {
            case .some(.some(let bytes)):
                let shown = ActorBytes(bytes)
                output.line("  " + output.dim(shown.caption))
                shown.humanLines.forEach { output.line("  " + $0) }
            case .some(.none): output.line("  none")
            case .none: output.line("  unavailable (the actor is not running)")
            }
        }

        output.line("")
        let heading = detailed || total <= events.count ? "Events (\(total))" : "Last \(events.count) of \(total) events"
        output.line(output.bold(heading))
        if events.isEmpty { output.line("  none") }
        let printer = EventPrinter(output: output, format: .pretty)
        for event in events { output.line("  " + printer.line(event)) }
    }
}
