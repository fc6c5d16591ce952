import Foundation
import HummingbirdWSClient
import Logging
import Testing
@testable import Theater

/// WebSocket connections: the actor's replies, pushes from other calls, and closes.
@Suite(.timeLimit(.minutes(3))) struct HTTPFrameworkWebSocketTests {
    @Test func messagesGoBothWaysInOrderThePushArrivesAndTheActorCloses() async throws {
        let run = try await HTTPScenario()
        let server = try await run.createServer().get()
        let handler = try await run.handler("ws")
        _ = try await run.enableWebSocket(server, "/ws", connect: handler, message: handler, disconnect: handler).get()
        let port = try await run.start(server).get()
        #expect(try await run.info(server).get().webSocket)
        let received = Received()
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/ws", logger: logger) { inbound, outbound, _ in
            try await outbound.write(.text("one"))
            try await outbound.write(.text("two"))
            var iterator = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
            for _ in 0..<2 {
                if case .text(let text)? = try await iterator.next() { received.add(text) }
            }
            #expect(try await run.sendText(server, 1, "pushed").map { _ in true } == .success(true))
            if case .text(let text)? = try await iterator.next() { received.add(text) }
            #expect(try await run.call(HTTPTestRequest("Z").value(0, server).value(1, 1)).map { _ in true } == .success(true))
            while try await iterator.next() != nil {}
        }
        #expect(received.texts == ["one", "two", "pushed"])
        let log = await run.scenario.eventually(seconds: 10) {
            (try? await run.state()) == Array("c\u{1}m\u{1}m\u{1}d\u{1}".utf8)
        }
        #expect(log, "connect, two messages, then disconnect of connection 1")
        #expect(try await run.sendText(server, 1, "late").failureMessage?.contains("no open WebSocket connection 1") == true)
        try await run.finish()
    }

    @Test func aPathWithoutWebSocketIsNotUpgraded() async throws {
        let run = try await HTTPScenario()
        let (server, port) = try await run.startedServer()
        let handler = try await run.handler("ws")
        _ = try await run.enableWebSocket(server, "/ws", connect: nil, message: handler, disconnect: nil).get()
        #expect(try await run.call(HTTPTestRequest("w").value(0, server).string(0, "/ws")).map { _ in true } == .success(true))
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        await #expect(throws: (any Error).self) {
            try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/ws", logger: logger) { _, _, _ in }
        }
        #expect(try await run.call(HTTPTestRequest("w").value(0, server).string(0, "/ws")).failureMessage?
            .contains("not enabled on path /ws") == true)
        try await run.finish()
    }
}

/// Texts a WebSocket client received, safe to add to from its handler.
final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ text: String) { lock.withLock { list.append(text) } }
    var texts: [String] { lock.withLock { list } }
}
