/// Everything between a connection's received bytes and its messages: frames cut by a
/// `FrameReader`, decoded as `ManagementFrame`s, fragments put together by a
/// `FragmentAssembler`. The server feeds it TCP reads and gets message bytes (JSON of a
/// command) or notices of bad frames.
public struct ManagementMessageReader: Sendable {
    /// One result of reading.
    public enum Item: Equatable, Sendable {
        /// A whole message's bytes.
        case message([UInt8])
        /// A frame that was not a valid frame or fragment; the connection can go on
        /// (the server answers with an `Error` response saying this).
        case badFrame(String)
    }

    private var frames: FrameReader
    private var assembler: FragmentAssembler

    public init(frames: FrameReader = FrameReader(), assembler: FragmentAssembler = FragmentAssembler()) {
        self.frames = frames
        self.assembler = assembler
    }

    /// Adds bytes as they arrived.
    public mutating func append<Bytes: Sequence>(_ chunk: Bytes) where Bytes.Element == UInt8 {
        frames.append(chunk)
    }

    /// The next message or bad frame, or nil until more bytes arrive. Throws a
    /// `FramingError` when the stream's framing is lost: close the connection.
    public mutating func next(now: ContinuousClock.Instant) throws -> Item? {
        while let body = try frames.nextFrame() {
            let frame: ManagementFrame
            do {
                frame = try ManagementFrame.decode(body)
            } catch let error as ManagementDecodeError {
                return .badFrame("bad frame: \(error.description)")
            }
            switch frame {
            case .complete(let message):
                return .message(message)
            case .fragment(let header, let data):
                do {
                    if let message = try assembler.add(header, data: data, now: now) { return .message(message) }
                } catch let error as FragmentError {
                    return .badFrame(error.description)
                }
            }
        }
        assembler.expire(now: now)
        return nil
    }
}
