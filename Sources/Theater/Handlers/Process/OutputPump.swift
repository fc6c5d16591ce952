import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one output stream of a process (its pipe) on a thread of its own, never on the
/// cooperative pool, and cuts what it reads into pieces with an `OutputFramer`.
///
/// Pieces go to the owner's serial `queue` (through `emit`), which hands them to the actor
/// and calls `delivered` for each. At most `limit` bytes of pieces wait for the actor: at
/// that point the pump stops reading, the pipe fills, and the program blocks on its next
/// write until the actor has caught up, so no output is lost and memory stays bounded.
/// (A dedicated thread with blocking reads, because pausing and resuming a dispatch read
/// source proved unreliable on Linux.)
final class OutputPump: @unchecked Sendable {
    /// The handler export its pieces go to (`handle-stdout` or `handle-stderr`).
    let export: ActorExport
    /// Set on `queue` once the stream's last piece was emitted (or the stream was abandoned).
    private(set) var ended = false
    /// Stack of the reading thread: it only reads and frames.
    static let threadStackSize = 256 << 10

    private let descriptor: Int32
    private let handle: FileHandle
    private let limit: Int
    private let queue: DispatchQueue
    private let emit: ([UInt8]) -> Void
    private let onEnd: () -> Void
    private var framer: OutputFramer
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var waitingBytes = 0
    private var abandoned = false
    private var totalRead = 0

    /// A pump reading `handle`: pieces to `emit` and, once the stream ended, `onEnd`, both on
    /// `queue`; at most `limit` bytes of pieces waiting.
    init(export: ActorExport, handle: FileHandle, framer: OutputFramer, limit: Int, queue: DispatchQueue,
         emit: @escaping ([UInt8]) -> Void, onEnd: @escaping () -> Void) {
        self.export = export
        self.handle = handle
        descriptor = handle.fileDescriptor
        self.framer = framer
        self.limit = max(1, limit)
        self.queue = queue
        self.emit = emit
        self.onEnd = onEnd
    }

    /// Starts the reading thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.stackSize = Self.threadStackSize
        thread.name = "theater.process.\(export.function)"
        thread.start()
    }

    /// The owner handed a piece of `count` bytes to the actor: room to read that much more.
    func delivered(_ count: Int) {
        condition.withLock {
            waitingBytes -= count
            condition.signal()
        }
    }

    /// Bytes read so far (to tell an idle pipe from one still being drained).
    var bytesRead: Int { condition.withLock { totalRead } }

    /// Whether the reader waits for the actor to take what was read.
    var isWaitingForRoom: Bool { condition.withLock { waitingBytes >= limit && !abandoned } }

    /// Stops delivering (on `queue`): the actor is gone, or the process ended and something
    /// it left behind holds the pipe. The thread ends at the pipe's end of file; what it
    /// reads meanwhile is dropped.
    func abandon() {
        condition.withLock {
            abandoned = true
            condition.signal()
        }
        if !ended {
            ended = true
            onEnd()
        }
    }

    private func run() {
        var buffer = [UInt8](repeating: 0, count: min(limit, 64 << 10))
        while true {
            condition.lock()
            while waitingBytes >= limit && !abandoned { condition.wait() }
            let allowed = min(limit - waitingBytes, buffer.count)
            let stop = abandoned
            condition.unlock()
            if stop { break }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, max(1, allowed)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            pass(framer.append(buffer[0..<count]), read: count)
        }
        pass(framer.finish(), read: 0)
        // Drains what a writer left behind after an abandon, so that it does not block.
        while condition.withLock({ abandoned }) {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 || (count < 0 && errno == EINTR) { continue }
            break
        }
        try? handle.close()
        queue.async { [self] in
            if !ended {
                ended = true
                onEnd()
            }
        }
    }

    /// Counts `read` bytes and sends `pieces` to the owner (unless abandoned).
    private func pass(_ pieces: [[UInt8]], read: Int) {
        let bytes = pieces.reduce(0) { $0 + $1.count }
        let dropped = condition.withLock { () -> Bool in
            totalRead += read
            if !abandoned { waitingBytes += bytes }
            return abandoned
        }
        guard !dropped, !pieces.isEmpty else { return }
        queue.async { [self] in
            guard !ended else { return }
            pieces.forEach(emit)
        }
    }
}
