import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `theater server --metrics` end to end: the real binary on free loopback ports, scraped
/// with `curl` and checked by `scripts/check-prometheus-text.py`, a strict reader of the
/// Prometheus text format.
@Suite struct MetricsCommandTests {
    /// Runs `executable` with `arguments` (and `input` on standard input) and returns its status and output.
    private static func run(_ executable: String, _ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        let output = Pipe(), error = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        standardInput.fileHandleForWriting.write(Data((input ?? "").utf8))
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    /// The address after `prefix` in a line of `text` ("listening on HOST:PORT").
    private static func address(after prefix: String, in text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// One scrape: the samples (name, labels, value) and types the checker read, or its complaint.
    private static func scrape(_ url: String) throws -> (samples: [[String: Any]], types: [String: String]) {
        let fetched = try run("curl", ["-sS", "--max-time", "10", "-D", "/dev/stderr", url])
        guard fetched.status == 0 else { throw ServerProcessError(message: "curl failed: \(fetched.error)") }
        guard fetched.error.lowercased().contains("content-type: text/plain; version=0.0.4") else {
            throw ServerProcessError(message: "not the Prometheus content type: \(fetched.error)")
        }
        let checker = TheaterBinary.packageRoot.appendingPathComponent("scripts/check-prometheus-text.py").path
        let checked = try run("python3", [checker], input: fetched.output)
        guard checked.status == 0,
              let document = try JSONSerialization.jsonObject(with: Data(checked.output.utf8)) as? [String: Any] else {
            throw ServerProcessError(message: "not valid Prometheus text: \(checked.error)\n\(fetched.output)")
        }
        return (document["samples"] as? [[String: Any]] ?? [], document["types"] as? [String: String] ?? [:])
    }

    private static func value(_ samples: [[String: Any]], _ name: String, actor: String? = nil) -> Double? {
        let matching = samples.filter { sample in
            sample["name"] as? String == name
                && (actor == nil || (sample["labels"] as? [String: String])?["actor_id"] == actor)
        }
        return matching.count == 1 ? (matching[0]["value"] as? NSNumber)?.doubleValue : nil
    }

    @Test func theServerServesPrometheusTextThatCountsTheActorsMessages() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let server = try BackgroundProcess(
            executable: workspace.theater.url,
            arguments: ["server", "--address", "127.0.0.1:0", "--metrics", "127.0.0.1:0",
                        "--data-dir", workspace.dataDirectory.path],
            environment: [:])
        var stopped = false
        defer { if !stopped { server.kill(SIGKILL); _ = server.wait(timeLimit: 30) } }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, server.isRunning, Self.address(after: "metrics on ", in: server.errorOutput) == nil {
            usleep(50_000)
        }
        guard let address = Self.address(after: "listening on ", in: server.errorOutput),
              let metrics = Self.address(after: "metrics on ", in: server.errorOutput) else {
            Issue.record("the server did not say where it listens: \(server.errorOutput)")
            return
        }
        #expect(!metrics.hasSuffix(":0"))

        let started = try workspace.theater.run(["start", ActorTestWorkspace.counterManifest, "--id-only", "--address", address], in: nil)
        #expect(started.status == 0, "\(started.transcript)")
        let id = started.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        for _ in 0..<3 {
            let sent = try workspace.theater.run(["message", id, "--data", "add 1", "--request", "--address", address], in: nil)
            #expect(sent.status == 0, "\(sent.transcript)")
        }

        let scraped = try Self.scrape("http://\(metrics)/metrics")
        #expect(Self.value(scraped.samples, "theater_actor_messages_handled_total", actor: id) == 3)
        #expect(Self.value(scraped.samples, "theater_actor_errors_total", actor: id) == 0)
        #expect((Self.value(scraped.samples, "theater_actor_fuel_used_total", actor: id) ?? 0) > 0)
        #expect(Self.value(scraped.samples, "theater_actors_running") == 1)
        #expect(Self.value(scraped.samples, "theater_actors_started_total") == 1)
        #expect(scraped.types["theater_actor_call_seconds_total"] == "counter")
        let names = scraped.samples.filter { $0["name"] as? String == "theater_actor_uptime_seconds" }
            .compactMap { ($0["labels"] as? [String: String])?["actor_name"] }
        #expect(names == ["counter"])

        let missing = try Self.run("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}", "http://\(metrics)/other"])
        #expect(missing.output == "404")

        // SIGTERM still stops the actors and both listeners cleanly.
        server.kill(SIGTERM)
        let outcome = server.wait(timeLimit: 30)
        stopped = true
        #expect(outcome.status == 0 && !outcome.endedBySignal && !outcome.timedOut, "\(outcome.transcript)")
        #expect(outcome.standardError.contains("server stopped"), "\(outcome.transcript)")
    }

    @Test func aBadMetricsAddressIsRefusedBeforeServing() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let outcome = try workspace.theater.run(["server", "--address", "127.0.0.1:0", "--metrics", "nowhere",
                                                 "--data-dir", workspace.dataDirectory.path], in: nil, timeLimit: 30)
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("--metrics"), "\(outcome.transcript)")
    }
}
