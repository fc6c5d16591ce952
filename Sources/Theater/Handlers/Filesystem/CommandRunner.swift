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
/// The program runs in a process group of its own (`SpawnedProcess`); when it ends, times
/// out or is cancelled, the whole group is killed, so nothing it started outlives the call.
/// Waiting suspends the caller without holding a thread: a pump on a Dispatch queue reads
/// the output and checks for the program's end. Cancelling the calling task (an actor
/// stopped mid-command) kills the program.
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
    /// `environment`; the program sees `command` (the name the actor used) as its name.
    func run(_ executable: String, command: String? = nil, arguments: [String], in directory: String,
             environment: [String: String]) async -> CommandOutcome {
        let process: SpawnedProcess
        do {
            process = try SpawnedProcess.spawn(executable, argumentZero: command ?? executable, arguments: arguments,
                                               directory: directory, environment: environment)
        } catch {
            return .failed("cannot run \(command ?? executable): \(error)")
        }
        let run = CommandRun(process: process, limit: outputLimit, timeout: timeout, command: command ?? executable)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                run.start(continuation, drainGrace: drainGrace)
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

/// One running command: a pump on a private serial queue reads both output streams
/// (non-blocking) until they would block, checks whether the program ended (`waitpid`
/// with `WNOHANG`) and whether its time is up, and runs again at once while output flows,
/// else after `pollInterval`. It resumes the waiting caller exactly once, when the program
/// has ended and its output is read (or the drain grace is over). No Dispatch source
/// watches the pipes, so closing them needs no coordination with an event loop.
///
/// `terminate` also comes from another thread (a cancellation), so the fields it shares
/// are guarded by `lock`.
private final class CommandRun: @unchecked Sendable {
    /// Why the program was killed.
    enum KillReason { case timedOut, cancelled }

    /// How long the pump waits when nothing happened, in milliseconds.
    static let pollInterval = 10
    /// The most reads (of 64 KiB) of one stream in one round of the pump.
    static let readsPerRound = 16

    private let lock = NSLock()
    private let queue = DispatchQueue(label: "theater.filesystem.command")
    private let process: SpawnedProcess
    private let limit: Int
    private let timeout: Double
    private let command: String
    private let deadline: DispatchTime
    private var drainGrace = 1.0
    private var continuation: CheckedContinuation<CommandOutcome, Never>?
    private var streams = [CappedOutput(), CappedOutput()]
    private var exit: SpawnedProcess.Exit?
    private var exitTime: DispatchTime?
    private var finished = false
    private var killed: KillReason?

    init(process: SpawnedProcess, limit: Int, timeout: Double, command: String) {
        self.process = process
        self.limit = limit
        self.timeout = timeout
        self.command = command
        self.deadline = .now() + timeout
    }

    /// Starts pumping; `continuation` is resumed with the outcome.
    func start(_ continuation: CheckedContinuation<CommandOutcome, Never>, drainGrace: Double) {
        self.continuation = continuation
        self.drainGrace = drainGrace
        queue.async { [self] in pump() }
    }

    /// Kills the program and its process group if it is still running.
    func terminate(reason: KillReason) {
        lock.lock()
        guard exit == nil, !finished, killed == nil else { lock.unlock(); return }
        killed = reason
        lock.unlock()
        process.killGroup()
    }

    /// One round: read, check for the end and the deadline, finish or schedule the next.
    private func pump() {
        var progressed = false
        for stream in 0..<2 where !streams[stream].closed {
            progressed = readAvailable(stream) || progressed
        }
        let now = DispatchTime.now()
        if lock.withLock({ exit }) == nil, let ended = process.reap() {
            // What the program left running in its process group ends with it.
            process.killGroup()
            lock.withLock { exit = ended }
            exitTime = now
            progressed = true
        }
        if now >= deadline { terminate(reason: .timedOut) }
        if let exitTime, streams.allSatisfy(\.closed) || now >= exitTime + drainGrace {
            finish()
            return
        }
        if progressed {
            queue.async { [self] in pump() }
        } else {
            queue.asyncAfter(deadline: now + .milliseconds(Self.pollInterval)) { [self] in pump() }
        }
    }

    /// Reads one stream until it would block or ends; whether anything happened.
    private func readAvailable(_ stream: Int) -> Bool {
        let descriptor = stream == 0 ? process.output : process.errors
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var progressed = false
        // A bounded number of reads per round, so a program that floods its output still
        // has its end and its deadline checked.
        for _ in 0..<Self.readsPerRound {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                streams[stream].append(buffer[..<count], limit: limit)
                progressed = true
                continue
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return progressed }
            // The end of the stream (or an error, which ends it too).
            streams[stream].closed = true
            close(descriptor)
            return true
        }
        return progressed
    }

    /// Closes what is still open and resumes the caller with the outcome.
    private func finish() {
        for (stream, descriptor) in [process.output, process.errors].enumerated() where !streams[stream].closed {
            streams[stream].closed = true
            close(descriptor)
        }
        let (exit, killed) = lock.withLock { () -> (SpawnedProcess.Exit?, KillReason?) in
            finished = true
            return (self.exit, self.killed)
        }
        guard let continuation, let exit else { return }
        self.continuation = nil
        continuation.resume(returning: outcome(exit, killed: killed))
    }

    /// The outcome from the collected output and how the program ended.
    private func outcome(_ exit: SpawnedProcess.Exit, killed: KillReason?) -> CommandOutcome {
        switch killed {
        case .timedOut:
            return .failed("\(command) did not finish within \(CappedOutput.seconds(timeout)) and was killed")
        case .cancelled:
            return .failed("\(command) was killed because the actor stopped")
        case nil:
            break
        }
        let stdout = streams[0].text(limit: limit)
        let stderr = streams[1].text(limit: limit)
        switch exit {
        case .exited(let code):
            return .finished(stdout: stdout, stderr: stderr, exitCode: code)
        case .signaled(let signal):
            return .finished(stdout: stdout, stderr: stderr + (stderr.isEmpty ? "" : "\n") + "[terminated by signal \(signal)]",
                             exitCode: -1)
        }
    }
}

/// One output stream of a command: the first bytes up to the limit, and how many more came.
private struct CappedOutput {
    var kept: [UInt8] = []
    var dropped = 0
    var closed = false

    mutating func append(_ data: ArraySlice<UInt8>, limit: Int) {
        let room = max(0, limit - kept.count)
        if room > 0 { kept.append(contentsOf: data.prefix(room)) }
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
