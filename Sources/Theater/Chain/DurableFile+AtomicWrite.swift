#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension DurableFile {
    /// Writes `bytes` to `directory/name` so that a reader sees either the old file or the
    /// whole new one, also after a crash: a temporary file in the same directory (so the
    /// rename stays within one file system), fsync, rename over the destination, fsync of
    /// the directory. The temporary file is removed when a step fails.
    static func writeAtomically(_ bytes: [UInt8], directory: String, name: String, mode: mode_t = 0o644) throws(Failure) {
        let destination = directory + "/" + name
        let temporary = directory + "/.tmp-\(name)-\(ActorID.random())"
        let file = try open(temporary, flags: O_WRONLY | O_CREAT | O_EXCL, mode: mode)
        do throws(Failure) {
            try file.writeAll(bytes)
            try file.sync()
            try file.close()
        } catch {
            try? file.close()
            unlink(temporary)
            throw error
        }
        do throws(Failure) {
            try rename(temporary, to: destination)
        } catch {
            unlink(temporary)
            throw error
        }
        try syncDirectory(directory)
    }

    /// Removes `directory/name` durably (the directory is synced); false when there was no
    /// such file.
    @discardableResult
    static func removeDurably(directory: String, name: String) throws(Failure) -> Bool {
        let path = directory + "/" + name
        if path.withCString({ unlink($0) }) != 0 {
            if errno == ENOENT { return false }
            throw Failure(operation: "remove", path: path, code: errno)
        }
        try syncDirectory(directory)
        return true
    }
}
