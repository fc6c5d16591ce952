import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one output stream of a process (its pipe, non-blocking) on the process's serial
/// queue, whenever the pipe has data, and cuts what it reads into pieces with an
/// `OutputFramer`. No thread waits on the pipe: a dispatch read source wakes the queue.
///
/// The owner paces it: `room` says how many bytes it may read now (the stream's buffer
/// minus what waits for the actor); at zero the pump pauses, and the process blocks on
/// its next write once the pipe is full, until `resume`. Used only on `queue`.
final class OutputPump {
    /// The handler export its pieces go to (`handle-stdout` or `handle-stderr`).
    let export: ActorExport
    /// Set once the stream ended (end of file, a read error, or `close`); the framer's
    /// remainder has then been emitted.
    private(set) var ended = false
    private let handle: FileHandle
    private let queue: DispatchQueue
    private var framer: OutputFramer
    private var source: DispatchSourceRead?
    private var paused = false
    private let room: () -> Int
    private let emit: ([UInt8]) -> Void
    private let onEnd: () -> Void

    /// A pump reading `handle` on `queue`: `room()` bytes at most per wake-up, pieces to
    /// `emit`, and `onEnd` once the stream ended.
    init(export: ActorExport, handle: FileHandle, framer: OutputFramer, queue: DispatchQueue,
         room: @escaping () -> Int, emit: @escaping ([UInt8]) -> Void, onEnd: @escaping () -> Void) {
        self.export = export
        self.handle = handle
        self.framer = framer
        self.queue = queue
        self.room = room
        self.emit = emit
        self.onEnd = onEnd
    }

    /// Starts reading.
    func start() {
        let descriptor = handle.fileDescriptor
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler { [weak self] in self?.readAvailable() }
        let handle = self.handle
        source.setCancelHandler { try? handle.close() }
        self.source = source
        source.resume()
    }

    /// Reads what the pipe holds, as much as there is room for; pauses when there is none.
    func readAvailable() {
        guard !ended else { return }
        while true {
            let allowed = min(room(), 64 << 10)
            if allowed <= 0 {
                pause()
                return
            }
            var buffer = [UInt8](repeating: 0, count: allowed)
            let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, allowed) }
            if count > 0 {
                for piece in framer.append(buffer[0..<count]) { emit(piece) }
                continue
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            close()
            return
        }
    }

    /// Resumes reading after a pause, when there is room again.
    func resume() {
        guard paused, !ended, room() > 0 else { return }
        paused = false
        source?.resume()
    }

    /// Ends the stream: stops reading, emits the framer's remainder, closes the pipe.
    func close() {
        guard !ended else { return }
        ended = true
        for piece in framer.finish() { emit(piece) }
        if let source {
            if paused { source.resume() }
            source.cancel()
        } else {
            try? handle.close()
        }
        source = nil
        onEnd()
    }

    private func pause() {
        guard !paused, let source else { return }
        paused = true
        source.suspend()
    }
}
