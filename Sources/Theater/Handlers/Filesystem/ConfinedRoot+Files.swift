#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The file operations of the `filesystem` handler on resolved paths. Each walks from a
/// descriptor of the root down the resolved names with `openat(O_NOFOLLOW | O_DIRECTORY)`
/// and acts on the last name relative to its folder's descriptor (`openat`, `unlinkat`,
/// `mkdirat`, `fstatat` without following links), so nothing is reached through a link
/// that appeared after the path was resolved.
extension ConfinedRoot {
    /// The bytes of the regular file at `file`, refusing files over `limit` bytes.
    func readFile(_ file: ConfinedPath, limit: UInt64) throws(FilesystemPathError) -> [UInt8] {
        guard let name = file.name else { throw file.error(.isAFolder) }
        if file.trailingSlash { throw file.error(.trailingSlashForFile) }
        let folder = try openFolder(file.parent, for: file)
        defer { close(folder) }
        let descriptor = try openFile(name, in: folder, flags: O_RDONLY, for: file)
        defer { close(descriptor) }
        let size = try checkRegularFile(descriptor, for: file)
        if size > limit { throw file.error(.fileTooLarge(bytes: size, limit: limit)) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw file.error(.system(operation: "read", message: String(cString: strerror(errno))))
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
            // The file may grow while it is read.
            if UInt64(bytes.count) > limit { throw file.error(.fileTooLarge(bytes: UInt64(bytes.count), limit: limit)) }
        }
    }

    /// Replaces the content of the file at `file` (creating it, not its folders) with `bytes`.
    func writeFile(_ file: ConfinedPath, _ bytes: [UInt8]) throws(FilesystemPathError) {
        guard let name = file.name else { throw file.error(.isAFolder) }
        if file.trailingSlash { throw file.error(.trailingSlashForFile) }
        let folder = try openFolder(file.parent, for: file)
        defer { close(folder) }
        // No O_TRUNC: the file is checked (regular, one link) before anything is changed.
        let descriptor = try openFile(name, in: folder, flags: O_WRONLY | O_CREAT, for: file)
        defer { close(descriptor) }
        _ = try checkRegularFile(descriptor, for: file)
        guard ftruncate(descriptor, 0) == 0 else {
            throw file.error(.system(operation: "truncate", message: String(cString: strerror(errno))))
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw file.error(.system(operation: "write", message: String(cString: strerror(errno))))
            }
            offset += written
        }
    }

    /// The names in the folder at `folder`, sorted, without `.` and `..`.
    func listFiles(_ folder: ConfinedPath) throws(FilesystemPathError) -> [String] {
        let descriptor = try openFolder(folder.components[...], for: folder)
        guard let directory = fdopendir(descriptor) else {
            let message = String(cString: strerror(errno))
            close(descriptor)
            throw folder.error(.system(operation: "opendir", message: message))
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Deletes the file (or symbolic link) at `file`; folders are refused.
    func deleteFile(_ file: ConfinedPath) throws(FilesystemPathError) {
        guard let name = file.name else { throw file.error(.isTheRoot) }
        if file.trailingSlash { throw file.error(.trailingSlashForFile) }
        let folder = try openFolder(file.parent, for: file)
        defer { close(folder) }
        let info = try entryInfo(name, in: folder, for: file)
        if info.st_mode & S_IFMT == S_IFDIR { throw file.error(.isAFolder) }
        guard unlinkat(folder, name, 0) == 0 else { throw systemError("unlink", errno, for: file) }
    }

    /// Creates the folder at `folder`; its parent must exist.
    func createFolder(_ folder: ConfinedPath) throws(FilesystemPathError) {
        guard let name = folder.name else { throw folder.error(.alreadyExists) }
        let parent = try openFolder(folder.parent, for: folder)
        defer { close(parent) }
        guard mkdirat(parent, name, 0o755) == 0 else {
            let code = errno
            if code == EEXIST { throw folder.error(.alreadyExists) }
            throw systemError("mkdir", code, for: folder)
        }
    }

    /// Whether something exists at `target` (a link that leads inside counts by its target).
    func exists(_ target: ConfinedPath) throws(FilesystemPathError) -> Bool {
        guard let name = target.name else { return true }
        let folder: Int32
        do {
            folder = try openFolder(target.parent, for: target)
        } catch {
            if case .notFound = error.reason { return false }
            throw error
        }
        defer { close(folder) }
        var info = stat()
        if fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 { return true }
        let code = errno
        if code == ENOENT { return false }
        throw systemError("stat", code, for: target)
    }

    /// Checks that `folder` is an existing folder (a command's working folder).
    func requireFolder(_ folder: ConfinedPath) throws(FilesystemPathError) {
        close(try openFolder(folder.components[...], for: folder))
    }

    /// Opens the folder named by `components` below the root, refusing links at every step.
    /// The caller closes the descriptor.
    func openFolder(_ components: ArraySlice<String>, for target: ConfinedPath) throws(FilesystemPathError) -> Int32 {
        var current = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard current >= 0 else { throw systemError("open the actor's folder", errno, for: target) }
        var walked: [String] = []
        for name in components {
            walked.append(name)
            let next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            var code = errno
            if next < 0 && code == ENOTDIR {
                // Linux says ENOTDIR for a link too: tell a link (swapped in since the path
                // was resolved) from a file.
                var info = stat()
                if fstatat(current, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFLNK { code = ELOOP }
            }
            close(current)
            guard next >= 0 else {
                switch code {
                case ENOENT: throw target.error(.notFound(walked.joined(separator: "/")))
                case ENOTDIR: throw target.error(.notAFolder(walked.joined(separator: "/")))
                case ELOOP: throw target.error(.changedWhileInUse)
                default: throw systemError("open \(walked.joined(separator: "/"))", code, for: target)
                }
            }
            current = next
        }
        return current
    }

    /// Opens `name` in `folder` without following a link and without blocking on a pipe.
    private func openFile(_ name: String, in folder: Int32, flags: Int32,
                          for file: ConfinedPath) throws(FilesystemPathError) -> Int32 {
        while true {
            let descriptor = openat(folder, name, flags | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0o644)
            if descriptor >= 0 { return descriptor }
            let code = errno
            switch code {
            case EINTR: continue
            case ENOENT: throw file.error(.notFound(""))
            case EISDIR: throw file.error(.isAFolder)
            case ELOOP: throw file.error(.changedWhileInUse)
            case ENXIO: throw file.error(.notARegularFile)
            default: throw systemError("open", code, for: file)
            }
        }
    }

    /// Checks that the open `descriptor` is a regular file with one link; returns its size.
    private func checkRegularFile(_ descriptor: Int32, for file: ConfinedPath) throws(FilesystemPathError) -> UInt64 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw systemError("stat", errno, for: file) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw file.error(.isAFolder)
        default: throw file.error(.notARegularFile)
        }
        if info.st_nlink > 1 { throw file.error(.multipleLinks(Int(info.st_nlink))) }
        return UInt64(max(0, info.st_size))
    }

    /// What `fstatat` says of `name` in `folder` (a link itself, not its target).
    func entryInfo(_ name: String, in folder: Int32, for target: ConfinedPath) throws(FilesystemPathError) -> stat {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            let code = errno
            if code == ENOENT { throw target.error(.notFound(target.relativePath)) }
            throw systemError("stat", code, for: target)
        }
        return info
    }

    /// An error for a failed system call.
    func systemError(_ operation: String, _ code: Int32, for target: ConfinedPath) -> FilesystemPathError {
        target.error(.system(operation: operation, message: String(cString: strerror(code))))
    }
}
