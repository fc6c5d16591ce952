import ComponentModel
import Foundation

/// `ntwk:theater/process`: operating-system processes for an actor, within its grant.
///
/// - `os-spawn(process-config) -> result<u64, string>`: starts a program of
///   `allowed_programs` (no shell ever) in a working folder within `allowed_paths` (see
///   `ProcessPermissions`), with exactly the environment given (nothing of the host's is
///   inherited, not even PATH), at most `max_processes` running at once. Returns the
///   actor's own id for it (1, 2, 3, ...), never the OS pid.
/// - `os-write-stdin(pid, data) -> result<u32, string>`: writes what the pipe takes without
///   waiting, returns the count; empty `data` closes standard input.
/// - `os-status(pid) -> result<process-status, string>`: running, exit code, start time
///   (ms since the epoch).
/// - `os-signal(pid, signal) -> result<_, string>`: sends signal 1...64 to the process.
/// - `os-kill(pid) -> result<_, string>`: SIGKILL to the process and its process group.
///
/// Output goes to the actor's `process-handlers` exports (`handle-stdout`, `handle-stderr`,
/// then `handle-exit` after all output; see `ManagedProcess`), cut by the stream's output
/// mode (`OutputFramer`), at most `min(buffer-size, max_output_buffer)` bytes waiting on the
/// host per stream (`buffer-size` 0 means `max_output_buffer`); past it the handler stops
/// reading and the program waits on its writes, so no output is lost. `execution-timeout`
/// kills the process group (exit code -9). When the actor stops, its processes are killed.
///
/// Every result is recorded and the output arrives as recorded export calls, so a replay
/// starts no process.
enum ProcessHandler {
    /// Signals `os-signal` accepts (Linux's 1...SIGRTMAX).
    static let signalRange: ClosedRange<UInt32> = 1...64

    static func interface(_ context: ActorContext, config: ProcessConfig) -> GrantedInterface {
        var interface = RecordedInterface("process", recorder: context.recorder)
        let permissions = ProcessPermissions(config: config, manifestDirectory: context.manifest.baseDirectory)
        let table = ProcessTable(limit: config.maxProcesses)
        context.stopHooks.append { table.releaseAll() }

        interface.function("os-spawn", [ProcessTypes.processConfig], TheaterTypes.result(.u64)) { arguments in
            let request: ProcessSpawnRequest
            do {
                request = try ProcessSpawnRequest(decoding: arguments[0])
            } catch let error as ProcessSpawnError {
                return .outcome(.failure(HostFunctionError("os-spawn: \(error)")))
            }
            let feed = ActorFeed(runtime: context.runtime, actorID: context.actorID,
                                 mailboxLength: context.manifest.limits.mailboxLength)
            do {
                let executable = try permissions.program(request.program)
                let directory = try permissions.workingDirectory(request.cwd)
                let buffer = request.outputBuffer(maxOutputBuffer: config.maxOutputBuffer)
                let process = try table.start { pid in
                    try ManagedProcess(pid: pid, executable: executable, request: request,
                                       workingDirectory: directory, bufferLimit: buffer, feed: feed)
                }
                return .outcome(.success(.u64(process.pid)))
            } catch let error as ProcessSpawnError {
                return .outcome(.failure(HostFunctionError("os-spawn \(request.program): \(error)")))
            } catch let error as HostFunctionError {
                return .outcome(.failure(HostFunctionError("os-spawn \(request.program): \(error.message)")))
            }
        }

        interface.function("os-write-stdin", [.u64, TheaterTypes.bytes], TheaterTypes.result(.u32)) { arguments in
            let pid = try arguments[0].u64Argument()
            let data = try arguments[1].bytesArgument()
            do {
                return .outcome(.success(.u32(try table.process(pid).writeStdin(data))))
            } catch let error as HostFunctionError {
                return .outcome(.failure(error))
            }
        }

        interface.function("os-status", [.u64], TheaterTypes.result(ProcessTypes.processStatus)) { arguments in
            let pid = try arguments[0].u64Argument()
            do {
                return .outcome(.success(try table.process(pid).status))
            } catch let error as HostFunctionError {
                return .outcome(.failure(error))
            }
        }

        interface.function("os-signal", [.u64, .u32], TheaterTypes.unitResult) { arguments in
            let pid = try arguments[0].u64Argument()
            guard case .u32(let signal) = arguments[1] else { throw ComponentTrap("expected a u32 signal") }
            guard signalRange.contains(signal) else {
                return .outcome(.failure(HostFunctionError("signal \(signal) is not a signal number (\(signalRange))")))
            }
            do {
                try table.process(pid).signal(Int32(signal))
                return .outcome(.success(nil))
            } catch let error as HostFunctionError {
                return .outcome(.failure(error))
            }
        }

        interface.function("os-kill", [.u64], TheaterTypes.unitResult) { arguments in
            let pid = try arguments[0].u64Argument()
            do {
                guard try table.process(pid).kill() else {
                    return .outcome(.failure(HostFunctionError("process \(pid) has already exited")))
                }
                return .outcome(.success(nil))
            } catch let error as HostFunctionError {
                return .outcome(.failure(error))
            }
        }
        return interface.granted
    }
}
