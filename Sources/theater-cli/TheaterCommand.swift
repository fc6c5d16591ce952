import ArgumentParser
import Theater

/// The `theater` command: runs Wasm programs and, later, actors.
@main
struct TheaterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theater",
        abstract: "Theater: a deterministic WebAssembly actor runtime.",
        version: Theater.version,
        subcommands: [WasmCommand.self, WitCommand.self, ComponentCommand.self]
    )
}

/// `theater wasm ...`: work with core WebAssembly modules directly.
struct WasmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wasm",
        abstract: "Run core WebAssembly modules with Theater's engine.",
        subcommands: [WasmRunCommand.self]
    )
}
