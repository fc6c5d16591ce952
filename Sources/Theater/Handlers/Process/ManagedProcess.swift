import ComponentModel
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One operating-system process an actor started: the program in its own process group,
/// its pipes, the pumps that read its output, and the delivery of that output, then of its
/// exit, to the actor's `process-handlers` exports.
///
/// Output is delivered in the order it was read, stdout and stderr interleaved as they
/// arrived, each stream holding at most `bufferLimit` bytes on the host (the reader pauses
/// beyond it, so nothing is lost: the program waits on its write). `handle-exit` comes
/// after all output: once the process ended and both streams reached their end (or, when
/// a process it left behind keeps a pipe open without writing, `outputGrace` after that;
/// see `watchForLeftBehindWriters`).
///
/// Exit codes: the program's own exit status, or the negated signal number when a signal
/// ended it (SIGKILL from `os-kill` or the timeout: -9).
///
/// Threads: the actor's host calls use the `lock`-guarded status and standard input; each
/// output stream is read on a thread of its own (`OutputPump`), and another waits for the
/// exit (`ProcessExitWatcher`); the delivery to the actor (outbox, retries, exit) lives on
/// the process's serial `queue`.
final class ManagedProcess: @unchecked Sendable {
    /// The actor's id for the process (1, 2, 3, ... per actor; never the OS pid).
    let pid: UInt64
    /// When it started, in milliseconds since the Unix epoch.
    let startTime: UInt64
    /// How long output may still arrive after the process ended (from a process it left
    /// behind holding the pipe) before `handle-exit` is delivered anyway.
    static let outputGrace: DispatchTimeInterval = .seconds(2)

    private let process = Process()
    private let queue: DispatchQueue
    private let feed: ActorFeed
    private let bufferLimit: Int
    private let lock = NSLock()
    // Guarded by `lock`:
    private var exitCode: Int32?
    private var stdinHandle: FileHandle?
    private var osProcessID: pid_t = 0
    private var group = ProcessGroup(leader: 0)
    private var released = false
    // Used only on `queue`:
    private var pumps: [OutputPump] = []
    private var outbox: [(pump: Int, piece: [UInt8])] = []
    private var outboxHead = 0
    private var retryDelay = 1
    private var retryScheduled = false
    private var exitDelivered = false

    /// Starts `executable` as `request` asks, in `workingDirectory`, delivering its output
    /// to the actor through `feed`. Throws `ProcessSpawnError.launchFailed` when the
    /// operating system refuses.
    init(pid: UInt64, executable: String, request: ProcessSpawnRequest, workingDirectory: String,
         bufferLimit: Int, feed: ActorFeed) throws {
        self.pid = pid
        self.feed = feed
        self.bufferLimit = max(1, bufferLimit)
        queue = DispatchQueue(label: "theater.process.\(feed.actorID).\(pid)")
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = request.args
        process.environment = Dictionary(request.environment.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory, isDirectory: true)
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        startTime = TimingHandler.nowMilliseconds()
        // The pumps exist before the process runs, so that its end (reported on `queue`)
        // always finds them and waits for their output.
        let streams = [(ActorExport.handleStdout, output, request.stdoutMode),
                       (ActorExport.handleStderr, errors, request.stderrMode)]
        for (index, (export, pipe, mode)) in streams.enumerated() {
            pumps.append(OutputPump(
                export: export, handle: pipe.fileHandleForReading,
                framer: OutputFramer(mode: mode, limit: self.bufferLimit), limit: self.bufferLimit, queue: queue,
                emit: { [weak self] piece in self?.enqueue(piece, from: index) },
                onEnd: { [weak self] in self?.deliverOutbox() }))
        }
        do {
            try Self.withSignalsUnblocked { try process.run() }
        } catch {
            throw ProcessSpawnError.launchFailed(program: request.program, reason: "\(error)")
        }
        osProcessID = process.processIdentifier
        group = ProcessGroup(leader: osProcessID)
        let stdin = input.fileHandleForWriting
        _ = fcntl(stdin.fileDescriptor, F_SETFL, fcntl(stdin.fileDescriptor, F_GETFL) | O_NONBLOCK)
        stdinHandle = stdin
        pumps.forEach { $0.start() }
        let queue = self.queue, started = self.process
        let watcher = Thread { [weak self] in
            let code = ProcessExitWatcher.waitForExit(of: started)
            queue.async { [weak self] in self?.ended(code: code) }
        }
        watcher.stackSize = OutputPump.threadStackSize
        watcher.start()
        if let timeout = request.executionTimeout {
            let milliseconds = Int(min(timeout, UInt64(Int32.max)))
            queue.asyncAfter(deadline: .now() + .milliseconds(milliseconds)) { [weak self] in self?.kill() }
        }
    }

    /// Whether the process is still running.
    var isRunning: Bool { lock.withLock { exitCode == nil } }

    /// Whether everything about the process is over: its exit was delivered, or the actor stopped.
    var isFinished: Bool { lock.withLock { exitDeliveredFlag || released } }

    /// The WIT `process-status` of the process.
    var status: ComponentValue {
        let code = lock.withLock { exitCode }
        return .record([
            ComponentField("pid", .u64(pid)),
            ComponentField("running", .bool(code == nil)),
            ComponentField("exit-code", .option(code.map { .s32($0) })),
            ComponentField("start-time", .u64(startTime)),
        ])
    }

    /// Writes what the standard-input pipe takes now (never waiting) and returns the count;
    /// an empty `data` closes standard input (the program then reads end of file).
    func writeStdin(_ data: [UInt8]) throws(HostFunctionError) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        guard exitCode == nil else { throw HostFunctionError("process \(pid) has exited") }
        guard let stdinHandle else { throw HostFunctionError("the standard input of process \(pid) is closed") }
        if data.isEmpty {
            try? stdinHandle.close()
            self.stdinHandle = nil
            return 0
        }
        switch PipeWriter.write(data, to: stdinHandle.fileDescriptor) {
        case .success(let count): return UInt32(count)
        case .failure(let error):
            throw HostFunctionError("cannot write to the standard input of process \(pid): \(error.message)")
        }
    }

    /// Sends `signal` to the process (not to what it started).
    func signal(_ signal: Int32) throws(HostFunctionError) {
        lock.lock()
        defer { lock.unlock() }
        guard exitCode == nil else { throw HostFunctionError("process \(pid) has exited") }
        if sendSignal(osProcessID, signal) != 0 {
            throw HostFunctionError("cannot signal process \(pid): \(String(cString: strerror(errno)))")
        }
    }

    /// Kills the process and everything in its process group (SIGKILL). Returns false when
    /// it had already exited.
    @discardableResult
    func kill() -> Bool {
        lock.withLock {
            guard exitCode == nil, !released else { return false }
            group.killAll()
            return true
        }
    }

    /// The actor stopped: kills the process group (also when the program itself ended: what
    /// it left behind goes with it) and stops delivering.
    func release() {
        lock.withLock {
            // Also after the exit: what the program left behind (in its group) goes too.
            if !released { group.killAll() }
            released = true
            try? stdinHandle?.close()
            stdinHandle = nil
        }
        queue.async { [self] in
            exitDelivered = true
            outbox = []
            outboxHead = 0
            pumps.forEach { $0.abandon() }
        }
    }

    /// Set (under `lock`) once `handle-exit` was queued.
    private var exitDeliveredFlag = false

    // MARK: Output delivery (on `queue`)

    private func enqueue(_ piece: [UInt8], from pump: Int) {
        guard !exitDelivered else { return }
        outbox.append((pump, piece))
        deliverOutbox()
    }

    /// Hands waiting pieces to the actor, oldest first, while its mailbox has room; then,
    /// when the process ended and its output is all delivered, its exit.
    private func deliverOutbox() {
        guard !exitDelivered else { return }
        while outboxHead < outbox.count {
            let (pump, piece) = outbox[outboxHead]
            switch feed.deliver(pumps[pump].export, [.u64(pid), .bytes(piece)]) {
            case .queued:
                takeFirstFromOutbox()
                retryDelay = 1
                pumps[pump].delivered(piece.count)
            case .busy:
                scheduleRetry()
                return
            case .gone:
                abandon()
                return
            }
        }
        let code = lock.withLock { exitCode }
        guard let code, pumps.allSatisfy(\.ended) else { return }
        switch feed.deliver(.handleExit, [.u64(pid), .s32(code)]) {
        case .queued:
            exitDelivered = true
            lock.withLock { exitDeliveredFlag = true; stdinHandle = nil }
        case .busy: scheduleRetry()
        case .gone: abandon()
        }
    }

    /// Runs `body` (the spawn) with no signal blocked on this thread: a program inherits the
    /// signal mask of the thread that starts it, and the runtime's worker threads block most
    /// signals, which would leave the program deaf to SIGTERM, SIGINT and `os-signal`.
    private static func withSignalsUnblocked<T>(_ body: () throws -> T) rethrows -> T {
        var none = sigset_t()
        sigemptyset(&none)
        var previous = sigset_t()
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    /// Drops the oldest piece (delivered), compacting the array now and then.
    private func takeFirstFromOutbox() {
        outbox[outboxHead].piece = []
        outboxHead += 1
        if outboxHead == outbox.count {
            outbox.removeAll(keepingCapacity: true)
            outboxHead = 0
        } else if outboxHead >= 1024 && outboxHead * 2 >= outbox.count {
            outbox.removeFirst(outboxHead)
            outboxHead = 0
        }
    }

    /// Tries again soon (1 ms, doubling up to 20 ms while the actor stays busy).
    private func scheduleRetry() {
        guard !retryScheduled else { return }
        retryScheduled = true
        queue.asyncAfter(deadline: .now() + .milliseconds(retryDelay)) { [self] in
            retryScheduled = false
            deliverOutbox()
        }
        retryDelay = min(retryDelay * 2, 20)
    }

    /// The actor is gone: nothing more can be delivered.
    private func abandon() {
        exitDelivered = true
        outbox = []
        outboxHead = 0
        pumps.forEach { $0.abandon() }
        kill()
    }

    /// The process ended with `code`: delivers the exit once the output is in (or after the grace).
    private func ended(code: Int32) {
        lock.withLock {
            exitCode = code
            try? stdinHandle?.close()
            stdinHandle = nil
        }
        deliverOutbox()
        watchForLeftBehindWriters(lastBytesRead: -1)
    }

    /// After the process ended, its pipes normally reach their end at once; when one stays
    /// open without output for `outputGrace` (a process it started keeps it), that process
    /// group is killed and the streams are closed so that `handle-exit` can follow. A stream
    /// that is still being drained (paused for the actor, or read from since the last look)
    /// is left alone.
    private func watchForLeftBehindWriters(lastBytesRead: Int) {
        guard !pumps.allSatisfy(\.ended), !exitDelivered else { return }
        let read = pumps.reduce(0) { $0 + $1.bytesRead }
        let draining = pumps.contains { !$0.ended && $0.isWaitingForRoom } || read != lastBytesRead
            || outboxHead < outbox.count
        if !draining {
            lock.withLock { group.killAll() }
            pumps.forEach { $0.abandon() }
            deliverOutbox()
            return
        }
        queue.asyncAfter(deadline: .now() + Self.outputGrace) { [self] in
            watchForLeftBehindWriters(lastBytesRead: read)
        }
    }
}

/// `kill(2)`, named apart from `ManagedProcess.kill()`.
private func sendSignal(_ target: pid_t, _ signal: Int32) -> Int32 {
    kill(target, signal)
}
