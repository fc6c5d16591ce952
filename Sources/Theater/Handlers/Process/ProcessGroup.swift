import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process group of a program the handler started (Foundation makes each child the
/// leader of a group of its own), so that killing it also kills what it started.
///
/// A group id is the leader's pid, and pids are reused (the default `pid_max` is 32768).
/// Linux keeps a pid allocated while a group of that id has members, so the id is still
/// this group when the pid is free or still held by the same leader (running, or a zombie
/// not yet reaped), told apart by its start time. Anything else is another process, and
/// is never signalled.
struct ProcessGroup: Sendable {
    /// The group id: the leader's pid.
    let id: pid_t
    /// The leader's start time (clock ticks since boot, from `/proc`), nil when unknown.
    private let leaderStart: UInt64?

    /// The group led by `leader`, which has just been started.
    init(leader: pid_t) {
        id = leader
        leaderStart = Self.startTime(of: leader)
    }

    /// Whether `id` still denotes this group.
    var isStillOurs: Bool {
        guard let current = Self.startTime(of: id) else { return true }
        return leaderStart == nil || current == leaderStart
    }

    /// Sends SIGKILL to every member of the group, unless the id was reused.
    func killAll() {
        guard id > 0, isStillOurs else { return }
        _ = kill(-id, SIGKILL)
    }

    /// Field 22 of `/proc/<pid>/stat`, nil when there is no such process.
    private static func startTime(of pid: pid_t) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (the state), so field 22 is fields[19].
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }
}
