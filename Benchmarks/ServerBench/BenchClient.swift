import Foundation
import Theater
import TheaterServer

/// A client process of the load benchmark: connects, says "ready", waits for "go" on
/// stdin (so that every client starts at once), sends its commands keeping `window` in
/// flight, and prints one JSON line: wall-clock start and end (nanoseconds since 1970, to
/// compare across processes) and every command's latency in microseconds.
enum BenchClient {
    /// The command each client repeats.
    enum Mode: String {
        /// `SendActorMessage`: answered once the message is in the actor's mailbox.
        case send
        /// `RequestActorMessage`: answered with the actor's reply.
        case request
    }

    static func run(address: String, actorID: String, mode: Mode, count: Int, window: Int) async throws {
        let client = try await ManagementClient.connect(to: try ServerAddress.parse(address, source: "--address"), timeout: 60)
        print("ready")
        fflush(stdout)
        guard readLine() == "go" else { exit(1) }
        let payload = Array("tick".utf8)
        let command: ManagementCommand = mode == .send
            ? .sendActorMessage(id: actorID, data: payload) : .requestActorMessage(id: actorID, data: payload)
        var latencies = [UInt32]()
        latencies.reserveCapacity(count)
        var sentAt = [UInt64]()
        sentAt.reserveCapacity(count)
        let start = wallClockNanoseconds()
        var sent = 0, answered = 0
        while answered < count {
            while sent < count, sent - answered < window {
                sentAt.append(DispatchTime.now().uptimeNanoseconds)
                try await client.send(command)
                sent += 1
            }
            let response = try await client.receive()
            switch response {
            case .sentMessage, .requestedMessage: break
            default:
                FileHandle.standardError.write(Data("unexpected response: \(response)\n".utf8))
                exit(1)
            }
            latencies.append(UInt32((DispatchTime.now().uptimeNanoseconds - sentAt[answered]) / 1000))
            answered += 1
        }
        let end = wallClockNanoseconds()
        await client.close()
        print("{\"start\":\(start),\"end\":\(end),\"latencies_us\":[\(latencies.map(String.init).joined(separator: ","))]}")
        fflush(stdout)
    }

    /// Nanoseconds since 1970 (comparable between processes, unlike uptime).
    static func wallClockNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
