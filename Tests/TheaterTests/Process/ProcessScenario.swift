import Foundation
import Testing
@testable import Theater

/// A runtime with one `ProcessTestActor` granted a `process` handler, and the calls the
/// tests make through it.
final class ProcessScenario {
    let scenario: RuntimeScenario
    let actor: ActorRuntime

    /// Starts the actor with the `process` handler settings `settings` (TOML lines) and
    /// `extra` manifest text (e.g. a `[limits]` table); `prepare` runs on the folder first.
    init(_ settings: String = "", extra: String = "", prepare: (URL) throws -> Void = { _ in }) async throws {
        scenario = try RuntimeScenario()
        try prepare(scenario.directory)
        actor = try await scenario.start("processes", component: try ProcessTestActor.component.encoded(),
                                         handlers: ["type = \"process\"\n" + settings], extra: extra)
    }

    /// The scenario's folder (the manifest's folder), with symlinks resolved.
    var folder: String { ProcessPermissions.realPath(scenario.directory.path) ?? scenario.directory.path }

    /// Calls the actor and decodes its answer.
    func call(_ request: [UInt8]) async throws -> Result<[UInt8], ProcessCallError> {
        ProcessRequest.decode(try await scenario.request(actor, request))
    }

    /// `os-spawn`; the pid or the error.
    func spawn(_ program: String, _ args: [String] = [], cwd: String? = nil, env: [(String, String)] = [],
               bufferSize: UInt32 = 0, stdout: ProcessRequest.Mode = .raw, stderr: ProcessRequest.Mode = .raw,
               chunkSize: UInt32? = nil, timeout: UInt64? = nil) async throws -> Result<UInt64, ProcessCallError> {
        let request = ProcessRequest.spawn(program, args, cwd: cwd, env: env, bufferSize: bufferSize, stdout: stdout,
                                           stderr: stderr, chunkSize: chunkSize, timeout: timeout)
        return try await call(request).map { $0.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } }
    }

    /// `os-status`: (running, exit code, start time).
    func status(_ pid: UInt64) async throws -> Result<(running: Bool, exitCode: Int32?, startTime: UInt64), ProcessCallError> {
        try await call(ProcessRequest.status(pid)).map { record in
            record.withUnsafeBytes { bytes in
                (bytes[8] != 0, bytes[12] != 0 ? bytes.loadUnaligned(fromByteOffset: 16, as: Int32.self) : nil,
                 bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
            }
        }
    }

    /// What the actor collected so far (`O` answers the state as it is).
    func output() async throws -> [ProcessOutput] {
        ProcessOutput.entries(try await scenario.request(actor, ProcessRequest.output))
    }

    /// What process `pid` wrote to standard output so far, joined.
    func stdout(of pid: UInt64) async throws -> [UInt8] {
        try await output().flatMap { entry -> [UInt8] in
            if case .stdout(pid, let bytes) = entry { return bytes }
            return []
        }
    }

    /// Waits for `handle-exit` of `pid` and returns everything collected then.
    func waitForExit(_ pid: UInt64, seconds: Double = 30,
                     sourceLocation: SourceLocation = #_sourceLocation) async throws -> [ProcessOutput] {
        var collected: [ProcessOutput] = []
        let exited = try await scenario.eventually(seconds: seconds) {
            collected = try await output()
            return collected.contains { if case .exit(pid, _) = $0 { return true } else { return false } }
        }
        #expect(exited, "process \(pid) exited", sourceLocation: sourceLocation)
        return collected
    }

    /// The exit code `handle-exit` delivered for `pid`.
    static func exitCode(_ pid: UInt64, in entries: [ProcessOutput]) -> Int32? {
        for case .exit(pid, let code) in entries { return code }
        return nil
    }

    /// The pieces of one stream of `pid`, in order.
    static func pieces(_ pid: UInt64, stderr: Bool = false, in entries: [ProcessOutput]) -> [String] {
        entries.compactMap { entry in
            switch entry {
            case .stdout(pid, let bytes) where !stderr: return String(decoding: bytes, as: UTF8.self)
            case .stderr(pid, let bytes) where stderr: return String(decoding: bytes, as: UTF8.self)
            default: return nil
            }
        }
    }

    /// Stops the runtime and checks every chain replays identically (with no process).
    func finish(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await scenario.shutdownAndReplay(expectedChains: 1, sourceLocation: sourceLocation)
    }
}
