/// Turns messages into wire frames: a 4-byte big-endian length, then the frame's JSON.
///
/// A message up to `fragmentThreshold` (8 MiB) goes in one `Complete` frame; a larger
/// one, or one whose `Complete` frame would pass the frame limit (an 8 MiB message of
/// bytes >= 100 writes four characters a byte), is split into `Fragment` frames of at
/// most `fragmentSize` bytes each, numbered by a per-codec message id.
public struct FrameCodec: Sendable {
    /// The largest frame body accepted or produced: 32 MiB.
    public static let maxFrameLength = 32 * 1024 * 1024
    /// Messages over this size are sent as fragments: 8 MiB.
    public static let fragmentThreshold = 8 * 1024 * 1024
    /// Bytes of message per fragment (base64 makes a frame of about 11 MiB).
    public static let fragmentSize = 8 * 1024 * 1024

    /// The id the next fragmented message gets.
    public private(set) var nextMessageID: UInt64

    public init(firstMessageID: UInt64 = 1) {
        self.nextMessageID = firstMessageID
    }

    /// The frames, each with its length prefix, that carry `message`.
    public mutating func encode(_ message: [UInt8]) -> [[UInt8]] {
        if message.count <= Self.fragmentThreshold {
            let body = ManagementFrame.complete(message).encoded()
            if body.count <= Self.maxFrameLength { return [Self.prefixed(body)] }
        }
        let messageID = nextMessageID
        nextMessageID &+= 1
        let total = (message.count + Self.fragmentSize - 1) / Self.fragmentSize
        return stride(from: 0, to: message.count, by: Self.fragmentSize).enumerated().map { index, start in
            let header = FragmentHeader(messageID: messageID, fragmentIndex: UInt32(index), totalFragments: UInt32(total))
            let chunk = Array(message[start..<min(start + Self.fragmentSize, message.count)])
            return Self.prefixed(ManagementFrame.fragment(header, data: chunk).encoded())
        }
    }

    /// `body` behind its 4-byte big-endian length.
    public static func prefixed(_ body: [UInt8]) -> [UInt8] {
        let length = UInt32(body.count)
        var frame: [UInt8] = [UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)]
        frame.reserveCapacity(4 + body.count)
        frame.append(contentsOf: body)
        return frame
    }
}
