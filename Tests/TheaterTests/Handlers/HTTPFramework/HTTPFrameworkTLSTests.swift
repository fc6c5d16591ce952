import AsyncHTTPClient
import Foundation
import NIOSSL
import Testing
@testable import Theater

/// HTTPS with a certificate and key the actor names (a self-signed pair made here).
@Suite(.timeLimit(.minutes(3))) struct HTTPFrameworkTLSTests {
    @Test func aServerWithACertificateServesHTTPS() async throws {
        let run = try await HTTPScenario { folder in
            let openssl = Process()
            openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
            openssl.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                 "-keyout", folder.appendingPathComponent("key.pem").path,
                                 "-out", folder.appendingPathComponent("cert.pem").path,
                                 "-days", "1", "-subj", "/CN=localhost"]
            openssl.standardOutput = FileHandle.nullDevice
            openssl.standardError = FileHandle.nullDevice
            try openssl.run()
            openssl.waitUntilExit()
        }
        let server = try await run.createServer(tls: ("cert.pem", "key.pem")).get()
        let handler = try await run.handler("main")
        _ = try await run.route(server, "/secure", "GET", handler).get()
        let port = try await run.start(server).get()
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
        let answer = try await run.send(port: port, "/secure", scheme: "https", client: client)
        try await client.shutdown()
        #expect(answer.status == 200)
        #expect(answer.body == "GET /secure")
        let missing = try await run.createServer(tls: ("nowhere.pem", "key.pem"))
        #expect(missing.failureMessage?.contains("nowhere.pem") == true)
        #expect(missing.failureMessage?.contains("no such readable file") == true)
        try await run.finish()
    }
}
