import Foundation
import Theater
#if canImport(Glibc)
import Glibc
#endif

/// A subscriber that subscribes to an actor and then reads nothing, ever: the worst client
/// a server can have. A plain socket with a small receive buffer, so that the server's
/// writes back up quickly; it prints "subscribed" once the command is written and then
/// sleeps until it is killed.
enum StalledSubscriber {
    static func run(address: String, actorID: String) throws -> Never {
        let server = try ServerAddress.parse(address, source: "--address")
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var size: Int32 = 4096
        setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_port = in_port_t(UInt16(server.port).bigEndian)
        target.sin_addr.s_addr = inet_addr(server.host)
        let connected = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { ServerBenchOptions.fail("the stalled subscriber cannot connect to \(address)") }
        var codec = FrameCodec()
        for frame in codec.encode(ManagementCommand.subscribeToActor(id: actorID).encoded()) {
            _ = frame.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        print("subscribed")
        fflush(stdout)
        while true { sleep(3600) }
    }
}
