import ArgumentParser
import Theater

/// The `theater` command: runs actors, replays and inspects their chains, and works with
/// Wasm modules, components and WIT directly.
@main
struct TheaterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theater",
        abstract: "Theater: a deterministic WebAssembly actor runtime.",
        version: Theater.version,
        subcommands: [
            RunCommand.self, ReplayCommand.self, VerifyCommand.self, EventsCommand.self, ValidateCommand.self,
            WasmCommand.self, WitCommand.self, ComponentCommand.self, CreateCommand.self, BuildCommand.self,
            ServerCommand.self, ListCommand.self,
            StartCommand.self, StopCommand.self, RestartCommand.self, StateCommand.self, MessageCommand.self, SubscribeCommand.self, LogsCommand.self,
            InspectCommand.self, TreeCommand.self, ChannelCommand.self, ShellCommand.self,
            WatchCommand.self,
        ]
    )

    /// Parses the command line and runs the command. The messages of `theater run` are
    /// taken out first (see `RunMessageArguments`): ArgumentParser would need minutes for
    /// thousands of them.
    static func main() async {
        await main(GlobalFlags.hoist(RunMessageArguments.split(Array(CommandLine.arguments.dropFirst())).rest))
    }
}

/// `theater wasm ...`: work with core WebAssembly modules directly.
struct WasmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wasm",
        abstract: "Run core WebAssembly modules with Theater's engine.",
        subcommands: [WasmRunCommand.self]
    )
}
