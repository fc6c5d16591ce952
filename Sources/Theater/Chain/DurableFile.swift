#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file descriptor with the few POSIX operations durable storage needs, each one
/// checked: write everything (retrying short writes and EINTR), fsync, truncate, read a
/// whole file, rename and sync a directory. Used by the chain log and the content store,
/// which must know exactly what reached the disk.
struct DurableFile {
    /// The open descriptor.
    let descriptor: Int32
    /// The path it was opened at, for error messages.
    let path: String

    /// Why a file operation failed: the operation, the path and the system's reason.
    struct Failure: Error, CustomStringConvertible {
        /// The failed operation ("open", "write", "fsync", ...).
        let operation: String
        /// The file or directory it was applied to.
        let path: String
        /// The `errno` value.
        let code: Int32

        /// The system's text for `code`.
        var reason: String { String(cString: strerror(code)) }

        var description: String { "cannot \(operation) \(path): \(reason)" }
    }

    /// Opens `path` with `open(2)` flags (close-on-exec is always added).
    static func open(_ path: String, flags: Int32, mode: mode_t = 0o644) throws(Failure) -> DurableFile {
        while true {
            let descriptor = path.withCString { systemOpen($0, flags | O_CLOEXEC, mode) }
            if descriptor >= 0 { return DurableFile(descriptor: descriptor, path: path) }
            if errno != EINTR { throw Failure(operation: "open", path: path, code: errno) }
        }
    }

    /// Writes every byte, with as few `write(2)` calls as the system allows (one, normally).
    func writeAll(_ buffer: UnsafeRawBufferPointer) throws(Failure) {
        var offset = 0
        while offset < buffer.count {
            let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(operation: "write", path: path, code: errno)
            }
            offset += written
        }
    }

    /// Writes every byte of `bytes`.
    func writeAll(_ bytes: [UInt8]) throws(Failure) {
        let failure = bytes.withUnsafeBytes { buffer -> Failure? in
            do throws(Failure) {
                try writeAll(buffer)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Forces the file's data to the disk.
    func sync() throws(Failure) {
        while fsync(descriptor) != 0 {
            if errno != EINTR { throw Failure(operation: "fsync", path: path, code: errno) }
        }
    }

    /// Cuts the file to `length` bytes.
    func truncate(to length: Int) throws(Failure) {
        while ftruncate(descriptor, off_t(length)) != 0 {
            if errno != EINTR { throw Failure(operation: "truncate", path: path, code: errno) }
        }
    }

    /// Closes the descriptor.
    func close() throws(Failure) {
        if systemClose(descriptor) != 0 && errno != EINTR {
            throw Failure(operation: "close", path: path, code: errno)
        }
    }

    /// Reads all the bytes of the open file from its start.
    func readAll() throws(Failure) -> [UInt8] {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(operation: "stat", path: path, code: errno) }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + offset, buffer.count - offset, off_t(offset))
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(operation: "read", path: path, code: errno)
            }
            if count == 0 { break }  // the file shrank while we read it
            offset += count
        }
        if offset < bytes.count { bytes.removeSubrange(offset...) }
        return bytes
    }

    /// Reads a whole file.
    static func read(_ path: String) throws(Failure) -> [UInt8] {
        let file = try open(path, flags: O_RDONLY)
        defer { try? file.close() }
        return try file.readAll()
    }

    /// Renames `source` to `destination`, replacing it (atomic within one file system).
    static func rename(_ source: String, to destination: String) throws(Failure) {
        let result = source.withCString { from in destination.withCString { to in systemRename(from, to) } }
        if result != 0 { throw Failure(operation: "rename to \(destination)", path: source, code: errno) }
    }

    /// Forces a directory's entries (a new or renamed file in it) to the disk.
    static func syncDirectory(_ path: String) throws(Failure) {
        let directory = try open(path, flags: O_RDONLY | O_DIRECTORY)
        defer { try? directory.close() }
        try directory.sync()
    }

    /// Whether something exists at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return path.withCString { stat($0, &status) } == 0
    }
}

// The C functions under names that the methods above do not shadow.
private let systemOpen: (UnsafePointer<CChar>, Int32, mode_t) -> Int32 = { open($0, $1, $2) }
private let systemWrite: (Int32, UnsafeRawPointer, Int) -> Int = { write($0, $1, $2) }
private let systemClose: (Int32) -> Int32 = { close($0) }
private let systemRename: (UnsafePointer<CChar>, UnsafePointer<CChar>) -> Int32 = { rename($0, $1) }
