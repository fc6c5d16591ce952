import Foundation
import Testing

/// examples/http-counter end to end: the Python actor built by componentize-py, run by the
/// real `theater run`, served on a free loopback port through the http-framework handler and
/// driven by real clients (curl, Python's http.client, the `websockets` client from PyPI and a
/// client that sends its body slowly); then the recorded run replays identically, with no
/// server and no network.
@Suite(.serialized)
struct HTTPCounterExampleTests {
    @Test(.enabled(if: ComponentizePyAvailability.installed && HTTPClientTools.websocketsInstalled,
                   "needs componentize-py and the websockets package (pip install componentize-py websockets)"))
    func theCounterServesRoutesMiddlewareAndWebSocketsAndItsRunReplays() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let component = workspace.folder.appendingPathComponent("http-counter.wasm")
        let example = TheaterBinary.packageRoot.appendingPathComponent("examples/http-counter")
        let build = try HTTPClientTools.run("componentize-py", [
            "-d", TheaterBinary.packageRoot.appendingPathComponent("wit").path, "-w", "http-actor",
            "componentize", "-p", example.path, "app", "-o", component.path,
        ], timeLimit: 600)
        #expect(build.status == 0, "\(build.output)")
        let manifest = workspace.folder.appendingPathComponent("http-counter.toml")
        try """
        name = "http-counter"
        component = "\(component.path)"
        init_state = '{"count": 0, "port": 0, "admin_token": "sesame"}'
        [[handler]]
        type = "runtime"
        [[handler]]
        type = "http-framework"
        max_body_bytes = 1024
        """.write(to: manifest, atomically: true, encoding: .utf8)

        let theater = try TheaterBinary.locate()
        let run = try BackgroundProcess(executable: theater.url,
                                        arguments: ["run", manifest.path, "--data-dir", workspace.dataDirectory.path],
                                        environment: [:])
        let base = try #require(HTTPClientTools.waitForAddress(of: run), "\(run.errorOutput)")

        // Routes, a path parameter, the actor's own 400, and the framework's 404, 405 and 413.
        #expect(try HTTPClientTools.curl(base + "/api/count") == .init(200, #"{"count": 0}"#))
        #expect(try HTTPClientTools.curl(base + "/api/count", ["-X", "POST", "-d", #"{"by": 5}"#]) == .init(200, #"{"count": 5}"#))
        #expect(try HTTPClientTools.curl(base + "/api/count/add/10", ["-X", "POST"]) == .init(200, #"{"count": 15}"#))
        #expect(try HTTPClientTools.curl(base + "/api/count", ["-X", "POST", "-d", "not json"]).status == 400)
        #expect(try HTTPClientTools.curl(base + "/nowhere").status == 404)
        #expect(try HTTPClientTools.curl(base + "/api/count", ["-X", "DELETE"]).status == 405)
        let big = String(repeating: "x", count: 4096)
        #expect(try HTTPClientTools.curl(base + "/api/count", ["-X", "POST", "-d", big]).status == 413)
        // The middleware stops a request without the token and lets one with it through.
        #expect(try HTTPClientTools.curl(base + "/admin/reset", ["-X", "POST"]).status == 403)
        #expect(try HTTPClientTools.curl(base + "/admin/reset", ["-X", "POST", "-H", "X-Admin-Token: sesame"])
                == .init(200, #"{"count": 0}"#))

        // Python's http.client.
        let python = try HTTPClientTools.client("http", base)
        #expect(python.lines == ["status 200 {\"count\": 7}", "status 200 {\"count\": 7}"], "\(python.output)")
        // WebSocket messages both ways, a push caused by an HTTP request, and a clean close.
        let socket = try HTTPClientTools.client("websocket", base)
        #expect(socket.lines == [
            #"ws {"count": 7}"#, #"ws {"count": 10}"#, #"ws {"count": 10}"#, #"ws {"count": 12}"#,
            #"ws {"error": "unknown: dance"}"#, "ws closed 1000",
        ], "\(socket.output)")
        // A client sending its body slowly holds up nobody else.
        let slow = try HTTPClientTools.client("slow", base)
        #expect(slow.lines == ["other answered while slow client still sending: True", "status 200 {\"count\": 13}"],
                "\(slow.output)")

        run.kill(SIGINT)
        let ended = run.wait()
        #expect(ended.status == 0, "\(ended.transcript)")
        let chain = try #require(ActorTestWorkspace.chainPath(in: ended.standardError), "\(ended.transcript)")
        // The server is gone: the replay answers every request and host call from the chain.
        try workspace.expectIdenticalReplay(of: chain)
    }
}

/// Runs the HTTP clients the end-to-end tests use: curl, and scripts/http-counter-client.py.
enum HTTPClientTools {
    /// A response as curl saw it.
    struct Answer: Equatable, CustomStringConvertible {
        let status: Int
        let body: String
        init(_ status: Int, _ body: String) {
            self.status = status
            self.body = body
        }
        var description: String { "\(status) \(body)" }
    }

    /// What a client process printed.
    struct Output {
        let status: Int32
        let output: String
        var lines: [String] { output.split(separator: "\n").map(String.init) }
    }

    /// Whether Python's `websockets` package is installed.
    static let websocketsInstalled: Bool = {
        (try? run("python3", ["-c", "import websockets.sync.client"], timeLimit: 60).status) == 0
    }()

    /// Waits until `theater run` logs the address its actor serves on: `http://127.0.0.1:PORT`.
    static func waitForAddress(of run: BackgroundProcess) -> String? {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let log = run.errorOutput
            if let range = log.range(of: "serving on ") {
                let address = log[range.upperBound...].prefix { !$0.isWhitespace }
                if address.last?.isNumber == true { return String(address) }
            }
            if !run.isRunning { return nil }
            usleep(50_000)
        }
        return nil
    }

    /// `curl` with `arguments` on `url`: the status and the body.
    static func curl(_ url: String, _ arguments: [String] = []) throws -> Answer {
        let result = try run("curl", ["-s", "-S", "--max-time", "30", "-w", "\n%{http_code}"] + arguments + [url], timeLimit: 60)
        var lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let status = Int(lines.popLast() ?? "") ?? -1
        return Answer(status, lines.joined(separator: "\n"))
    }

    /// scripts/http-counter-client.py in `mode` against `base`.
    static func client(_ mode: String, _ base: String) throws -> Output {
        let script = TheaterBinary.packageRoot.appendingPathComponent("scripts/http-counter-client.py").path
        return try run("python3", [script, mode, base], timeLimit: 120)
    }

    /// Runs `program` (found on the PATH) and collects its output, killing it past `timeLimit`.
    static func run(_ program: String, _ arguments: [String], timeLimit: TimeInterval) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("theater-client-\(UUID())")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        _ = process.waitUntilExit(timeLimit: timeLimit)
        try? handle.close()
        let output = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return Output(status: process.terminationStatus, output: output)
    }
}
