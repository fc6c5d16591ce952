import Foundation
import Theater
import TheaterServer

/// A `ManagementServer` on 127.0.0.1, a free port, over a runtime with a fresh data
/// directory; relative manifest paths resolve against the package root.
final class ServerHarness {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let counterManifest = "examples/counter/manifest.toml"

    let runtime: TheaterRuntime
    let server: ManagementServer
    let dataDirectory: URL
    private let serving: Task<Void, Never>

    var port: Int { server.boundAddress.port }

    init(subscriptionCapacity: Int = ManagementServer.defaultSubscriptionCapacity) async throws {
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("theater-server-\(UUID())")
        runtime = try TheaterRuntime(dataDirectory: DataDirectory(root: dataDirectory))
        server = try await ManagementServer.bind(
            address: ServerAddress(host: "127.0.0.1", port: 0),
            service: ManagementService(runtime: runtime, workingDirectory: Self.packageRoot),
            subscriptionCapacity: subscriptionCapacity)
        let server = self.server
        serving = Task { await server.serve() }
    }

    /// A new client connected to the server.
    func client(receiveBuffer: Int32? = nil) throws -> ManagementTestClient {
        try ManagementTestClient(port: port, receiveBuffer: receiveBuffer)
    }

    /// Stops the actors and the server and removes the data directory.
    func close() async {
        await runtime.shutdown()
        await server.close()
        serving.cancel()
        try? FileManager.default.removeItem(at: dataDirectory)
    }
}
