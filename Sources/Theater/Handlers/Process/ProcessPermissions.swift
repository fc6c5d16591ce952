import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the `process` handler lets an actor run, and where: the program must be in
/// `allowed_programs` (when the list is given) and the working folder within
/// `allowed_paths`.
///
/// - Programs: a bare name is looked up on the host's PATH; a path with a `/` is taken as
///   it is (relative paths are relative to the manifest's folder). A program is allowed when
///   the name as written is in the list, or when it resolves (symlinks followed) to the same
///   file as an entry of the list does. Nothing runs through a shell.
/// - Working folders: `allowed_paths` entries and `cwd` are relative to the manifest's
///   folder, resolved with symlinks followed; `cwd` must be one of the allowed folders or
///   inside one. Without `allowed_paths`, the manifest's folder (and what is inside it) is
///   the only place allowed. Without `cwd`, processes run in the first allowed folder.
struct ProcessPermissions {
    /// The handler's settings.
    let config: ProcessConfig
    /// The manifest's folder, the base of relative paths.
    let manifestDirectory: URL
    /// The folders bare program names are looked up in (the host's PATH).
    let searchPath: [String]

    /// The host's PATH, or the usual folders when it has none.
    static var hostSearchPath: [String] {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// Permissions of `config` for an actor whose manifest is in `manifestDirectory`.
    init(config: ProcessConfig, manifestDirectory: URL, searchPath: [String] = ProcessPermissions.hostSearchPath) {
        self.config = config
        self.manifestDirectory = manifestDirectory
        self.searchPath = searchPath
    }

    /// The absolute path of the executable to start for `program`, once it is found and allowed.
    func program(_ program: String) throws(ProcessSpawnError) -> String {
        guard let path = locate(program) else {
            if let allowed = config.allowedPrograms, !allowed.contains(program) {
                throw .programNotAllowed(program: program, resolved: nil, allowed: allowed)
            }
            throw .programNotFound(program)
        }
        guard let allowed = config.allowedPrograms, !allowed.contains(program) else { return path }
        let real = Self.realPath(path)
        let permitted = allowed.contains { entry in locate(entry).flatMap(Self.realPath) == real && real != nil }
        guard permitted else { throw .programNotAllowed(program: program, resolved: real ?? path, allowed: allowed) }
        return path
    }

    /// The resolved working folder for `cwd` (or the default one), once it exists and is allowed.
    func workingDirectory(_ cwd: String?) throws(ProcessSpawnError) -> String {
        let roots = allowedRoots
        let written = cwd ?? (config.allowedPaths?.first ?? ".")
        let absolute = absolutePath(written)
        guard let real = Self.realPath(absolute), Self.isDirectory(real) else {
            throw .workingDirectoryNotFound(cwd: written, resolved: absolute)
        }
        let inside = roots.contains { root in real == root || real.hasPrefix(root == "/" ? "/" : root + "/") }
        guard inside else {
            throw .workingDirectoryNotAllowed(cwd: written, resolved: real,
                                              allowed: config.allowedPaths ?? [manifestDirectory.path])
        }
        return real
    }

    /// The allowed folders, resolved (entries that do not exist allow nothing).
    var allowedRoots: [String] {
        (config.allowedPaths ?? ["."]).compactMap { Self.realPath(absolutePath($0)) }
    }

    /// The executable `program` names, or nil when there is none.
    private func locate(_ program: String) -> String? {
        if program.contains("/") {
            let path = absolutePath(program)
            return Self.isExecutableFile(path) ? path : nil
        }
        for folder in searchPath {
            let candidate = (folder as NSString).appendingPathComponent(program)
            if Self.isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    /// `path` made absolute against the manifest's folder.
    private func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return (path as NSString).standardizingPath }
        return manifestDirectory.appendingPathComponent(path).standardizedFileURL.path
    }

    /// `path` with every symlink resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
