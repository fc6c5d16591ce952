import ArgumentParser
import ComponentModel
import Foundation

/// `theater component ...`: work with WebAssembly components.
struct ComponentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "component",
        abstract: "Inspect and run WebAssembly components.",
        subcommands: [ComponentInspectCommand.self, ComponentRunCommand.self]
    )
}

/// `theater component inspect FILE`: prints a component's imports and exports in WIT.
struct ComponentInspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print a component's imports and exports with their types, in WIT syntax.",
        discussion: """
        The component is decoded and validated first; a malformed or invalid component is \
        reported with the byte offset of the problem.
        """
    )

    @Argument(help: "A component binary (.wasm).")
    var file: String

    @Flag(help: "Also print how long decoding and validation took (to standard error).")
    var timings = false

    func run() throws {
        let component = try ComponentFile(path: file)
        print(ComponentWitRenderer.render(component.validated), terminator: "")
        if timings {
            let message = String(format: "decode %.1f ms, validate %.1f ms\n",
                                 component.decodeSeconds * 1000, component.validateSeconds * 1000)
            FileHandle.standardError.write(Data(message.utf8))
        }
    }
}
