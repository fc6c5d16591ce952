import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real `theater server` on a free loopback port with a temporary data directory, for
/// end-to-end tests of the client commands. `stop()` ends it with SIGTERM.
final class ServerProcess {
    /// The workspace holding the data directory and anything a test writes.
    let workspace: ActorTestWorkspace
    /// `127.0.0.1:PORT`.
    let address: String
    private let server: RunningTheater

    /// Starts the server and waits until `theater list` gets an answer from it.
    init() throws {
        workspace = try ActorTestWorkspace()
        address = "127.0.0.1:\(try ServerCommandTests.freePort())"
        server = try workspace.theater.start(["server", "--address", address, "--data-dir", workspace.dataDirectory.path])
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, server.isRunning {
            if try workspace.theater(["list", "--address", address], timeLimit: 10).status == 0 { return }
            usleep(100_000)
        }
        let transcript = stop().transcript
        workspace.remove()
        throw ServerProcessError(message: "the server did not answer at \(address): \(transcript)")
    }

    /// Runs the client command `arguments` against this server (`--address` appended).
    func theater(_ arguments: [String], in directory: URL? = nil, timeLimit: TimeInterval = 30) throws -> TheaterBinary.Outcome {
        try workspace.theater.run(arguments + ["--address", address], in: directory, timeLimit: timeLimit)
    }

    /// Starts a client command that keeps running (`subscribe`, `logs --follow`,
    /// `start --monitor`), with the server's address in `THEATER_SERVER_ADDRESS`.
    func background(_ arguments: [String]) throws -> BackgroundProcess {
        try BackgroundProcess(executable: workspace.theater.url, arguments: arguments,
                              environment: ["THEATER_SERVER_ADDRESS": address])
    }

    /// Runs `script` with `/bin/sh -c` in the background, with `$THEATER` the binary under
    /// test and the server's address in `THEATER_SERVER_ADDRESS`.
    func shell(_ script: String) throws -> BackgroundProcess {
        try BackgroundProcess(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script],
                              environment: ["THEATER_SERVER_ADDRESS": address, "THEATER": workspace.theater.url.path])
    }

    /// Starts the counter example and returns its id (from `--id-only`).
    func startCounter(extra: [String] = []) throws -> String {
        let started = try theater(["start", ActorTestWorkspace.counterManifest, "--id-only"] + extra)
        guard started.status == 0 else { throw ServerProcessError(message: "start failed: \(started.transcript)") }
        return started.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stops the server with SIGTERM and returns how it ended; removes nothing.
    @discardableResult
    func stop() -> TheaterBinary.Outcome {
        server.kill(SIGTERM)
        return server.wait(timeLimit: 30)
    }

    /// Stops the server and deletes the workspace.
    func close() {
        stop()
        workspace.remove()
    }
}

/// The test server could not be set up.
struct ServerProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
