import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends events to one actor's chain file. Appends go to an in-memory buffer, encoded
/// straight into it; `flush()` hands everything buffered to the system in one `write(2)`
/// (it then survives a crash of the process), `sync()` also forces it to the disk.
/// Flush before an event's effects leave the actor. Not thread-safe: one owner, the
/// actor whose chain it is.
public final class ChainWriter {
    private var file: DurableFile?
    private let path: String
    private var buffer: [UInt8] = []
    private var directoryIsSynced: Bool
    /// The file's length after the last successful flush: a failed write is cut back to
    /// it, so that retrying never leaves half a record in the middle of the file.
    private var committedLength: Int
    /// The hash of the last event appended (or found in the file).
    public private(set) var head: ChainHash?
    /// The sequence number the next appended event must have.
    public private(set) var nextSequence: UInt64

    /// Past this many buffered bytes, `append` flushes by itself, bounding the memory a
    /// writer that is rarely flushed holds.
    static let automaticFlushThreshold = 4 << 20

    private init(file: DurableFile, length: Int, head: ChainHash?, nextSequence: UInt64, directoryIsSynced: Bool) {
        self.file = file
        self.committedLength = length
        self.path = file.path
        self.head = head
        self.nextSequence = nextSequence
        self.directoryIsSynced = directoryIsSynced
        buffer.reserveCapacity(64 << 10)
    }

    deinit {
        // Best effort for a writer dropped without close(): buffered events still reach the file.
        if let file {
            try? flush()
            try? file.close()
        }
    }

    /// Creates a new, empty chain file (its header written) at `url`; fails if a file exists.
    public static func create(at url: URL) throws(ChainFileError) -> ChainWriter {
        let file: DurableFile
        do {
            file = try DurableFile.open(url.path, flags: O_WRONLY | O_CREAT | O_EXCL | O_APPEND)
        } catch {
            if error.code == EEXIST { throw .alreadyExists(path: url.path) }
            throw ChainFileError(error)
        }
        let writer = ChainWriter(file: file, length: 0, head: nil, nextSequence: 0, directoryIsSynced: false)
        writer.buffer.append(contentsOf: ChainFileFormat.header)
        try writer.flush()
        return writer
    }

    /// Opens an existing chain file to append to it: reads and checks every event, cuts a
    /// torn tail (reporting how many bytes), and continues after the last event. Corruption
    /// throws `ChainFileError.corrupted`; nothing is cut then.
    public static func openForAppending(at url: URL) throws(ChainFileError) -> (writer: ChainWriter, events: [ChainEvent], tornTailBytes: Int) {
        let file: DurableFile
        do {
            file = try DurableFile.open(url.path, flags: O_RDWR | O_APPEND)
        } catch {
            throw ChainFileError(error)
        }
        let bytes: [UInt8]
        do {
            bytes = try file.readAll()
        } catch {
            try? file.close()
            throw ChainFileError(error)
        }
        let contents: ChainFileParser.Contents
        switch ChainFileParser(bytes).parse(keepEvents: true) {
        case .success(let parsed): contents = parsed
        case .failure(let failure):
            try? file.close()
            throw .corrupted(path: url.path, failure: failure)
        }
        if contents.tornTailBytes > 0 {
            do {
                try file.truncate(to: contents.validLength)
                try file.sync()
            } catch {
                try? file.close()
                throw ChainFileError(error)
            }
        }
        let writer = ChainWriter(
            file: file, length: contents.validLength, head: contents.head, nextSequence: contents.lastSequence.map { $0 + 1 } ?? 0, directoryIsSynced: true)
        if !contents.headerIsComplete {
            writer.buffer.append(contentsOf: ChainFileFormat.header)
            try writer.flush()
        }
        return (writer, contents.events, contents.tornTailBytes)
    }

    /// Encodes `event` into the buffer. It must continue the chain: the next sequence
    /// number and the current head as its parent.
    public func append(_ event: ChainEvent) throws(ChainFileError) {
        guard file != nil else { throw .closed(path: path) }
        guard event.sequence == nextSequence else {
            throw .eventDoesNotLink(path: path, sequence: event.sequence, reason: "the next event in the file must have sequence \(nextSequence)")
        }
        guard event.parentHash == head else {
            throw .eventDoesNotLink(path: path, sequence: event.sequence, reason: "its parent hash is not the hash of the chain's last event")
        }
        let bodyLength = event.canonicalLength + ChainHash.byteCount
        guard bodyLength <= Int(UInt32.max) else {
            throw .eventTooLarge(path: path, sequence: event.sequence, bytes: bodyLength)
        }
        let length = UInt32(bodyLength)
        buffer.appendLittleEndian(length)
        buffer.appendLittleEndian(ChainFileFormat.lengthCheck(length))
        event.appendCanonical(into: &buffer)
        buffer.append(contentsOf: event.hash.bytes)
        buffer.append(ChainFileFormat.endMarker)
        head = event.hash
        nextSequence += 1
        if buffer.count >= ChainWriter.automaticFlushThreshold { try flush() }
    }

    /// How many encoded bytes wait in the buffer for the next `flush()`.
    public var bufferedByteCount: Int { buffer.count }

    /// Writes everything buffered with one `write(2)`: from then on it survives a crash of
    /// the process (not of the machine: that needs `sync()`).
    public func flush() throws(ChainFileError) {
        guard let file else { throw .closed(path: path) }
        guard !buffer.isEmpty else { return }
        do {
            try file.writeAll(buffer)
        } catch {
            // Part of the buffer may have reached the file: cut it, keep the buffer for a retry.
            try? file.truncate(to: committedLength)
            throw ChainFileError(error)
        }
        committedLength += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, then forces the file (and, the first time, its directory entry) to the disk.
    public func sync() throws(ChainFileError) {
        try flush()
        guard let file else { throw .closed(path: path) }
        do {
            try file.sync()
            if !directoryIsSynced {
                let directory = (path as NSString).deletingLastPathComponent
                try DurableFile.syncDirectory(directory.isEmpty ? "." : directory)
                directoryIsSynced = true
            }
        } catch {
            throw ChainFileError(error)
        }
    }

    /// Syncs and closes the file; later calls throw `.closed`.
    public func close() throws(ChainFileError) {
        try sync()
        guard let file else { throw .closed(path: path) }
        self.file = nil
        do {
            try file.close()
        } catch {
            throw ChainFileError(error)
        }
    }
}
