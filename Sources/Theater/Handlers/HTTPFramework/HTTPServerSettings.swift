import ComponentModel
import Foundation
import NIOSSL

/// A `server-config` as `create-server` received it, checked against the handler's
/// settings: the host (default 127.0.0.1), the port (default 0, a free port) and, with a
/// `tls-config`, the TLS configuration read from its PEM files (paths relative to the
/// manifest's folder).
struct HTTPServerSettings {
    /// The address to bind.
    let host: String
    /// The port to bind (0: a free one).
    let port: UInt16
    /// The TLS configuration, when the server serves HTTPS.
    let tls: TLSConfiguration?

    /// The host a server binds when the config names none.
    static let defaultHost = "127.0.0.1"

    /// Reads `value` (a `server-config` record); throws messages that name what is wrong.
    init(_ value: ComponentValue, config: HTTPFrameworkConfig, baseDirectory: URL) throws {
        guard case .record(let fields) = value else { throw ComponentTrap("expected a server-config record") }
        func field(_ label: String) throws -> ComponentValue? {
            guard case .option(let payload)? = fields.first(where: { $0.label == label })?.value else {
                throw ComponentTrap("server-config.\(label) is not an option")
            }
            return payload
        }
        let port: UInt16
        switch try field("port") {
        case nil: port = 0
        case .u16(let number)?: port = number
        default: throw ComponentTrap("server-config.port is not a u16")
        }
        let host = try field("host").map { try $0.stringArgument() } ?? Self.defaultHost
        guard config.permits(host: host) else {
            let allowed = (config.allowedHosts ?? HTTPFrameworkConfig.loopbackHosts).joined(separator: ", ")
            throw HostFunctionError("host \(host.debugDescription) is not allowed (allowed_hosts: \(allowed))")
        }
        guard config.permits(port: port) else {
            throw HostFunctionError("port \(port) is not allowed (allowed_ports: \(config.allowedPorts ?? []))")
        }
        self.host = host
        self.port = port
        guard case .record(let tlsFields)? = try field("tls-config") else {
            tls = nil
            return
        }
        func path(_ label: String) throws -> String {
            guard let text = try tlsFields.first(where: { $0.label == label })?.value.stringArgument() else {
                throw ComponentTrap("tls-config has no \(label)")
            }
            return URL(fileURLWithPath: text, relativeTo: baseDirectory).standardizedFileURL.path
        }
        let certificatePath = try path("cert-path"), keyPath = try path("key-path")
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw HostFunctionError("cannot read the TLS certificate \(certificatePath): \(Self.reason(certificatePath, error))")
        }
        guard !chain.isEmpty else { throw HostFunctionError("the TLS certificate file \(certificatePath) holds no certificate") }
        do {
            key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        } catch {
            throw HostFunctionError("cannot read the TLS private key \(keyPath): \(Self.reason(keyPath, error))")
        }
        tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }

    private static func reason(_ path: String, _ error: Error) -> String {
        FileManager.default.isReadableFile(atPath: path) ? "not a PEM file (\(error))" : "no such readable file"
    }
}
