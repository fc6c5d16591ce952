import Foundation
import TOMLKit

/// How the `theater` client commands reach the server: its address and how long to wait
/// for an answer. Resolved in this order: the `--address` option, `THEATER_SERVER_ADDRESS`,
/// `~/.config/theater/config.toml` (keys `address` and `timeout`, in seconds), the defaults
/// (`127.0.0.1:9000`, 30 s).
public struct ClientSettings: Equatable, Sendable {
    /// The server's address.
    public var address: ServerAddress
    /// How long a command waits for the server's answer, in seconds.
    public var timeout: Double

    /// The default wait for an answer.
    public static let defaultTimeout = 30.0

    /// Settings with the given values.
    public init(address: ServerAddress = .standard, timeout: Double = ClientSettings.defaultTimeout) {
        self.address = address
        self.timeout = timeout
    }

    /// `~/.config/theater/config.toml` for the home folder of `environment` (`HOME`).
    public static func configFile(environment: [String: String]) -> URL {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/theater/config.toml")
    }

    /// Resolves the settings from the option, the environment and the config file (which may
    /// be absent; a present but malformed one is an error naming it).
    public static func resolve(explicitAddress: String?, environment: [String: String],
                               configFile: URL? = nil) throws -> ClientSettings {
        var settings = ClientSettings()
        let file = configFile ?? Self.configFile(environment: environment)
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            try settings.read(config: text, path: file.path)
        }
        if let fromEnvironment = environment["THEATER_SERVER_ADDRESS"], !fromEnvironment.isEmpty {
            settings.address = try ServerAddress.parse(fromEnvironment, source: "THEATER_SERVER_ADDRESS")
        }
        if let explicitAddress {
            settings.address = try ServerAddress.parse(explicitAddress, source: "--address")
        }
        return settings
    }

    private mutating func read(config text: String, path: String) throws {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            throw ClientSettingsError(path: path, reason: "not valid TOML: \(error)")
        }
        for key in table.keys where !["address", "timeout"].contains(key) {
            throw ClientSettingsError(path: path, reason: "unknown key \"\(key)\" (known: address, timeout)")
        }
        if let value = table["address"] {
            guard let text = value.string else {
                throw ClientSettingsError(path: path, reason: "address must be a string such as \"127.0.0.1:9000\"")
            }
            address = try ServerAddress.parse(text, source: "\(path): address")
        }
        if let value = table["timeout"] {
            let seconds = value.double ?? value.int.map(Double.init)
            guard let seconds, seconds > 0, seconds <= 86_400 else {
                throw ClientSettingsError(path: path, reason: "timeout must be a number of seconds from 0 to 86400")
            }
            timeout = seconds
        }
    }
}

/// A client config file that could not be used.
public struct ClientSettingsError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}
