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
/// Waiting suspends the caller without holding a thread: the output and the program's end
/// arrive through Dispatch sources. Cancelling the calling task (an actor stopped
/// mid-command) kills the program.
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

/// One running command: collects its output, notices its end, and resumes the waiting
/// caller exactly once when it has ended and its output is read (or the drain grace is
/// over). Output is read by Dispatch read sources and the end is polled (`waitpid` with
/// `WNOHANG`) by a Dispatch timer, all on a private serial queue; the timeout and a
/// cancellation arrive on other threads, so every field is guarded by `lock`.
private final class CommandRun: @unchecked Sendable {
    /// Why the program was killed.
    enum KillReason { case timedOut, cancelled }

    /// How often the program's end is checked, in milliseconds.
    static let pollInterval = 10

    private let lock = NSLock()
    private let queue = DispatchQueue(label: "theater.filesystem.command")
    private let process: SpawnedProcess
    private let limit: Int
    private let timeout: Double
    private let command: String
    private var continuation: CheckedContinuation<CommandOutcome, Never>?
    private var streams = [CappedOutput(), CappedOutput()]
    private var sources: [DispatchSourceRead] = []
    private var poller: DispatchSourceTimer?
    private var exit: SpawnedProcess.Exit?
    private var finished = false
    private var killed: KillReason?

    init(process: SpawnedProcess, limit: Int, timeout: Double, command: String) {
        self.process = process
        self.limit = limit
        self.timeout = timeout
        self.command = command
    }

    /// Starts watching the program; `continuation` is resumed with the outcome.
    func start(_ continuation: CheckedContinuation<CommandOutcome, Never>, drainGrace: Double) {
        lock.withLock { self.continuation = continuation }
        for (index, descriptor) in [process.output, process.errors].enumerated() {
            let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
            source.setEventHandler { [self] in drain(stream: index) }
            source.setCancelHandler { close(descriptor) }
            lock.withLock { sources.append(source) }
            source.resume()
        }
        let poller = DispatchSource.makeTimerSource(queue: queue)
        poller.schedule(deadline: .now(), repeating: .milliseconds(Self.pollInterval))
        poller.setEventHandler { [self] in
            guard let exit = process.reap() else { return }
            // What the program left running in its process group ends with it.
            process.killGroup()
            lock.withLock { self.exit = exit; self.poller = nil }
            poller.cancel()
            finishIfDrained()
            queue.asyncAfter(deadline: .now() + drainGrace) { [self] in drainAllThenFinish() }
        }
        lock.withLock { self.poller = poller }
        poller.resume()
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [self] in terminate(reason: .timedOut) }
    }

    /// Kills the program and its process group if it is still running.
    func terminate(reason: KillReason) {
        lock.lock()
        guard exit == nil, !finished, killed == nil else { lock.unlock(); return }
        killed = reason
        lock.unlock()
        process.killGroup()
    }

    /// Reads what is available on one output stream (on `queue`).
    private func drain(stream: Int) {
        let descriptor = stream == 0 ? process.output : process.errors
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            guard let source = lock.withLock({ finished || streams[stream].closed ? nil : sources[stream] }) else { return }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                lock.withLock { streams[stream].append(buffer[..<count], limit: limit) }
                continue
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            // The end of the stream (or an error, which ends it too).
            lock.withLock { streams[stream].closed = true }
            source.cancel()
            finishIfDrained()
            return
        }
    }

    /// After the drain grace (on `queue`): takes what the streams hold now and finishes,
    /// even if a process that left the program's group still holds a stream open.
    private func drainAllThenFinish() {
        drain(stream: 0)
        drain(stream: 1)
        finish()
    }

    private func finishIfDrained() {
        let drained = lock.withLock { exit != nil && streams.allSatisfy(\.closed) }
        if drained { finish() }
    }

    /// Resumes the caller with what was collected (once; later calls do nothing).
    private func finish() {
        lock.lock()
        guard !finished, let continuation, let exit else { lock.unlock(); return }
        finished = true
        self.continuation = nil
        let outcome = outcome(exit)
        let open = zip(sources, streams).filter { !$0.1.closed }.map(\.0)
        lock.unlock()
        for source in open { source.cancel() }
        continuation.resume(returning: outcome)
    }

    /// The outcome from the collected output and how the program ended (under `lock`).
    private func outcome(_ exit: SpawnedProcess.Exit) -> CommandOutcome {
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
