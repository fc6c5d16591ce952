import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare management-protocol connection for end-to-end tests that need a command no CLI
/// command of theirs sends (starting actors to inspect): frames JSON as MANAGEMENT.md says
/// (4-byte big-endian length, `{"Complete": [bytes]}`) and reads one response back.
final class ManagementWire {
    private let socket: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; answers wait at most `timeout` seconds.
    init(port: Int, timeout: Int = 30) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            close(socket)
            throw WireError("cannot connect to 127.0.0.1:\(port): errno \(errno)")
        }
    }

    deinit { close(socket) }

    /// Sends `command` (a JSON-compatible value) and returns the next response.
    func call(_ command: Any) throws -> Any {
        let message = try JSONSerialization.data(withJSONObject: command)
        let frame = try JSONSerialization.data(withJSONObject: ["Complete": [UInt8](message).map(Int.init)])
        var length = UInt32(frame.count).bigEndian
        let bytes = withUnsafeBytes(of: &length) { Array($0) } + [UInt8](frame)
        guard bytes.withUnsafeBytes({ send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else {
            throw WireError("send failed: errno \(errno)")
        }
        let header = try read(4)
        let size = header.reduce(0) { $0 << 8 | Int($1) }
        let body = try JSONSerialization.jsonObject(with: Data(try read(size)))
        guard let complete = (body as? [String: Any])?["Complete"] as? [Int] else { throw WireError("not a Complete frame: \(body)") }
        return try JSONSerialization.jsonObject(with: Data(complete.map(UInt8.init)), options: .fragmentsAllowed)
    }

    /// Starts the actor of the manifest at `path` and returns its id.
    func startActor(_ path: String) throws -> String {
        let response = try call(["StartActor": ["manifest": path, "initial_state": NSNull(), "parent": false, "subscribe": false]])
        guard let id = ((response as? [String: Any])?["ActorStarted"] as? [String: Any])?["id"] as? String else {
            throw WireError("StartActor answered \(response)")
        }
        return id
    }

    private func read(_ count: Int) throws -> [UInt8] {
        while buffer.count < count {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let received = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard received > 0 else { throw WireError("the server closed the connection or did not answer (errno \(errno))") }
            buffer += chunk[..<received]
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer[..<count])
    }
}

/// A failure of `ManagementWire`.
struct WireError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
