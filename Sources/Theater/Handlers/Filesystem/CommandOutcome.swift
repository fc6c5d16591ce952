import ComponentModel

/// How a command run by `execute-command` ended: it ran (whatever its exit code), or it
/// could not be run or did not finish (not found, timed out, cancelled).
enum CommandOutcome: Equatable, Sendable {
    /// The program ran: its output (each stream capped, with a note when cut) and exit
    /// code (-1 when a signal ended it; the signal is noted at the end of `stderr`).
    case finished(stdout: String, stderr: String, exitCode: Int32)
    /// The program could not run to its end, and why.
    case failed(String)

    /// The WIT `command-result` variant: `success(command-success)` or `error(command-error)`.
    var value: ComponentValue {
        switch self {
        case .finished(let stdout, let stderr, let exitCode):
            return .variant(caseName: "success", payload: .record([
                ComponentField("stdout", .string(stdout)), ComponentField("stderr", .string(stderr)),
                ComponentField("exit-code", .s32(exitCode)),
            ]))
        case .failed(let message):
            return .variant(caseName: "error", payload: .record([ComponentField("message", .string(message))]))
        }
    }

    /// `command-result` as a Canonical ABI type.
    static let type = ABIType.variant([
        ABICase("success", .record([ABIField("stdout", .string), ABIField("stderr", .string), ABIField("exit-code", .s32)])),
        ABICase("error", .record([ABIField("message", .string)])),
    ])
}
