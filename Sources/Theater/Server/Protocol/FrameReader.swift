/// Cuts a TCP byte stream into frame bodies, whatever the chunking: bytes one at a time,
/// or many frames in one read.
///
/// A length prefix over `maxFrameLength` is a `FramingError`: the reader stays failed,
/// and the connection must close. A length whose body has not all arrived just waits.
public struct FrameReader: Sendable {
    public let maxFrameLength: Int
    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer`; consumed bytes are dropped in bulk.
    private var start = 0
    private var failure: FramingError?

    public init(maxFrameLength: Int = FrameCodec.maxFrameLength) {
        self.maxFrameLength = maxFrameLength
    }

    /// How many received bytes are not yet part of a returned frame.
    public var bufferedByteCount: Int { buffer.count - start }

    /// Adds bytes as they arrived.
    public mutating func append<Bytes: Sequence>(_ chunk: Bytes) where Bytes.Element == UInt8 {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: chunk)
    }

    /// The next complete frame body, or nil until more bytes arrive.
    public mutating func nextFrame() throws -> [UInt8]? {
        if let failure { throw failure }
        guard buffer.count - start >= 4 else { return nil }
        let length = UInt32(buffer[start]) << 24 | UInt32(buffer[start + 1]) << 16
            | UInt32(buffer[start + 2]) << 8 | UInt32(buffer[start + 3])
        guard Int(length) <= maxFrameLength else {
            let error = FramingError.frameTooLong(length: length, limit: maxFrameLength)
            failure = error
            buffer = []
            start = 0
            throw error
        }
        guard buffer.count - start - 4 >= Int(length) else { return nil }
        let body = Array(buffer[(start + 4)..<(start + 4 + Int(length))])
        start += 4 + Int(length)
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 16)
            start = 0
        }
        return body
    }
}
