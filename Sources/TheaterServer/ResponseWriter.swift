import NIOCore
import Theater

/// Writes responses to one client: frames each with the connection's `FrameCodec` and
/// hands the frames to the channel's async writer, which suspends while the channel is not
/// writable. So a writer never queues more than NIO's write buffer water mark per waiting
/// caller: a client that reads nothing stalls its own writers, nothing else.
actor ResponseWriter {
    private var codec = FrameCodec()
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

    init(outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
        self.outbound = outbound
    }

    /// Sends `response`; all its frames go out together (a fragmented message is never
    /// interleaved with another). Throws once the connection is closed.
    func send(_ response: ManagementResponse) async throws {
        let frames = codec.encode(response.encoded())
        try await outbound.write(contentsOf: frames.map { ByteBuffer(bytes: $0) })
    }

    /// Sends `responses` in order with one write (one wake-up of the event loop).
    func send(contentsOf responses: [ManagementResponse]) async throws {
        var buffers: [ByteBuffer] = []
        buffers.reserveCapacity(responses.count)
        for response in responses {
            for frame in codec.encode(response.encoded()) { buffers.append(ByteBuffer(bytes: frame)) }
        }
        try await outbound.write(contentsOf: buffers)
    }
}
