import Foundation

extension Process {
    /// Waits for the process to end, killing it with SIGKILL once `timeLimit` seconds have
    /// passed; true when it had to be killed (shared by the test harnesses that run `theater`).
    func waitUntilExit(timeLimit: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeLimit)
        var timedOut = false
        while isRunning {
            if Date() > deadline {
                timedOut = true
                Foundation.kill(processIdentifier, SIGKILL)
                break
            }
            usleep(5_000)
        }
        waitUntilExit()
        return timedOut
    }
}
