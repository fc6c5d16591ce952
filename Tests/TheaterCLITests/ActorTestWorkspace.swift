import Foundation
import Testing

/// A temporary folder for one end-to-end actor test: a fresh data directory (`data/`),
/// room for manifests, and the paths of the committed example components. Each test makes
/// its own and removes it at the end.
struct ActorTestWorkspace {
    /// The `theater` binary under test.
    let theater: TheaterBinary
    /// The temporary folder; everything the test writes goes here.
    let folder: URL

    /// `folder/data`: the `--data-dir` of every run.
    var dataDirectory: URL { folder.appendingPathComponent("data", isDirectory: true) }

    /// The committed components the tests use (never rebuilt by the tests).
    static let counterFolder = TheaterBinary.packageRoot.appendingPathComponent("examples/counter")
    static let counterManifest = counterFolder.appendingPathComponent("manifest.toml").path
    static let counterV2 = counterFolder.appendingPathComponent("counter-v2.wasm").path
    static let echo = TheaterBinary.packageRoot.appendingPathComponent("Benchmarks/actors/echo.wasm").path
    static let relay = TheaterBinary.packageRoot.appendingPathComponent("Benchmarks/actors/relay.wasm").path

    /// A new, empty workspace.
    init() throws {
        theater = try TheaterBinary.locate()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("theater-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Deletes the workspace.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `text` to `name` in the workspace and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Writes `bytes` to `name` in the workspace and returns its path.
    @discardableResult
    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// A manifest for `component` (an absolute path) with the given handler types and
    /// extra TOML appended, written as `name`; returns its path.
    func manifest(named name: String = "manifest.toml", actor: String, component: String, handlers: [String],
                  extra: String = "") throws -> String {
        var text = "name = \"\(actor)\"\nversion = \"0.1.0\"\ncomponent = \"\(component)\"\n"
        for handler in handlers { text += "\n[[handler]]\ntype = \"\(handler)\"\n" }
        if !extra.isEmpty { text += "\n" + extra }
        return try write(text, to: name)
    }

    /// Runs `theater run MANIFEST --data-dir DATA` with the messages (each `--send X` or
    /// `--request X` as given in `messages`) and `extra` arguments.
    func run(_ manifest: String, _ messages: [String] = [], extra: [String] = []) throws -> TheaterBinary.Outcome {
        try theater.run(["run", manifest, "--data-dir", dataDirectory.path] + messages + extra, in: nil)
    }

    /// Runs `theater` with `arguments` (a hang fails after `timeLimit` seconds).
    func theater(_ arguments: [String], in directory: URL? = nil, timeLimit: TimeInterval = 60) throws -> TheaterBinary.Outcome {
        try theater.run(arguments, in: directory, timeLimit: timeLimit)
    }

    /// Runs the counter example with `messages` and returns the outcome and the chain's path
    /// (from the `chain: PATH` line on standard error).
    func recordCounter(_ messages: [String], manifest: String = ActorTestWorkspace.counterManifest) throws -> Recording {
        let outcome = try run(manifest, messages)
        return Recording(outcome: outcome, chain: ActorTestWorkspace.chainPath(in: outcome.standardError))
    }

    /// Expects `chain` to verify and `theater replay` of it to report identical, with as
    /// many events and the same head hash as the verification found.
    func expectIdenticalReplay(of chain: String) throws {
        let verify = try theater(["verify", chain])
        let verified = try #require(ChainReport.countAndHead(verify.standardOutput, prefix: "chain verified: "), "\(verify.transcript)")
        let replay = try theater(["replay", chain, "--data-dir", dataDirectory.path], timeLimit: 300)
        #expect(replay.status == 0, "\(replay.transcript)")
        let replayed = ChainReport.countAndHead(replay.standardOutput, prefix: "replay identical: ")
        #expect(replayed?.count == verified.count, "\(replay.transcript)")
        #expect(replayed?.head == verified.head, "\(replay.transcript)")
    }

    /// The path after `chain: ` in `theater run`'s standard error.
    static func chainPath(in standardError: String) -> String? {
        standardError.split(separator: "\n").first { $0.hasPrefix("chain: ") }.map { String($0.dropFirst("chain: ".count)) }
    }

    /// The chain files in the data directory.
    func chainFiles() -> [String] {
        let chains = dataDirectory.appendingPathComponent("chains")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: chains.path)) ?? []
        return names.filter { $0.hasSuffix(".chain") }.map { chains.appendingPathComponent($0).path }
    }

    /// The messages `get`, `hi` (a send), `add 5`, `get`: the counter answers 0, 6, 6.
    static let counterMessages = ["--request", "get", "--send", "hi", "--request", "add 5", "--request", "get"]

    /// A run and the chain it wrote.
    struct Recording {
        let outcome: TheaterBinary.Outcome
        let chain: String?
    }
}

/// The standard pieces of `theater verify` and `theater replay` output.
enum ChainReport {
    /// The count and head of `chain verified: N events, head H` (or `replay identical: ...`).
    static func countAndHead(_ output: String, prefix: String) -> (count: Int, head: String)? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        let rest = line.dropFirst(prefix.count)   // "N events, head H"
        let parts = rest.split(separator: " ")
        guard parts.count == 4, parts[1] == "events,", parts[2] == "head", let count = Int(parts[0]) else { return nil }
        return (count, String(parts[3]))
    }

    /// Whether `text` is 64 lowercase hex digits (a SHA-256).
    static func isSHA256(_ text: String) -> Bool {
        text.count == 64 && text.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}
