import ArgumentParser
import Foundation
import Theater
import TheaterServer

/// `theater server`: hosts actors in a long-lived process and serves the management
/// protocol (MANAGEMENT.md) to `theater` client commands and other clients.
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Run a Theater server that clients manage over TCP.",
        discussion: """
        Listens on --address, else $THEATER_SERVER_ADDRESS, else the address in \
        ~/.config/theater/config.toml, else 127.0.0.1:9000, and prints "listening on \
        HOST:PORT" on stderr once it does (port 0 picks a free port). Chains and the \
        content store go under --data-dir, else $THEATER_HOME, else ~/.theater. SIGINT or \
        SIGTERM stops the actors in order, closes their chains, and exits with status 0.

        With --metrics HOST:PORT it also serves GET /metrics there in the Prometheus text \
        format (per-actor and server figures) and prints "metrics on HOST:PORT" on stderr.
        """
    )

    @Option(name: .long, help: "HOST:PORT to listen on (default 127.0.0.1:9000).")
    var address: String?

    @Option(name: .long, help: "The data directory (chains and content store).")
    var dataDir: String?

    @Option(name: .long, help: "HOST:PORT to serve Prometheus metrics on (GET /metrics; port 0 picks a free port).")
    var metrics: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let listenAddress: ServerAddress
        let metricsAddress: ServerAddress?
        do {
            listenAddress = try ServerCommand.listenAddress(explicit: address, environment: environment)
            metricsAddress = try metrics.map { try ServerCommand.bindAddress($0, source: "--metrics") }
        } catch {
            throw CommandFailure("\(error)")
        }
        let runtime = try TheaterRuntime(dataDirectory: DataDirectory.resolve(explicit: dataDir, environment: environment),
                                         environment: environment)
        runtime.logSink = { name, _, line in
            FileHandle.standardError.write(Data("[\(name)] \(line)\n".utf8))
        }
        let server: ManagementServer
        do {
            server = try await ManagementServer.bind(address: listenAddress, service: ManagementService(runtime: runtime))
        } catch {
            throw CommandFailure("\(error)")
        }
        var metricsEndpoint: MetricsEndpoint?
        if let metricsAddress {
            let collector = RuntimeMetricsCollector(runtime: runtime, server: server.metrics,
                                                    libraryRegistry: LibraryMetrics.registry)
            do {
                metricsEndpoint = try await MetricsEndpoint.start(address: metricsAddress, collector: collector)
            } catch {
                await server.close()
                throw CommandFailure("\(error)")
            }
        }
        let endpoint = metricsEndpoint
        let shutdown = ServerShutdown()
        let stopEverything: @Sendable () async -> Void = {
            await runtime.shutdown(reason: "the server was interrupted")
            await server.close()
            await endpoint?.close()
            FileHandle.standardError.write(Data("server stopped\n".utf8))
        }
        let signals = SignalWatcher(signals: [SIGINT, SIGTERM]) {
            Task { await shutdown.run(stopEverything) }
        }
        defer { signals.cancel() }
        FileHandle.standardError.write(Data("listening on \(server.boundAddress)\n".utf8))
        if let endpoint {
            FileHandle.standardError.write(Data("metrics on \(endpoint.boundAddress)\n".utf8))
        }
        await server.serve()
        // The listener closed: by a signal's shutdown, which finishes here before the exit.
        await shutdown.run(stopEverything)
    }

    /// The address to listen on: `--address` (port 0 allowed, for tests), else what clients
    /// would resolve (`THEATER_SERVER_ADDRESS`, the config file, the default).
    static func listenAddress(explicit: String?, environment: [String: String]) throws -> ServerAddress {
        if let explicit, explicit.hasSuffix(":0") { return try bindAddress(explicit, source: "--address") }
        return try ClientSettings.resolve(explicitAddress: explicit, environment: environment).address
    }

    /// An address to listen on, given as `text` by option `source`; port 0 allowed.
    static func bindAddress(_ text: String, source: String) throws -> ServerAddress {
        if text.hasSuffix(":0") {
            // ServerAddress refuses port 0 (clients cannot connect to it); a server may bind it.
            let parsed = try ServerAddress.parse(String(text.dropLast()) + "1", source: source)
            return ServerAddress(host: parsed.host, port: 0)
        }
        return try ServerAddress.parse(text, source: source)
    }
}
