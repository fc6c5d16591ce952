#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `delete-dir`: removes a folder and everything in it, through descriptors and without
/// following any link (a link inside is removed, never what it points to).
extension ConfinedRoot {
    /// How deep below the deleted folder `delete-dir` goes (each level holds a descriptor).
    static let maximumDeleteDepth = 256

    /// Deletes the folder at `folder` with its content. A folder nested deeper than
    /// `maximumDeleteDepth` levels stops the deletion with an error (part of the content
    /// may be gone by then).
    func deleteFolder(_ folder: ConfinedPath) throws(FilesystemPathError) {
        guard let name = folder.name else { throw folder.error(.isTheRoot) }
        let parent = try openFolder(folder.parent, for: folder)
        defer { close(parent) }
        let info = try entryInfo(name, in: parent, for: folder)
        switch info.st_mode & S_IFMT {
        case S_IFDIR: try removeTree(Array(name.utf8CString), in: parent, depth: 0, for: folder)
        case S_IFLNK: throw folder.error(.isALink)
        default: throw folder.error(.isAFile)
        }
    }

    /// Removes the folder `name` (NUL-terminated bytes, as the system gives names that need
    /// not be UTF-8) in `parent` after its content.
    private func removeTree(_ name: [CChar], in parent: Int32, depth: Int,
                            for target: ConfinedPath) throws(FilesystemPathError) {
        if depth >= Self.maximumDeleteDepth { throw target.error(.nestedTooDeeply(limit: Self.maximumDeleteDepth)) }
        let shown = String(decoding: name.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ELOOP || code == ENOTDIR { throw target.error(.changedWhileInUse) }
            throw systemError("open \(shown)", code, for: target)
        }
        guard let directory = fdopendir(descriptor) else {
            let code = errno
            close(descriptor)
            throw systemError("opendir \(shown)", code, for: target)
        }
        defer { closedir(directory) }
        let folder = dirfd(directory)
        var entries: [[CChar]] = []
        while let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                raw.prefix(while: { $0 != 0 }).map { CChar(bitPattern: $0) } + [0]
            }
            if entryName != [46, 0] && entryName != [46, 46, 0] { entries.append(entryName) }
        }
        for entry in entries {
            var info = stat()
            guard fstatat(folder, entry, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                if errno == ENOENT { continue }
                throw systemError("stat an entry of \(shown)", errno, for: target)
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                try removeTree(entry, in: folder, depth: depth + 1, for: target)
            } else if unlinkat(folder, entry, 0) != 0, errno != ENOENT {
                throw systemError("unlink an entry of \(shown)", errno, for: target)
            }
        }
        guard unlinkat(parent, name, AT_REMOVEDIR) == 0 else { throw systemError("rmdir \(shown)", errno, for: target) }
    }
}
