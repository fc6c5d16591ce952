import Foundation
import HummingbirdWebSocket
import NIOCore
import NIOWebSocket

/// One open WebSocket connection of a server: an ordered outbox that the actor's replies
/// (`handle-websocket-message` results) and pushes (`send-websocket-message`,
/// `close-websocket`, from any call) go through, drained by one writer, so a connection's
/// outgoing messages keep the order they were queued in.
final class WebSocketConnection: @unchecked Sendable {
    /// What the writer does next.
    enum Outgoing: Sendable {
        case message(WebSocketMessageValue)
        case close
    }

    /// The connection's id among its actor's connections (1, 2, 3, ...).
    let id: UInt64
    /// The endpoint (handlers) it was opened on.
    let endpoint: HTTPRouteTable.WebSocketEndpoint
    private let outbox: AsyncStream<Outgoing>.Continuation
    private let queued: AsyncStream<Outgoing>

    /// A connection with id `id` on `endpoint`; nothing is sent until `drain` runs.
    init(id: UInt64, endpoint: HTTPRouteTable.WebSocketEndpoint) {
        self.id = id
        self.endpoint = endpoint
        (queued, outbox) = AsyncStream<Outgoing>.makeStream()
    }

    /// Queues `message`; false when the connection is closing or closed.
    @discardableResult
    func send(_ message: WebSocketMessageValue) -> Bool {
        if case .enqueued = outbox.yield(.message(message)) { return true }
        return false
    }

    /// Queues a close (after what is queued); later messages are dropped.
    @discardableResult
    func close() -> Bool {
        defer { outbox.finish() }
        if case .enqueued = outbox.yield(.close) { return true }
        return false
    }

    /// Ends the outbox without a close frame (the peer is gone).
    func finish() { outbox.finish() }

    /// Writes what is queued, in order, until a close or the end of the outbox.
    func drain(to outbound: WebSocketOutboundWriter) async {
        for await item in queued {
            do {
                switch item {
                case .message(let message):
                    guard let frame = Self.frame(message) else { continue }
                    if case .close = frame {
                        try await outbound.close(.normalClosure, reason: nil)
                        return
                    }
                    try await outbound.write(frame.outbound)
                case .close:
                    try await outbound.close(.normalClosure, reason: nil)
                    return
                }
            } catch {
                return
            }
        }
    }

    /// A frame to write: a data or control frame, or a close.
    private enum Frame {
        case write(WebSocketOutboundWriter.OutboundFrame)
        case close

        var outbound: WebSocketOutboundWriter.OutboundFrame {
            if case .write(let frame) = self { return frame }
            return .pong
        }
    }

    /// What an actor's message becomes on the wire: text (its `text`, else its data as
    /// UTF-8), binary (its `data`, else its text), a close, a ping or pong; `connect` and
    /// `other` kinds send nothing.
    private static func frame(_ message: WebSocketMessageValue) -> Frame? {
        let bytes = message.data ?? message.text.map { Array($0.utf8) } ?? []
        switch message.kind {
        case .text: return .write(.text(message.text ?? String(decoding: bytes, as: UTF8.self)))
        case .binary: return .write(.binary(ByteBuffer(bytes: bytes)))
        case .close: return .close
        case .ping:
            return .write(.custom(WebSocketFrame(fin: true, opcode: .ping, data: ByteBuffer(bytes: bytes))))
        case .pong: return .write(.pong)
        case .connect, .other: return nil
        }
    }
}
