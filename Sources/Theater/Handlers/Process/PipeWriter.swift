#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to a process's standard-input pipe without waiting and without letting a closed
/// pipe kill the runtime: a write to a pipe nobody reads raises SIGPIPE, whose default
/// action ends the whole host process. The signal is blocked on the writing thread for the
/// write and, when the write raised it, taken off the thread's pending set before the mask
/// is restored, so the runtime's signal disposition (and its children's) is untouched.
enum PipeWriter {
    /// Writes as much of `data` as the non-blocking pipe `descriptor` takes now; returns the
    /// count (0 when the pipe is full).
    static func write(_ data: [UInt8], to descriptor: Int32) -> Result<Int, HostFunctionError> {
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previousMask = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previousMask)
        var alreadyPending = sigset_t()
        sigpending(&alreadyPending)
        let wasPending = sigismember(&alreadyPending, SIGPIPE) == 1
        defer {
            if !wasPending {
                var raised = sigset_t()
                sigpending(&raised)
                if sigismember(&raised, SIGPIPE) == 1 {
                    var none = timespec(tv_sec: 0, tv_nsec: 0)
                    _ = sigtimedwait(&pipeSignal, nil, &none)
                }
            }
            pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        }
        var written = 0
        while written < data.count {
            let count = data.withUnsafeBytes { bytes in
                systemWrite(descriptor, bytes.baseAddress! + written, data.count - written)
            }
            if count > 0 {
                written += count
                continue
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { break }
            if count < 0 && errno == EPIPE { return .failure(HostFunctionError("the process closed its standard input")) }
            return .failure(HostFunctionError(String(cString: strerror(errno))))
        }
        return .success(written)
    }
}

/// `write(2)`, named apart from `PipeWriter.write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
