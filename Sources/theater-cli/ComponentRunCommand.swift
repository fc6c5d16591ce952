import ArgumentParser
import ComponentModel
import Foundation
import Theater

/// `theater component run FILE --invoke 'name(arg, ...)'`: instantiates a component
/// against the built-in WASI 0.2 hosts (every other import traps when called) and calls
/// one export, with arguments and result in the WAVE value syntax.
struct ComponentRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Call an exported function of a component, with WAVE arguments and result.",
        discussion: """
        The call is written as `name(arg, ...)` with each argument in WAVE syntax (e.g. \
        greet("Ada"), add(1, -2), welcome({name: "Ada", visits: 0})). A function in an \
        exported interface is named `iface#func` (e.g. `wasi:cli/run@0.2.0#run`). The \
        component's imports are served by Theater's deterministic WASI 0.2 hosts \
        (environment, exit, standard streams, random, clocks, poll); any other imported \
        function traps if it is called. The result is printed in WAVE (nothing when the \
        function has no result); an `err(...)` result is a result, not a failure. A trap \
        ends the command with status 1; `wasi:cli/exit` ends it with the component's status.
        """
    )

    @Argument(help: "A component binary (.wasm).")
    var file: String

    @Option(name: .long, help: "The call, e.g. 'greet(\"Ada\")'.")
    var invoke: String

    @Option(name: .long, help: "Seed of the component's (deterministic) random numbers.")
    var seed: UInt64 = 0

    @Option(name: .customLong("env"), help: "An environment variable NAME=VALUE for the component (repeatable).")
    var environment: [String] = []

    @Flag(help: "Print decode, validate, instantiate and call times to standard error.")
    var timings = false

    func run() throws {
        let call: WaveCall
        do {
            call = try WAVE.parseCall(invoke)
        } catch {
            throw CommandFailure("--invoke '\(invoke)': \(error)")
        }
        let component = try ComponentFile(path: file)
        let wasi = WASIHost(configuration: try wasiConfiguration())
        let instantiateStart = Date()
        let instance = try ComponentProgram.instantiate(component, with: wasi)
        let instantiateSeconds = Date().timeIntervalSince(instantiateStart)
        let function = try ComponentProgram.function(named: call.functionName, in: instance, path: file)
        let arguments: [ComponentValue]
        do {
            arguments = try call.arguments(for: function.type.parameters)
        } catch {
            let signature = function.type.parameters.map(\.description).joined(separator: ", ")
            throw CommandFailure("bad arguments for \(call.functionName)(\(signature)): \(error)")
        }
        let callStart = Date()
        let results: [ComponentValue]
        do {
            results = try function.call(arguments)
        } catch let trap as ComponentTrap {
            reportTimings(component, instantiateSeconds, Date().timeIntervalSince(callStart))
            if let exit = wasi.exitStatus { throw ExitCode(exit.code) }
            throw CommandFailure("\(call.functionName) trapped: \(trap.message)")
        }
        let callSeconds = Date().timeIntervalSince(callStart)
        for result in results {
            FileHandle.standardOutput.write(Data((WAVE.format(result) + "\n").utf8))
        }
        reportTimings(component, instantiateSeconds, callSeconds)
    }

    private func wasiConfiguration() throws -> WASIConfiguration {
        var configuration = WASIConfiguration()
        configuration.seed = seed
        configuration.standardOutput = .standardOutput
        configuration.standardError = .standardError
        configuration.arguments = [URL(fileURLWithPath: file).lastPathComponent]
        configuration.environment = try environment.map { entry in
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw CommandFailure("--env '\(entry)' is not NAME=VALUE")
            }
            return (String(entry[..<equals]), String(entry[entry.index(after: equals)...]))
        }
        return configuration
    }

    private func reportTimings(_ component: ComponentFile, _ instantiateSeconds: Double, _ callSeconds: Double) {
        guard timings else { return }
        let message = String(format: "decode %.1f ms, validate %.1f ms, instantiate %.1f ms, call %.1f ms\n",
                             component.decodeSeconds * 1000, component.validateSeconds * 1000,
                             instantiateSeconds * 1000, callSeconds * 1000)
        FileHandle.standardError.write(Data(message.utf8))
    }
}
