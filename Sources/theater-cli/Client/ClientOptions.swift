import ArgumentParser
import Foundation
import Theater
import TheaterServer

/// The options every client command shares: which server to talk to, and whether to print
/// JSON for scripts instead of text for people.
///
/// `--json` may also come before the command name (`theater --json list`): `GlobalFlags`
/// moves it behind the name before parsing.
struct ClientOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The server's HOST:PORT.",
        discussion: "Default: $THEATER_SERVER_ADDRESS, then `address` in ~/.config/theater/config.toml, then 127.0.0.1:9000."))
    var address: String?

    @Flag(name: .long, help: "Print one JSON document (for scripts) instead of text.")
    var json = false

    /// Where and how long to talk to the server, from the flag, the environment and the
    /// config file.
    func settings() throws -> ClientSettings {
        do {
            return try ClientSettings.resolve(explicitAddress: address, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// A connection to the server; a clear failure when none answers.
    func connect() async throws -> ManagementClient {
        let settings = try settings()
        do {
            return try await ManagementClient.connect(to: settings.address, timeout: settings.timeout)
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// The output for the command's results.
    var output: ClientOutput { ClientOutput(json: json) }
}

/// Flags of the whole `theater` command that may come before the command name.
enum GlobalFlags {
    /// `arguments` with each `--json` that precedes the command name moved behind it, where
    /// the client commands' parsers expect it: `--json list` becomes `list --json`.
    static func hoist(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count, arguments[index] == "--json" {
            leading.append(arguments[index])
            index += 1
        }
        guard !leading.isEmpty, index < arguments.count else { return arguments }
        // Subcommands nest (`channel open`): put the flag after the last command word.
        var end = index + 1
        while end < arguments.count, ClientCommandWords.nested.contains(arguments[index] + " " + arguments[end]) {
            end += 1
        }
        return Array(arguments[index..<end]) + leading + Array(arguments[end...])
    }
}

/// Command paths with a nested subcommand, so that global flags land behind the full path.
enum ClientCommandWords {
    static let nested: Set<String> = ["channel open"]
}
