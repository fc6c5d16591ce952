import ArgumentParser
import Foundation
import WasmEngine

/// `theater wasm run FILE [--invoke NAME] [ARG...]`: instantiates a core module (`.wasm`
/// or `.wat`) and calls one of its exported functions.
struct WasmRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an exported function of a core WebAssembly module.",
        discussion: """
        Arguments are parsed by the function's parameter types: integers in decimal \
        (negative or unsigned, or 0x-prefixed hex), floats in decimal or hex-float \
        (0x1.8p3), inf, -inf, nan. Each result is printed on its own line: i32 and i64 \
        as signed decimal, f32 and f64 in the shortest decimal form that reads back \
        exactly, references as ref.null or ref.func/ref.extern with their index. \
        The module may import the `spectest` module of the official test suite.
        """
    )

    @Argument(help: "The module: a .wasm binary or a .wat text file.")
    var file: String

    @Option(name: .long, help: "The exported function to call (default: _start, or the only exported function).")
    var invoke: String?

    @Option(name: .long, help: "Fuel budget: the number of instructions the call may execute.")
    var fuel: UInt64?

    @Argument(parsing: .allUnrecognized, help: "Arguments for the function.")
    var arguments: [String] = []

    func run() throws {
        let program = try WasmProgram(path: file, fuel: fuel)
        let function = try program.function(named: invoke)
        // `--` only separates options from negative numbers; it is not an argument.
        let values = arguments.first == "--" ? Array(arguments.dropFirst()) : arguments
        let results = try program.call(function, textArguments: values)
        for result in results {
            print(ValueText.format(result))
        }
    }
}
