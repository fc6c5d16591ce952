import Foundation
import Testing
@testable import Theater

/// The client's server address and timeout: parsed strictly, and resolved from the option,
/// then `THEATER_SERVER_ADDRESS`, then `~/.config/theater/config.toml`, then the defaults.
@Suite struct ClientSettingsTests {
    @Test(arguments: [
        ("127.0.0.1:9000", "127.0.0.1", 9000), ("localhost:1", "localhost", 1), ("[::1]:65535", "::1", 65535),
        ("  example.org:8080 ", "example.org", 8080), ("[fe80::1]:9000", "fe80::1", 9000),
    ])
    func goodAddressesParse(text: String, host: String, port: Int) throws {
        let address = try ServerAddress.parse(text, source: "test")
        #expect(address == ServerAddress(host: host, port: port))
        #expect(try ServerAddress.parse(address.description, source: "test") == address)
    }

    @Test(arguments: [
        ("9000", "expected HOST:PORT, e.g. 127.0.0.1:9000"),
        ("host:0", "the port must be a number from 1 to 65535"),
        ("host:65536", "the port must be a number from 1 to 65535"),
        ("host:-1", "the port must be a number from 1 to 65535"),
        ("host:", "the port must be a number from 1 to 65535"),
        (":9000", "the host must be an IP address or a name of letters, digits, - and ."),
        ("ho st:9000", "the host must be an IP address or a name of letters, digits, - and ."),
        ("::1:9000", "write an IPv6 host in brackets: [::1]:9000"),
        ("[::1:9000", "an IPv6 host needs its closing ]"),
        ("[::1]9000", "expected :PORT after the ]"),
        ("[x]:9000", "x in brackets is not an IPv6 address"),
        ("host:99999999999999999999", "the port must be a number from 1 to 65535"),
    ])
    func badAddressesAreRefusedWithTheReason(text: String, reason: String) {
        #expect(throws: ServerAddressError(source: "--address", text: text, reason: reason)) {
            try ServerAddress.parse(text, source: "--address")
        }
    }

    private func configFile(_ text: String?) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("client-settings-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("config.toml")
        if let text { try Data(text.utf8).write(to: file) }
        return file
    }

    @Test func theOptionWinsOverTheEnvironmentWhichWinsOverTheConfigFile() throws {
        let file = try configFile("address = \"10.0.0.1:7000\"\ntimeout = 5\n")
        let fromFile = try ClientSettings.resolve(explicitAddress: nil, environment: [:], configFile: file)
        #expect(fromFile == ClientSettings(address: ServerAddress(host: "10.0.0.1", port: 7000), timeout: 5))
        let fromEnvironment = try ClientSettings.resolve(
            explicitAddress: nil, environment: ["THEATER_SERVER_ADDRESS": "127.0.0.2:7001"], configFile: file)
        #expect(fromEnvironment.address == ServerAddress(host: "127.0.0.2", port: 7001))
        #expect(fromEnvironment.timeout == 5)
        let fromOption = try ClientSettings.resolve(
            explicitAddress: "[::1]:7002", environment: ["THEATER_SERVER_ADDRESS": "127.0.0.2:7001"], configFile: file)
        #expect(fromOption.address == ServerAddress(host: "::1", port: 7002))
    }

    @Test func withoutAnythingTheDefaultsApply() throws {
        let settings = try ClientSettings.resolve(explicitAddress: nil, environment: [:], configFile: try configFile(nil))
        #expect(settings == ClientSettings(address: .standard, timeout: 30))
        #expect(ServerAddress.standard.description == "127.0.0.1:9000")
    }

    @Test(arguments: [
        ("address = 9000", "address must be a string such as \"127.0.0.1:9000\""),
        ("timeout = 0", "timeout must be a number of seconds from 0 to 86400"),
        ("timeout = \"soon\"", "timeout must be a number of seconds from 0 to 86400"),
        ("adress = \"127.0.0.1:9000\"", "unknown key \"adress\" (known: address, timeout)"),
    ])
    func aBadConfigFileIsAnErrorNamingIt(text: String, reason: String) throws {
        let file = try configFile(text)
        #expect(throws: ClientSettingsError(path: file.path, reason: reason)) {
            try ClientSettings.resolve(explicitAddress: nil, environment: [:], configFile: file)
        }
    }

    @Test func aBadAddressInTheConfigFileNamesTheFile() throws {
        let file = try configFile("address = \"nowhere\"")
        #expect(throws: ServerAddressError(source: "\(file.path): address", text: "nowhere",
                                           reason: "expected HOST:PORT, e.g. 127.0.0.1:9000")) {
            try ClientSettings.resolve(explicitAddress: nil, environment: [:], configFile: file)
        }
    }

    @Test func configFileLivesUnderTheHomeFolder() {
        #expect(ClientSettings.configFile(environment: ["HOME": "/home/ada"]).path == "/home/ada/.config/theater/config.toml")
    }
}
