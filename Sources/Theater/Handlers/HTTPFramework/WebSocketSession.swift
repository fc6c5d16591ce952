import ComponentModel
import Foundation
import HummingbirdWebSocket
import NIOCore

/// The life of one upgraded WebSocket connection: `handle-websocket-connect` first, then
/// each incoming text or binary message through `handle-websocket-message` (one at a time,
/// so replies keep the order of the messages), whose returned messages go back on the
/// connection, then `handle-websocket-disconnect` once it has closed.
struct WebSocketSession: Sendable {
    let server: HTTPFrameworkServer
    let connection: WebSocketConnection
    let path: String
    let `protocol`: String?

    /// Serves the connection until either side closes it.
    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async {
        let endpoint = connection.endpoint
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await connection.drain(to: outbound) }
            if let handler = endpoint.connectHandler {
                let outcome = await server.actor.call(
                    .handleWebSocketConnect,
                    [.u64(handler), .u64(connection.id), .string(path), .option(`protocol`.map { .string($0) })])
                if case .returned = outcome {} else { connection.close() }
            }
            do {
                for try await message in inbound.messages(maxSize: server.limits.maxWebSocketMessageBytes) {
                    let value: WebSocketMessageValue
                    switch message {
                    case .text(let text): value = WebSocketMessageValue(kind: .text, text: text)
                    case .binary(let buffer): value = WebSocketMessageValue(kind: .binary, data: Array(buffer.readableBytesView))
                    }
                    let outcome = await server.actor.call(
                        .handleWebSocketMessage, [.u64(endpoint.messageHandler), .u64(connection.id), value.componentValue])
                    switch outcome {
                    case .returned(.list(let replies)?):
                        for reply in replies {
                            if let message = try? WebSocketMessageValue(reply) { connection.send(message) }
                        }
                    case .returned, .busy, .timedOut:
                        // A reply that never came (or came late) is dropped; the connection stays.
                        break
                    case .failed:
                        connection.close()
                    }
                }
            } catch {
                // A protocol error or a message over the limit: the connection is closed.
            }
            connection.finish()
            server.connectionClosed(connection.id)
            if let handler = endpoint.disconnectHandler {
                _ = await server.actor.call(.handleWebSocketDisconnect, [.u64(handler), .u64(connection.id)])
            }
            await group.waitForAll()
        }
    }
}
