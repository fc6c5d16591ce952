import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `theater server` end to end: the real binary on a free loopback port, driven by
/// `scripts/management-client.py`, a Python client written from MANAGEMENT.md alone.
@Suite struct ServerCommandTests {
    /// A loopback port that was free a moment ago (bound to port 0, then released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw CocoaError(.fileWriteUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs the Python client with `arguments`.
    static func python(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TheaterBinary.packageRoot.appendingPathComponent("scripts/management-client.py").path]
            + arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self),
                String(decoding: errorData, as: UTF8.self))
    }

    @Test func aPythonClientDrivesTheServerAndSIGTERMStopsIt() throws {
        let workspace = try ActorTestWorkspace()
        defer { workspace.remove() }
        let address = "127.0.0.1:\(try Self.freePort())"
        let server = try workspace.theater.start(["server", "--address", address, "--data-dir", workspace.dataDirectory.path])
        // Wait until it answers.
        let deadline = Date().addingTimeInterval(30)
        var listed = try Self.python(["--address", address, "list"])
        while listed.status != 0, Date() < deadline, server.isRunning {
            usleep(100_000)
            listed = try Self.python(["--address", address, "list"])
        }
        guard listed.status == 0 else {
            server.kill(SIGKILL)
            Issue.record("the server did not answer: \(listed.error)\n\(server.wait(timeLimit: 10).transcript)")
            return
        }
        #expect(listed.output.trimmingCharacters(in: .whitespacesAndNewlines) == #"{"ActorList": {"actors": []}}"#)

        let demo = try Self.python(["--address", address, "demo", ActorTestWorkspace.counterManifest])
        #expect(demo.status == 0, "\(demo.error)")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(demo.output.utf8)) as? [String: Any], "\(demo)")
        #expect(seen["listed"] as? [String] == ["counter"])
        #expect(seen["request"] as? String == "5")
        let events = seen["events"] as? [String] ?? []
        #expect(events.contains("export-call") && events.last == "export-return", "\(events)")
        #expect(seen["state"] as? String == "6")
        #expect(seen["status"] as? String == "Stopped")

        server.kill(SIGTERM)
        let outcome = server.wait(timeLimit: 30)
        #expect(outcome.status == 0 && !outcome.endedBySignal && !outcome.timedOut, "\(outcome.transcript)")
        #expect(outcome.standardError.contains("listening on \(address)"), "\(outcome.transcript)")
        let chains = try FileManager.default.contentsOfDirectory(
            at: workspace.dataDirectory.appendingPathComponent("chains"), includingPropertiesForKeys: nil)
        #expect(chains.count == 1)
    }
}
