#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A program started with `posix_spawn` for `execute-command`: in its own process group
/// (so a timeout kills whatever it started too), in a given folder, with standard input
/// from `/dev/null` and standard output and error into pipes whose (non-blocking) read
/// ends this value holds.
///
/// Foundation's `Process` is not used: on Linux it learns that a program ended through a
/// socket every descendant inherits, so a process the command leaves in the background
/// would hold the answer up until it ends, and it cannot start the program in a process
/// group of its own.
struct SpawnedProcess {
    /// The program's process id, which is also its process group id.
    let pid: pid_t
    /// The read end of its standard output.
    let output: Int32
    /// The read end of its standard error.
    let errors: Int32

    /// How a program ended.
    enum Exit: Equatable {
        case exited(Int32)
        case signaled(Int32)
    }

    /// Why `posix_spawn` failed: the system's text.
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Starts `executable` (an absolute path) with `argumentZero` and `arguments` as its
    /// argument list, in `directory`, with exactly `environment`.
    static func spawn(_ executable: String, argumentZero: String, arguments: [String], directory: String,
                      environment: [String: String]) throws(Failure) -> SpawnedProcess {
        let output = try makePipe(), errors = try makePipe()
        var actions = makeFileActions()
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errors.write, 2)
        guard addChdir(&actions, directory) == 0 else {
            close(output.read); close(output.write); close(errors.read); close(errors.write)
            throw Failure(message: "cannot set the program's folder: this C library lacks posix_spawn_file_actions_addchdir_np")
        }
        var attributes = makeAttributes()
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        // Signals the host may ignore or handle go back to their defaults in the program.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGCHLD, SIGALRM] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var pid = pid_t()
        let argv = cStrings([argumentZero] + arguments)
        let envp = cStrings(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        defer { for pointer in argv + envp { free(pointer) } }
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(output.write)
        close(errors.write)
        guard result == 0 else {
            close(output.read)
            close(errors.read)
            throw Failure(message: String(cString: strerror(result)))
        }
        for descriptor in [output.read, errors.read] {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
        return SpawnedProcess(pid: pid, output: output.read, errors: errors.read)
    }

    /// How the program ended, reaping it, or nil while it runs.
    func reap() -> Exit? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == 0 { return nil }
            if result < 0 {
                if errno == EINTR { continue }
                return .exited(-1)  // already reaped: nothing more to learn
            }
            let signal = status & 0x7F
            return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
        }
    }

    /// Sends SIGKILL to the program's whole process group.
    func killGroup() {
        _ = kill(-pid, SIGKILL)
    }

    private static func makePipe() throws(Failure) -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        // (pipe2 is not visible from Swift on Linux; a program spawned by another thread
        // in between may inherit these ends, which the drain grace copes with.)
        let result = pipe(&descriptors)
        if result == 0 { for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) } }
        guard result == 0 else { throw Failure(message: "cannot create a pipe: \(String(cString: strerror(errno)))") }
        return (descriptors[0], descriptors[1])
    }

    /// NUL-terminated copies of `strings` followed by a null pointer (the caller frees them).
    private static func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
        strings.map { strdup($0) } + [nil]
    }

    #if canImport(Darwin)
    private static func addChdir(_ actions: inout posix_spawn_file_actions_t?, _ directory: String) -> Int32 {
        posix_spawn_file_actions_addchdir_np(&actions, directory)
    }

    private static func makeFileActions() -> posix_spawn_file_actions_t? {
        var actions: posix_spawn_file_actions_t?
        posix_spawn_file_actions_init(&actions)
        return actions
    }

    private static func makeAttributes() -> posix_spawnattr_t? {
        var attributes: posix_spawnattr_t?
        posix_spawnattr_init(&attributes)
        return attributes
    }
    #else
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?,
                                                 UnsafePointer<CChar>?) -> Int32

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which its Swift
    /// module does not declare, looked up once.
    private static let chdirAction: AddChdir? = {
        guard let program = dlopen(nil, RTLD_NOW),
              let symbol = dlsym(program, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    private static func addChdir(_ actions: inout posix_spawn_file_actions_t, _ directory: String) -> Int32 {
        guard let chdirAction else { return ENOSYS }
        return chdirAction(&actions, directory)
    }

    private static func makeFileActions() -> posix_spawn_file_actions_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        return actions
    }

    private static func makeAttributes() -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        return attributes
    }
    #endif
}
