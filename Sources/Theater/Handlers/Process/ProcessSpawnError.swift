/// Why `os-spawn` (or another `process` call) refused or failed; the actor receives the
/// description as `err(message)`.
enum ProcessSpawnError: Error, Equatable, CustomStringConvertible {
    /// The program is not in the handler's `allowed_programs`.
    case programNotAllowed(program: String, resolved: String?, allowed: [String])
    /// No executable file of that name (searched on the host's PATH for a bare name).
    case programNotFound(String)
    /// The working folder is outside every `allowed_paths` entry (or the manifest's folder).
    case workingDirectoryNotAllowed(cwd: String, resolved: String, allowed: [String])
    /// The working folder does not exist or is not a folder.
    case workingDirectoryNotFound(cwd: String, resolved: String)
    /// `max_processes` processes are running already.
    case tooManyProcesses(limit: Int)
    /// A field of `process-config` has a value the handler cannot use.
    case invalidConfig(String)
    /// The operating system could not start the program.
    case launchFailed(program: String, reason: String)

    var description: String {
        switch self {
        case .programNotAllowed(let program, let resolved, let allowed):
            let shown = resolved.map { $0 == program ? program : "\(program) (\($0))" } ?? program
            return "program \(shown) is not in allowed_programs \(allowed)"
        case .programNotFound(let program):
            return "program \(program) not found: give an absolute path, or a name found on the host's PATH"
        case .workingDirectoryNotAllowed(let cwd, let resolved, let allowed):
            return "working directory \(cwd) (\(resolved)) is outside allowed_paths \(allowed)"
        case .workingDirectoryNotFound(let cwd, let resolved):
            return "working directory \(cwd) (\(resolved)) does not exist or is not a directory"
        case .tooManyProcesses(let limit):
            return "max_processes (\(limit)) processes are already running; wait for one to exit or kill one"
        case .invalidConfig(let message):
            return "invalid process-config: \(message)"
        case .launchFailed(let program, let reason):
            return "cannot start \(program): \(reason)"
        }
    }
}
