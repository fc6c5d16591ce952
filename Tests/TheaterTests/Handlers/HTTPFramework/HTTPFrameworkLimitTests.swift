import Foundation
import Testing
@testable import Theater

/// The handler's limits: bodies, headers, a slow actor, a slow client.
@Suite(.timeLimit(.minutes(3))) struct HTTPFrameworkLimitTests {
    @Test func aBodyOverTheLimitIs413WithoutTheActor() async throws {
        let run = try await HTTPScenario("max_body_bytes = 100")
        let (_, port) = try await run.startedServer()
        let large = try await run.send(.POST, port: port, "/items/1", body: String(repeating: "a", count: 101))
        #expect(large.status == 413)
        let small = try await run.send(.POST, port: port, "/items/1", body: String(repeating: "a", count: 100))
        #expect(small.status == 200)
        let calls = try run.scenario.events(of: run.actor).filter {
            if case .exportCall(let function, _) = $0 { return function == "http-handlers.handle-request" }
            return false
        }
        #expect(calls.count == 1, "the oversized request never reached the actor")
        try await run.finish()
    }

    @Test func headersOverTheLimitAre431() async throws {
        let run = try await HTTPScenario("max_header_bytes = 512")
        let (_, port) = try await run.startedServer()
        let large = try await run.send(port: port, "/hello", headers: [("x-big", String(repeating: "b", count: 600))])
        #expect(large.status == 431)
        #expect(try await run.send(port: port, "/hello").status == 200)
        try await run.finish()
    }

    @Test func anActorBusyPastTheTimeoutGives503AndItsLateAnswerIsDropped() async throws {
        let run = try await HTTPScenario("request_timeout_ms = 300")
        let (_, port) = try await run.startedServer()
        let started = Date()
        let slow = try await run.send(.POST, port: port, "/items/1", body: "~slow")
        #expect(slow.status == 503)
        #expect(Date().timeIntervalSince(started) < 1.4, "answered at the deadline, not after the actor")
        let later = await run.scenario.eventually(seconds: 10) {
            (try? await run.send(port: port, "/hello").status) == 200
        }
        #expect(later, "the actor answers again once it is done")
        try await run.finish()
    }

    @Test func aFullMailboxGives503AtOnceAndTheActorGoesOn() async throws {
        let run = try await HTTPScenario(limits: "[limits]\nmailbox_length = 1")
        let (_, port) = try await run.startedServer()
        // Three slow requests (1.5 s each) at once: one in hand, one in the mailbox, and the
        // third finds the mailbox full.
        let answers = try await withThrowingTaskGroup(of: (status: UInt, body: String).self) { group in
            for item in 1...3 {
                group.addTask {
                    let answer = try await run.send(.POST, port: port, "/items/\(item)", body: "~slow")
                    return (answer.status, answer.body)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let refused = answers.filter { $0.status == 503 }
        #expect(refused.count == 1, "\(answers)")
        #expect(refused.first?.body.contains("mailbox is full") == true, "\(answers)")
        #expect(answers.filter { $0.status == 200 }.count == 2, "\(answers)")
        #expect(try await run.send(port: port, "/hello").status == 200)
        try await run.finish()
    }

    @Test func connectionsOverMaxConnectionsWaitUntilOneCloses() async throws {
        let run = try await HTTPScenario("max_connections = 1")
        let (_, port) = try await run.startedServer()
        let holder = try RawConnection(port: port)
        try holder.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await holder.receive(until: "hello").hasPrefix("HTTP/1.1 200"))
        // The first connection stays open: a second one is not served until it closes.
        let served = Received()
        let waiting = Task {
            let answer = try await run.send(port: port, "/hello")
            served.add("served")
            return answer.status
        }
        try await Task.sleep(for: .milliseconds(500))
        #expect(served.texts.isEmpty, "a second connection was served while the first held the only place")
        holder.close()
        #expect(try await waiting.value == 200)
        try await run.finish()
    }

    @Test func aClientSendingItsBodySlowlyDoesNotHoldUpOthers() async throws {
        let run = try await HTTPScenario()
        let (_, port) = try await run.startedServer()
        let slow = try RawConnection(port: port)
        try slow.send("POST /items/9 HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nab")
        let started = Date()
        let other = try await run.send(port: port, "/hello")
        #expect(other.status == 200)
        #expect(Date().timeIntervalSince(started) < 5)
        try slow.send("cdef")
        let answer = await slow.receive(until: "POST /items/9\nabcdef")
        #expect(answer.hasPrefix("HTTP/1.1 200"))
        slow.close()
        try await run.finish()
    }
}

/// A plain TCP connection to 127.0.0.1, for requests no HTTP client would send (a body
/// in pieces, with pauses). Its blocking reads run on a Dispatch thread, never on the
/// cooperative pool that the server's actor needs to answer.
final class RawConnection: @unchecked Sendable {
    private let socket: Int32

    init(port: UInt16) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(socket, bytes, bytes.count, 0) == bytes.count else { throw POSIXError(.EPIPE) }
    }

    /// Reads until the answer contains `marker` (or the peer closes, or 10 s pass).
    func receive(until marker: String) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.blockingReceive(until: marker)) }
        }
    }

    private func blockingReceive(until marker: String) -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: received, as: UTF8.self).contains(marker) {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    func close() { Glibc.close(socket) }
}
