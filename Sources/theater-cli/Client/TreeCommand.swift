import ArgumentParser
import Theater
import TheaterServer

/// `theater tree [--root ID] [--depth N]`: the actors as supervision trees: each top-level
/// actor (one the server lists with no parent) and its children below it, with name, short
/// id and status.
struct TreeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tree",
        abstract: "Show the actor hierarchy as a tree."
    )

    @Option(name: .long, help: "Start at this actor instead of every top-level actor.")
    var root: String?

    @Option(name: .long, help: "Show at most this many levels (1: the roots only; 0: all, the default).")
    var depth = 0

    @OptionGroup var client: ClientOptions

    /// How many characters of an id the tree shows.
    static let shortIDLength = 8

    func validate() throws {
        guard depth >= 0 else { throw ValidationError("--depth must be 0 (all levels) or more, not \(depth)") }
    }

    func run() async throws {
        let (roots, snapshots) = try await client.withServer(collect)
        let output = client.output
        if output.json {
            output.document(.object([(key: "roots", value: .array(roots.map { json($0, snapshots, level: 1, seen: []) }))]))
            return
        }
        if roots.isEmpty {
            output.line("No actors are running.")
            return
        }
        var nodes: [String: ActorTree.Node] = [:]
        for (id, snapshot) in snapshots {
            nodes[id] = ActorTree.Node(id: id, label: label(snapshot, output), children: snapshot.children)
        }
        ActorTree(nodes: nodes, depth: depth == 0 ? nil : depth).lines(roots: roots).forEach(output.line)
    }

    /// The roots and a snapshot of every actor under them (down to the depth shown).
    private func collect(_ server: ManagementClient) async throws -> ([String], [String: ActorSnapshot]) {
        let (ids, names) = try await ActorSnapshot.names(from: server)
        var snapshots: [String: ActorSnapshot] = [:]
        var roots: [String]
        if let root {
            snapshots[root] = try await ActorSnapshot.fetch(root, from: server, names: names)
            roots = [root]
        } else {
            for id in ids { snapshots[id] = try? await ActorSnapshot.fetch(id, from: server, names: names) }
            // A listed actor whose supervisor is listed too is drawn under it.
            roots = ids.filter { id in snapshots[id].map { $0.parent == nil || snapshots[$0.parent!] == nil } ?? false }
        }
        // Children the list did not show (just restarting, or started since).
        var pending = roots.map { (id: $0, level: 1) }
        while let (id, level) = pending.popLast() {
            if depth != 0, level >= depth { continue }
            for child in snapshots[id]?.children ?? [] {
                if snapshots[child] == nil { snapshots[child] = try? await ActorSnapshot.fetch(child, from: server, names: names) }
                if snapshots[child] != nil { pending.append((child, level + 1)) }
            }
        }
        return (roots, snapshots)
    }

    private func label(_ snapshot: ActorSnapshot, _ output: ClientOutput) -> String {
        let status = snapshot.status.rawValue
        let painted = snapshot.status == .running ? output.green(status) : snapshot.status == .failed
            ? output.red(status) : output.yellow(status)
        return "\(output.bold(snapshot.name ?? "?"))  \(output.cyan(String(snapshot.id.prefix(Self.shortIDLength))))  \(painted)"
    }

    private func json(_ id: String, _ snapshots: [String: ActorSnapshot], level: Int, seen: Set<String>) -> ManagementJSON {
        guard let snapshot = snapshots[id] else {
            return .object([(key: "id", value: .string(id)), (key: "name", value: .null), (key: "status", value: .null),
                            (key: "children", value: .array([]))])
        }
        let deeper = (depth == 0 || level < depth) && !seen.contains(id)
        return .object([
            (key: "id", value: .string(id)),
            (key: "name", value: snapshot.name.map { .string($0) } ?? .null),
            (key: "status", value: .string(snapshot.status.rawValue)),
            (key: "child_count", value: .integer(snapshot.children.count)),
            (key: "children", value: .array(deeper ? snapshot.children.map {
                json($0, snapshots, level: level + 1, seen: seen.union([id]))
            } : [])),
        ])
    }
}
