import Foundation
import Testing
@testable import Theater

/// The settings of the `http-framework` handler: limits with defaults, where servers may
/// listen, and clear errors for bad values.
@Suite struct ManifestHTTPFrameworkConfigTests {
    @Test func settingsAreReadAndTheRestDefault() throws {
        let manifest = try ManifestFixture.parse(ManifestFixture.minimal + """
            [[handler]]
            type = "http-framework"
            max_body_bytes = 2048
            request_timeout_ms = 500
            allowed_hosts = ["0.0.0.0"]
            allowed_ports = [8080, 0]
            """)
        #expect(manifest.handlers == [.httpFramework(HTTPFrameworkConfig(
            maxBodyBytes: 2048, requestTimeoutMs: 500, allowedHosts: ["0.0.0.0"], allowedPorts: [8080, 0]))])
        let defaults = try ManifestFixture.parse(ManifestFixture.minimal + "[[handler]]\ntype = \"http-framework\"\n")
        #expect(defaults.handlers == [.httpFramework(HTTPFrameworkConfig(
            maxBodyBytes: 1 << 20, maxHeaderBytes: 16 << 10, maxConnections: 256, requestTimeoutMs: 30_000,
            maxWebSocketMessageBytes: 1 << 20))])
    }

    @Test func serversListenOnLoopbackUnlessHostsAreAllowed() {
        let loopback = HTTPFrameworkConfig()
        #expect(loopback.permits(host: "127.0.0.1") && loopback.permits(host: "LOCALHOST"))
        #expect(!loopback.permits(host: "0.0.0.0"))
        #expect(loopback.permits(port: 80))
        let open = HTTPFrameworkConfig(allowedHosts: ["0.0.0.0"], allowedPorts: [8080])
        #expect(open.permits(host: "0.0.0.0") && !open.permits(host: "127.0.0.1"))
        #expect(open.permits(port: 8080) && !open.permits(port: 0))
    }

    @Test func badValuesAreErrorsThatNameTheKey() {
        let error = ManifestFixture.error(ManifestFixture.minimal + """
            [[handler]]
            type = "http-framework"
            max_connections = 0
            """)
        #expect(error?.description.contains("max_connections") == true)
        #expect(error?.description.contains("out of range") == true)
        let ports = ManifestFixture.error(ManifestFixture.minimal + """
            [[handler]]
            type = "http-framework"
            allowed_ports = [70000]
            """)
        #expect(ports?.description.contains("out of range") == true)
        let unknown = ManifestFixture.error(ManifestFixture.minimal + """
            [[handler]]
            type = "http-framework"
            max_bodies = 1
            """)
        #expect(unknown?.description.contains("max_bodies") == true)
    }
}
