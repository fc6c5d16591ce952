import Foundation
import Testing

/// A supervision tree run on the real binary: manifests for the example supervisor and
/// workers (`examples/supervision`), written into a workspace with the settings a test
/// chooses, and readers for what the run left: the supervisor's `supervision` events and
/// the chain files of each child incarnation.
struct SupervisionRun {
    static let folder = TheaterBinary.packageRoot.appendingPathComponent("examples/supervision")
    static let supervisorComponent = folder.appendingPathComponent("supervisor.wasm").path
    static let workerComponent = folder.appendingPathComponent("worker.wasm").path

    let workspace: ActorTestWorkspace

    /// A supervision decision as `theater events --json` shows it.
    struct Decision: Equatable, CustomStringConvertible {
        let action: String
        let child: String
        var description: String { "\(action) \(child)" }
    }

    /// Writes `<name>.toml` for a worker named `name`, with an optional `[supervision]` table.
    @discardableResult
    func worker(_ name: String, restart: String? = nil, extra: String = "") throws -> String {
        var text = """
            name = "\(name)"
            component = "\(Self.workerComponent)"
            init_state = "\(name)"

            [[handler]]
            type = "runtime"

            [[handler]]
            type = "message-server"

            [limits]
            fuel_per_call = 50_000_000

            """
        if let restart { text += "\n[supervision]\nrestart = \"\(restart)\"\n" }
        return try workspace.write(text + extra, to: "\(name).toml")
    }

    /// Writes `<name>.toml` for a supervisor that spawns `children` (manifest names) in order,
    /// with the given supervisor handler settings (TOML lines).
    @discardableResult
    func supervisor(_ name: String, children: [String], settings: String = "", extra: String = "") throws -> String {
        let text = """
            name = "\(name)"
            component = "\(Self.supervisorComponent)"
            init_state = "\(children.map { $0 + "\\n" }.joined())"

            [[handler]]
            type = "runtime"

            [[handler]]
            type = "message-server"

            [[handler]]
            type = "supervisor"
            \(settings)

            [limits]
            fuel_per_call = 50_000_000

            """
        return try workspace.write(text + extra, to: "\(name).toml")
    }

    /// Runs `manifest` with requests only; returns the responses and the root chain.
    func run(_ manifest: String, requests: [String]) throws -> (responses: [String], chain: String) {
        let outcome = try workspace.run(manifest, requests.flatMap { ["--request", $0] } + ["--json"])
        try #require(outcome.status == 0, "\(outcome.transcript)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any],
            "\(outcome.transcript)")
        let responses = try #require(document["responses"] as? [String], "\(outcome.transcript)")
        try #require(responses.count == requests.count, "\(outcome.transcript)")
        return (responses, try #require(document["chain"] as? String))
    }

    /// The `supervision` events of the chain at `path`, in order.
    func decisions(in path: String) throws -> [Decision] {
        try events(in: path).filter { $0["type"] as? String == "supervision" }.map { event in
            let payload = event["payload"] as? [String: Any] ?? [:]
            return Decision(action: payload["action"] as? String ?? "?", child: payload["child_id"] as? String ?? "?")
        }
    }

    /// The events of the chain at `path` as `theater events --json` prints them.
    func events(in path: String) throws -> [[String: Any]] {
        let listing = try workspace.theater(["events", path, "--json"])
        try #require(listing.status == 0, "\(listing.transcript)")
        return try #require(try JSONSerialization.jsonObject(with: Data(listing.standardOutput.utf8)) as? [[String: Any]])
    }

    /// The chain files of actor `id`: its first incarnation's, then one per restart.
    func incarnations(of id: String) -> [String] {
        let chains = workspace.dataDirectory.appendingPathComponent("chains")
        var paths = [chains.appendingPathComponent("\(id).chain").path]
        var next = 1
        while FileManager.default.fileExists(atPath: chains.appendingPathComponent("\(id).\(next).chain").path) {
            paths.append(chains.appendingPathComponent("\(id).\(next).chain").path)
            next += 1
        }
        return paths.filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// The reason in the `actor-stopped` event that ends the chain at `path`.
    func stopReason(of path: String) throws -> String? {
        let last = try events(in: path).last
        guard last?["type"] as? String == "actor-stopped" else { return nil }
        return (last?["payload"] as? [String: Any])?["reason"] as? String
    }

    /// Replays every chain of the run; each must be identical.
    func expectEveryChainReplays() throws {
        let chains = workspace.chainFiles()
        #expect(!chains.isEmpty)
        for chain in chains {
            let replay = try workspace.theater(["replay", chain, "--data-dir", workspace.dataDirectory.path])
            #expect(replay.status == 0 && replay.standardOutput.hasPrefix("replay identical"),
                    "\(chain): \(replay.transcript)")
        }
    }
}
