import Foundation
import Theater
#if canImport(Glibc)
import Glibc
#endif

/// A POSIX-socket client of the management protocol, for tests: writes raw bytes or
/// framed commands, reads framed responses with a time limit. The blocking socket calls
/// run on the client's own dispatch queue, never on Swift's cooperative threads (which the
/// server in the same process needs: on a two-core machine there are only two).
final class ManagementTestClient: @unchecked Sendable {
    private let queue = DispatchQueue(label: "ManagementTestClient")
    private let socket: Int32
    private var reader = ManagementMessageReader()
    private var codec = FrameCodec()

    /// Connects to 127.0.0.1:`port`; `receiveBuffer` shrinks the socket's receive buffer
    /// (for a stalled reader whose backlog must reach the server quickly).
    init(port: Int, receiveBuffer: Int32? = nil) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ClientError("socket() failed: errno \(errno)") }
        if var size = receiveBuffer {
            setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw ClientError("connect to port \(port) failed: errno \(errno)")
        }
    }

    deinit { close(socket) }

    /// Runs `work` on the client's queue.
    private func blocking<T>(_ work: @escaping () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Writes `bytes` as they are (hostile input, partial frames).
    func writeRaw(_ bytes: [UInt8]) async throws { try await blocking { try self.writeRawNow(bytes) } }

    /// Writes `command` in frames.
    func send(_ command: ManagementCommand) async throws { try await blocking { try self.sendNow(command) } }

    /// Writes `command` and reads the next response.
    func call(_ command: ManagementCommand, timeout: TimeInterval = 30) async throws -> ManagementResponse {
        try await blocking { try self.sendNow(command); return try self.receiveNow(timeout: timeout) }
    }

    /// The next response; throws when none comes within `timeout` seconds or the server closed.
    func receive(timeout: TimeInterval = 30) async throws -> ManagementResponse {
        try await blocking { try self.receiveNow(timeout: timeout) }
    }

    /// True when the server closes the connection within `timeout` seconds (any responses
    /// before the close are skipped).
    func closedByServer(timeout: TimeInterval = 10) async throws -> Bool {
        try await blocking { try self.closedByServerNow(timeout: timeout) }
    }

    private func writeRawNow(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw ClientError("send failed: errno \(errno)") }
            offset += written
        }
    }

    private func sendNow(_ command: ManagementCommand) throws {
        for frame in codec.encode(command.encoded()) { try writeRawNow(frame) }
    }

    private func receiveNow(timeout: TimeInterval) throws -> ManagementResponse {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let item = try reader.next(now: .now) {
                guard case .message(let bytes) = item else { throw ClientError("bad frame from the server: \(item)") }
                return try ManagementResponse.decode(bytes)
            }
            guard let chunk = try read(until: deadline) else { throw ClientError("the server closed the connection") }
            reader.append(chunk)
        }
    }

    private func closedByServerNow(timeout: TimeInterval) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            guard let _ = try read(until: deadline) else { return true }
        }
    }

    /// Bytes from the socket; nil at end of stream. Throws at the deadline.
    private func read(until deadline: Date) throws -> [UInt8]? {
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready > 0 else { throw ClientError("no response within the time limit") }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            if errno == ECONNRESET { return nil }
            throw ClientError("recv failed: errno \(errno)")
        }
        return count == 0 ? nil : Array(buffer[..<count])
    }
}

/// A failure of the test client, with what happened.
struct ClientError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
