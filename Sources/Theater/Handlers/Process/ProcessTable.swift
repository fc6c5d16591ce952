import Foundation

/// The processes one actor started, by the actor's own ids (1, 2, 3, ...), with the
/// `max_processes` limit. Shared by the actor's host calls and its stop hook.
final class ProcessTable: @unchecked Sendable {
    /// How many processes may run at once.
    let limit: Int
    /// How many finished processes (exit delivered) are remembered for `os-status`; the
    /// oldest beyond it are forgotten.
    static let endedProcessesKept = 1024

    private let lock = NSLock()
    private var processes: [UInt64: ManagedProcess] = [:]
    private var order: [UInt64] = []
    private var lastID: UInt64 = 0
    private var closed = false

    /// An empty table allowing `limit` processes at once.
    init(limit: Int) {
        self.limit = limit
    }

    /// Starts a process with the next id through `launch(id)`, unless `limit` processes are
    /// running or the actor has stopped. The lock is held meanwhile, so two spawns cannot
    /// both take the last place.
    func start(_ launch: (UInt64) throws -> ManagedProcess) throws -> ManagedProcess {
        try lock.withLock {
            guard !closed else { throw HostFunctionError("the actor is stopping") }
            let running = processes.values.filter(\.isRunning).count
            guard running < limit else { throw ProcessSpawnError.tooManyProcesses(limit: limit) }
            let process = try launch(lastID + 1)
            lastID += 1
            processes[process.pid] = process
            order.append(process.pid)
            forgetOldEndedProcesses()
            return process
        }
    }

    /// The process with the actor's id `pid`.
    func process(_ pid: UInt64) throws(HostFunctionError) -> ManagedProcess {
        guard let process = lock.withLock({ processes[pid] }) else {
            throw HostFunctionError("no process \(pid) was started by this actor")
        }
        return process
    }

    /// Kills every process still running (the actor stopped); later spawns are refused.
    func releaseAll() {
        let all = lock.withLock { () -> [ManagedProcess] in
            closed = true
            return order.compactMap { processes[$0] }
        }
        all.forEach { $0.release() }
    }

    private func forgetOldEndedProcesses() {
        let ended = order.filter { processes[$0]?.isFinished == true }
        guard ended.count > Self.endedProcessesKept else { return }
        let forgotten = Set(ended.prefix(ended.count - Self.endedProcessesKept))
        for pid in forgotten { processes[pid] = nil }
        order.removeAll { forgotten.contains($0) }
    }
}
