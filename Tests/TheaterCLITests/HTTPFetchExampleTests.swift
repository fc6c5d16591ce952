import Foundation
import Testing

/// `examples/http-fetch` end to end: componentize-py builds the Python actor (world
/// `fetch-actor`), `theater run` fetches a file from a local `python3 -m http.server`
/// through the `http-client` handler, and `theater replay` reproduces the chain with the
/// server stopped (the response comes from the chain, not the network).
@Suite struct HTTPFetchExampleTests {
    private static let example = TheaterBinary.packageRoot.appendingPathComponent("examples/http-fetch")

    /// Finds an executable on PATH.
    private static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { URL(fileURLWithPath: "\($0)/\(name)") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    @Test(.enabled(if: ComponentizePyAvailability.installed,
                   "componentize-py is not installed (pip install componentize-py); the build tests need it"))
    func fetchesFromALocalServerAndReplaysWithTheServerGone() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let componentizePy = try #require(Self.executable("componentize-py"))
        let python = try #require(Self.executable("python3"))

        // componentize-py takes about half a minute per actor on a busy machine.
        let wasm = workspace.folder.appendingPathComponent("http-fetch.wasm")
        let build = try BackgroundProcess(
            executable: componentizePy,
            arguments: ["-d", TheaterBinary.packageRoot.appendingPathComponent("wit").path, "-w", "fetch-actor",
                        "componentize", "-p", Self.example.path, "app", "-o", wasm.path],
            environment: [:])
        let built = build.wait(timeLimit: 600)
        try #require(built.status == 0, "\(built.transcript)")

        let served = workspace.folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        try Data("hello from http.server\n".utf8).write(to: served.appendingPathComponent("hello.txt"))
        let server = try BackgroundProcess(
            executable: python, arguments: ["-u", "-m", "http.server", "--bind", "127.0.0.1", "--directory", served.path, "0"],
            environment: [:])
        var serverStopped = false
        defer { if !serverStopped { server.kill(SIGTERM); _ = server.wait() } }
        #expect(server.waitFor { $0.contains("Serving HTTP on 127.0.0.1 port ") }, "\(server.output)")
        let portText = server.output.components(separatedBy: "port ").dropFirst().first?.prefix { $0.isNumber }
        let port = try #require(portText.flatMap { Int($0) }, "\(server.output)")

        let manifest = try workspace.manifest(actor: "http-fetch", component: "http-fetch.wasm", handlers: ["runtime", "message-server"],
                                              extra: "[[handler]]\ntype = \"http-client\"\nallowed_hosts = [\"127.0.0.1\"]\n")
        let run = try workspace.run(manifest, ["--request", "http://127.0.0.1:\(port)/hello.txt",
                                               "--request", "http://localhost:\(port)/hello.txt"])
        #expect(run.status == 0, "\(run.transcript)")
        #expect(run.standardOutput == "200 23 hello from http.server.\n"
                    + "error: the host \"localhost\" is not in allowed_hosts\n", "\(run.transcript)")
        let chain = try #require(ActorTestWorkspace.chainPath(in: run.standardError), "\(run.transcript)")

        server.kill(SIGTERM)
        _ = server.wait()
        serverStopped = true
        try workspace.expectIdenticalReplay(of: chain)
    }
}
