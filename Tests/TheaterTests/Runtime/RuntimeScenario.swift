import Foundation
import Testing
@testable import Theater

/// One runtime test's world: a temporary folder holding the actors' components and
/// manifests and the runtime's data directory, a `TheaterRuntime` over it, and the lines
/// actors log. After the scenario, `shutdownAndReplay()` stops every actor, verifies every
/// chain the run wrote and replays each one, which must reproduce it exactly.
final class RuntimeScenario {
    /// The temporary folder (removed by `shutdownAndReplay` or `discard`).
    let directory: URL
    /// The runtime under test.
    let runtime: TheaterRuntime
    /// What actors logged with `runtime.log`.
    let logs = LogLines()

    /// A fresh runtime whose `environment` handler and manifest substitution read `environment`.
    init(environment: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("theater-runtime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let data = DataDirectory.resolve(explicit: directory.appendingPathComponent("data").path, environment: [:])
        runtime = try TheaterRuntime(dataDirectory: data, environment: environment)
        let logs = self.logs
        runtime.logSink = { name, _, line in logs.append("\(name): \(line)") }
        runtime.standardOutput = .discard
    }

    /// The repository's root folder (for the prebuilt example actors).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bytes of a prebuilt actor, e.g. `examples/counter/counter.wasm`.
    static func prebuilt(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent(relativePath)))
    }

    /// Writes `<name>.wasm` and the manifest `<name>.toml` for it and returns the manifest's
    /// text. Each entry of `handlers` is the body of one `[[handler]]` table; a bare word is
    /// the handler's type. `extra` is appended as it is (e.g. a `[limits]` table).
    @discardableResult
    func writeActor(_ name: String, component: [UInt8], handlers: [String], initialState: String? = nil,
                    extra: String = "") throws -> String {
        try Data(component).write(to: directory.appendingPathComponent("\(name).wasm"))
        var text = "name = \"\(name)\"\ncomponent = \"\(name).wasm\"\n"
        if let initialState { text += "init_state = \"\(initialState)\"\n" }
        for handler in handlers {
            text += "\n[[handler]]\n" + (handler.contains("=") ? handler : "type = \"\(handler)\"") + "\n"
        }
        text += extra.isEmpty ? "" : "\n" + extra + "\n"
        try text.write(to: directory.appendingPathComponent("\(name).toml"), atomically: true, encoding: .utf8)
        return text
    }

    /// The manifest `<name>.toml` written by `writeActor`.
    func manifest(_ name: String) throws -> ActorManifest {
        try ActorManifest.load(path: directory.appendingPathComponent("\(name).toml").path, environment: runtime.environment)
    }

    /// Writes an actor (see `writeActor`) and starts it.
    func start(_ name: String, component: [UInt8], handlers: [String], initialState: String? = nil,
               extra: String = "") async throws -> ActorRuntime {
        try writeActor(name, component: component, handlers: handlers, initialState: initialState, extra: extra)
        return try await runtime.start(manifest(name))
    }

    /// Sends a request and returns the response, failing the test on an error.
    func request(_ actor: ActorRuntime, _ payload: [UInt8]) async throws -> [UInt8] {
        try await runtime.request(to: actor.id, payload).get()
    }

    /// Sends a request of UTF-8 text and returns the response as text.
    func request(_ actor: ActorRuntime, _ text: String) async throws -> String {
        String(decoding: try await request(actor, Array(text.utf8)), as: UTF8.self)
    }

    /// Every chain this run wrote.
    var chainURLs: [URL] {
        let chains = runtime.dataDirectory.chainsDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: chains.path)) ?? []
        return names.filter { $0.hasSuffix(".chain") }.sorted().map { chains.appendingPathComponent($0) }
    }

    /// The decoded events of `actor`'s chain so far (flushed events only).
    func events(of actor: ActorRuntime) throws -> [RecordedEvent] {
        try events(at: runtime.dataDirectory.chainURL(actorID: actor.id))
    }

    /// The decoded events of the chain at `url`.
    func events(at url: URL) throws -> [RecordedEvent] {
        try ChainReader.read(at: url).events.map { try RecordedEvent(type: $0.type, payload: $0.payload) }
    }

    /// Waits (up to `seconds`) until `condition` holds; returns whether it did.
    func eventually(seconds: Double = 30, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try? await Task.sleep(nanoseconds: 5_000_000)
        }
        return try await condition()
    }

    /// Replays the chain at `url` with the recorded component (or `replacement`).
    func replay(_ url: URL, replacement: URL? = nil) async throws -> ReplayOutcome {
        try await ChainReplayer(chainURL: url, replacementComponent: replacement,
                                contentStore: runtime.contentStore).replay()
    }

    /// Stops every actor, then checks that each chain written verifies and replays
    /// identically (at least `expectedChains` of them), and removes the folder.
    func shutdownAndReplay(expectedChains: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        await runtime.shutdown()
        let urls = chainURLs
        #expect(urls.count == expectedChains, "chains written", sourceLocation: sourceLocation)
        for url in urls {
            guard case .verified = ChainVerifier.verify(at: url) else {
                Issue.record("chain \(url.lastPathComponent) does not verify: \(ChainVerifier.verify(at: url))",
                             sourceLocation: sourceLocation)
                continue
            }
            let outcome = try await replay(url)
            guard case .identical(let count, _) = outcome else {
                Issue.record("chain \(url.lastPathComponent) does not replay identically: \(Self.describe(outcome))",
                             sourceLocation: sourceLocation)
                continue
            }
            #expect(count == (try ChainReader.read(at: url).events.count), sourceLocation: sourceLocation)
        }
        discard()
    }

    /// A replay outcome for a failure message.
    static func describe(_ outcome: ReplayOutcome) -> String {
        switch outcome {
        case .identical(let events, _): return "identical (\(events) events)"
        case .diverged(let divergence): return divergence.description
        }
    }

    /// Removes the temporary folder.
    func discard() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Lines logged by actors, collected from the runtime's log sink (any thread).
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }

    /// The lines so far, in order.
    var all: [String] { lock.withLock { lines } }
}

