import NIOCore
import Theater

/// The client side's channel handler: reassembles frames from the socket's bytes, decodes
/// each message as a `ManagementResponse` and pushes it to the connection's inbox. When the
/// framing is lost (a length over the limit) the connection is closed; a frame that is not
/// a response is pushed as a `badResponse` failure and reading goes on.
final class ResponseDecoder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private var reader = ManagementMessageReader()
    private let inbox: ResponseInbox
    private let address: ServerAddress

    init(inbox: ResponseInbox, address: ServerAddress) {
        self.inbox = inbox
        self.address = address
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        reader.append(buffer.readableBytesView)
        do {
            while let item = try reader.next(now: .now) {
                switch item {
                case .badFrame(let problem):
                    inbox.push(.failure(.badResponse(address: address, reason: problem)))
                case .message(let bytes):
                    do {
                        inbox.push(.success(try ManagementResponse.decode(bytes)))
                    } catch {
                        inbox.push(.failure(.badResponse(address: address, reason: "\(error)")))
                    }
                }
            }
        } catch {
            inbox.close(.badResponse(address: address, reason: "\(error)"))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        inbox.close(.connectionClosed(address: address))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        inbox.close(.connectionClosed(address: address))
        context.close(promise: nil)
    }
}
