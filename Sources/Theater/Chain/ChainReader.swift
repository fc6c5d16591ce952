import Foundation

/// What a chain file holds: its events, checked, and the size of any torn tail.
public struct ChainReadResult: Equatable, Sendable {
    /// Every event, in order, each one's hash and link checked.
    public let events: [ChainEvent]
    /// Bytes after the last whole event that an unfinished write left (0 normally).
    public let tornTailBytes: Int
}

/// Reads a whole chain file, checking it as `ChainVerifier` does.
public enum ChainReader {
    /// The events of the chain at `url`. A torn tail is reported, not an error; any
    /// corruption throws `ChainFileError.corrupted` naming the damaged event.
    public static func read(at url: URL) throws(ChainFileError) -> ChainReadResult {
        let contents = try parse(at: url, keepEvents: true)
        return ChainReadResult(events: contents.events, tornTailBytes: contents.tornTailBytes)
    }

    /// Reads and parses the file at `url`.
    static func parse(at url: URL, keepEvents: Bool) throws(ChainFileError) -> ChainFileParser.Contents {
        let bytes: [UInt8]
        do {
            bytes = try DurableFile.read(url.path)
        } catch {
            throw ChainFileError(error)
        }
        switch ChainFileParser(bytes).parse(keepEvents: keepEvents) {
        case .success(let contents): return contents
        case .failure(let failure): throw ChainFileError.corrupted(path: url.path, failure: failure)
        }
    }
}
