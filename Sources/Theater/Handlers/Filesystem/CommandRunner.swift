#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

/// Runs one program for `execute-command`: directly (no shell, so `;`, `$(...)`, `*` in
/// arguments are plain characters), in a given folder, with standard input empty, each
/// output stream kept up to `outputLimit` bytes (the rest is read and dropped, and a note
/// says how much), and killed after `timeout` seconds.
///
/// Waiting suspends the caller without holding a thread: the process's end and its output
/// arrive through Foundation's termination and readability handlers. Cancelling the
/// calling task kills the program (an actor stopped mid-command does not leave it behind).
struct CommandRunner: Sendable {
    /// Seconds a command may run before it is killed.
    static let defaultTimeout = 60.0
    /// Bytes of standard output, and of standard error, kept per command (1 MiB).
    static let defaultOutputLimit = 1 << 20

    /// Seconds the program may run.
    var timeout = CommandRunner.defaultTimeout
    /// Bytes kept of each output stream.
    var outputLimit = CommandRunner.defaultOutputLimit
    /// Seconds to wait, once the program has ended, for the ends of its output streams (a
    /// process it started in the background may hold them open).
    var drainGrace = 1.0

    /// Runs `executable` (an absolute path) with `arguments` in `directory` with exactly
    /// `environment`.
    func run(_ executable: String, arguments: [String], in directory: String,
             environment: [String: String]) async -> CommandOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true)
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let run = CommandRun(process: process, limit: outputLimit, timeout: timeout, command: executable)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                run.start(continuation, output: output.fileHandleForReading, errors: errors.fileHandleForReading,
                          drainGrace: drainGrace)
            }
        } onCancel: {
            run.terminate(reason: .cancelled)
        }
    }

    /// The absolute path of the program `command` names: an absolute path as it is, a bare
    /// name looked up in the folders of `searchPath` (`PATH`); nil when there is none.
    static func locate(_ command: String, searchPath: String) -> String? {
        if command.hasPrefix("/") { return access(command, X_OK) == 0 ? command : nil }
        guard !command.contains("/"), !command.isEmpty else { return nil }
        for folder in searchPath.split(separator: ":") where folder.hasPrefix("/") {
            let candidate = "\(folder)/\(command)"
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }
}

/// One running command: collects its output, and resumes the waiting caller exactly once
/// when it has ended and its output is read (or the drain grace is over). Its callbacks come
/// from Foundation's and Dispatch's threads, so every field is guarded by `lock`.
private final class CommandRun: @unchecked Sendable {
    /// Why the program was killed.
    enum KillReason { case timedOut, cancelled }

    private let lock = NSLock()
    private let process: Process
    private let limit: Int
    private let timeout: Double
    private let command: String
    private var continuation: CheckedContinuation<CommandOutcome, Never>?
    private var streams = [CappedOutput(), CappedOutput()]
    private var handles: [FileHandle] = []
    private var ended = false
    private var finished = false
    private var killed: KillReason?
    private var pendingKill: KillReason?

    init(process: Process, limit: Int, timeout: Double, command: String) {
        self.process = process
        self.limit = limit
        self.timeout = timeout
        self.command = command
    }

    /// Launches the program; `continuation` is resumed with the outcome.
    func start(_ continuation: CheckedContinuation<CommandOutcome, Never>, output: FileHandle, errors: FileHandle,
               drainGrace: Double) {
        lock.lock()
        self.continuation = continuation
        handles = [output, errors]
        lock.unlock()
        for (index, handle) in [output, errors].enumerated() {
            handle.readabilityHandler = { [self] handle in
                let data = handle.availableData
                if data.isEmpty { handle.readabilityHandler = nil }
                received(data, stream: index)
            }
        }
        process.terminationHandler = { [self] _ in
            lock.withLock { ended = true }
            finishIfDrained()
            DispatchQueue.global().asyncAfter(deadline: .now() + drainGrace) { [self] in finish() }
        }
        do {
            try process.run()
        } catch {
            for handle in [output, errors] { handle.readabilityHandler = nil }
            finish(with: .failed("cannot run \(command): \(error.localizedDescription)"))
            return
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [self] in terminate(reason: .timedOut) }
        // A cancellation that came before the program existed.
        if let reason = lock.withLock({ pendingKill }) { terminate(reason: reason) }
    }

    /// Kills the program (and its process group, when it leads one) if it is still running.
    func terminate(reason: KillReason) {
        lock.lock()
        guard !ended, !finished else { lock.unlock(); return }
        guard process.isRunning else { pendingKill = reason; lock.unlock(); return }
        killed = reason
        let pid = process.processIdentifier
        lock.unlock()
        if getpgid(pid) == pid { _ = kill(-pid, SIGKILL) }
        _ = kill(pid, SIGKILL)
    }

    private func received(_ data: Data, stream: Int) {
        lock.lock()
        if data.isEmpty { streams[stream].closed = true } else { streams[stream].append(data, limit: limit) }
        lock.unlock()
        finishIfDrained()
    }

    private func finishIfDrained() {
        let drained = lock.withLock { ended && streams.allSatisfy(\.closed) }
        if drained { finish() }
    }

    /// Resumes the caller with what was collected (once; later calls do nothing).
    private func finish(with failure: CommandOutcome? = nil) {
        lock.lock()
        guard !finished, let continuation else { lock.unlock(); return }
        finished = true
        self.continuation = nil
        let outcome = failure ?? collectedOutcome()
        let handles = self.handles
        lock.unlock()
        for handle in handles {
            handle.readabilityHandler = nil
            try? handle.close()
        }
        continuation.resume(returning: outcome)
    }

    /// The outcome from the collected output and the exit status (called under `lock`).
    private func collectedOutcome() -> CommandOutcome {
        switch killed {
        case .timedOut:
            return .failed("\(command) did not finish within \(CappedOutput.seconds(timeout)) and was killed")
        case .cancelled:
            return .failed("\(command) was killed because the actor stopped")
        case nil:
            break
        }
        var stderr = streams[1].text(limit: limit)
        var exitCode = process.terminationStatus
        if process.terminationReason == .uncaughtSignal {
            stderr += (stderr.isEmpty ? "" : "\n") + "[terminated by signal \(exitCode)]"
            exitCode = -1
        }
        return .finished(stdout: streams[0].text(limit: limit), stderr: stderr, exitCode: exitCode)
    }
}

/// One output stream of a command: the first bytes up to the limit, and how many more came.
private struct CappedOutput {
    var kept = Data()
    var dropped = 0
    var closed = false

    mutating func append(_ data: Data, limit: Int) {
        let room = max(0, limit - kept.count)
        if room > 0 { kept.append(data.prefix(room)) }
        dropped += max(0, data.count - room)
    }

    /// The kept bytes as text (invalid UTF-8 replaced), with a note when some were dropped.
    func text(limit: Int) -> String {
        let text = String(decoding: kept, as: UTF8.self)
        guard dropped > 0 else { return text }
        return text + "\n[output truncated: \(dropped) more bytes were dropped; at most \(limit) bytes are kept]"
    }

    /// `60 s`, `0.5 s`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
