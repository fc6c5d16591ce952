import Foundation

/// examples/http-hello run by a real `theater run` process on a free loopback port, with its
/// own data directory (its chain is recorded as always).
final class TheaterHelloServer {
    /// The route's URL.
    let url: String
    private let process = Process()

    /// Runs `theater run` (the binary at `theater`) on a manifest for `component` asking for
    /// any free port, and waits until the actor logs the address it serves on.
    init(theater: String, component: URL, workspace: URL) throws {
        guard FileManager.default.fileExists(atPath: component.path) else {
            HTTPBenchOptions.fail("\(component.path) is missing: run examples/http-hello/build.sh")
        }
        let manifest = workspace.appendingPathComponent("http-hello.toml")
        try """
        name = "http-hello"
        component = "\(component.path)"
        init_state = "0"
        [[handler]]
        type = "runtime"
        [[handler]]
        type = "http-framework"
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let log = workspace.appendingPathComponent("theater.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: theater)
        process.arguments = ["run", manifest.path, "--data-dir", workspace.appendingPathComponent("data").path]
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while true {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: "serving on ") {
                url = String(text[range.upperBound...].prefix { !$0.isWhitespace }) + "/hello"
                return
            }
            guard process.isRunning, Date() < deadline else {
                HTTPBenchOptions.fail("theater run did not start the actor: \(text)")
            }
            usleep(20_000)
        }
    }

    /// Stops the actor as a user would (SIGINT) and waits for the process.
    func stop() {
        guard process.isRunning else { return }
        process.interrupt()
        process.waitUntilExit()
    }
}
