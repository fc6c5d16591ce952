import Foundation
import Testing

/// A real `theater server` on a free loopback port for the developer-workflow tests, and the
/// management calls they make through `scripts/management-client.py`'s `Client` (the Python
/// client written from MANAGEMENT.md alone), one command per call.
final class DevWorkflowServer {
    /// HOST:PORT the server listens on.
    let address: String
    private let process: RunningTheater

    /// Starts `theater server` with `workspace`'s data directory, from `workspace`'s folder
    /// (relative paths sent to it resolve there), and waits until it answers.
    init(_ workspace: ActorTestWorkspace) throws {
        address = "127.0.0.1:\(try ServerCommandTests.freePort())"
        process = try workspace.theater.start(["server", "--address", address, "--data-dir", workspace.dataDirectory.path],
                                              in: workspace.folder)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, process.isRunning {
            if (try? call(#""ListActors""#)) != nil { return }
            usleep(100_000)
        }
        process.kill(SIGKILL)
        throw DevWorkflowError("the server did not answer at \(address): \(process.wait(timeLimit: 10).transcript)")
    }

    /// Sends `command` (its JSON text) and returns the decoded response.
    @discardableResult
    func call(_ command: String) throws -> Any {
        let script = """
            import importlib.util, json, sys
            spec = importlib.util.spec_from_file_location("management_client", sys.argv[1])
            client_module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(client_module)
            host, _, port = sys.argv[2].rpartition(":")
            client = client_module.Client(host, int(port), timeout=300)
            print(json.dumps(client.call(json.loads(sys.argv[3]))))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script,
                             TheaterBinary.packageRoot.appendingPathComponent("scripts/management-client.py").path,
                             address, command]
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DevWorkflowError("\(command) failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return try JSONSerialization.jsonObject(with: outputData)
    }

    /// `StartActor` with the manifest at `path` (absolute); the new actor's id.
    func start(manifest path: String) throws -> String {
        let command = #"{"StartActor": {"manifest": \#(try Self.quoted(path)), "initial_state": null, "parent": false, "subscribe": false}}"#
        let response = try call(command)
        guard let id = ((response as? [String: Any])?["ActorStarted"] as? [String: Any])?["id"] as? String else {
            throw DevWorkflowError("StartActor answered \(response)")
        }
        return id
    }

    /// `RequestActorMessage` with `text`; the answer as text.
    func request(_ id: String, _ text: String) throws -> String {
        let response = try call(#"{"RequestActorMessage": {"id": "\#(id)", "data": \#(Array(text.utf8))}}"#)
        guard let bytes = ((response as? [String: Any])?["RequestedMessage"] as? [String: Any])?["message"] as? [Int] else {
            throw DevWorkflowError("RequestActorMessage answered \(response)")
        }
        return String(decoding: bytes.map(UInt8.init), as: UTF8.self)
    }

    /// `SendActorMessage` with `text`.
    func send(_ id: String, _ text: String) throws {
        let response = try call(#"{"SendActorMessage": {"id": "\#(id)", "data": \#(Array(text.utf8))}}"#)
        guard (response as? [String: Any])?["SentMessage"] != nil else { throw DevWorkflowError("SendActorMessage answered \(response)") }
    }

    /// The ids of the running actors.
    func actorIDs() throws -> [String] {
        let response = try call(#""ListActors""#)
        let pairs = ((response as? [String: Any])?["ActorList"] as? [String: Any])?["actors"] as? [[String]] ?? []
        return pairs.compactMap(\.first)
    }

    /// Stops the server with SIGTERM; returns how it ended.
    func stop() -> TheaterBinary.Outcome {
        process.kill(SIGTERM)
        return process.wait(timeLimit: 60)
    }

    /// `text` as a JSON string literal.
    private static func quoted(_ text: String) throws -> String {
        let array = String(decoding: try JSONSerialization.data(withJSONObject: [text]), as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}

/// A failed step of a developer-workflow test, with what was seen.
struct DevWorkflowError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
