import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Learns when a process started through Foundation's `Process` exits, at once.
///
/// Foundation on Linux notices an exit when a socket the child inherited closes, and every
/// process the child starts inherits it too: a program that leaves a background process
/// behind would look alive until that one ends. `waitid` with `WNOWAIT` reports the exit as
/// it happens and leaves the zombie for Foundation to reap (so the pid cannot be reused
/// while the process group may still be signalled).
enum ProcessExitWatcher {
    /// Blocks (on a thread of its own) until `process` has exited; returns its exit code, or
    /// the negated number of the signal that ended it.
    static func waitForExit(of process: Process) -> Int32 {
        var info = siginfo_t()
        while true {
            if waitid(P_PID, id_t(process.processIdentifier), &info, WEXITED | WNOWAIT) == 0 {
                let status = info._sifields._sigchld.si_status
                return info.si_code == CLD_EXITED ? status : -status
            }
            if errno != EINTR { break }
        }
        // Foundation reaped it first: its own record has the status.
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
    }
}
