import ArgumentParser
import Foundation
import WasmEngine

/// A core module loaded from a file and instantiated in its own store, ready to call.
struct WasmProgram {
    let store: Store
    let instance: Instance
    let path: String

    /// Reads, decodes (or compiles from text), validates and instantiates the module at `path`.
    init(path: String, fuel: UInt64?) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("cannot read \(path): no such file, or not readable")
        }
        var bytes = [UInt8](data)
        if path.hasSuffix(".wat") || path.hasSuffix(".wast") {
            do { bytes = try WAT.encodeModule(String(decoding: bytes, as: UTF8.self)) } catch {
                throw CommandFailure("\(path): \(error)")
            }
        }
        let module: ValidatedModule
        do {
            module = try Validator.validate(Module(decoding: bytes))
        } catch let error as DecodeError {
            throw CommandFailure("\(path): malformed module: \(error)")
        } catch {
            throw CommandFailure("\(path): invalid module: \(error)")
        }
        var configuration = StoreConfiguration()
        configuration.fuel = fuel
        store = Store(configuration: configuration)
        var imports = Imports()
        try SpecTestModule.define(in: store, imports: &imports) { line in print(line) }
        do {
            instance = try store.instantiate(module, imports: imports)
        } catch {
            throw CommandFailure("\(path): cannot instantiate: \(error)")
        }
    }

    /// Finds the function to call: `name` if given, else `_start`, else the only exported function.
    func function(named name: String?) throws -> FunctionAddress {
        let functions = instance.orderedExports.compactMap { entry -> (String, FunctionAddress)? in
            if case .function(let address) = entry.value { return (entry.name, address) }
            return nil
        }
        let available = functions.map(\.0).joined(separator: ", ")
        if let name {
            guard let address = instance.exportedFunction(name) else {
                throw CommandFailure("\(path) exports no function named \"\(name)\" (exported functions: \(available.isEmpty ? "none" : available))")
            }
            return address
        }
        if let start = instance.exportedFunction("_start") { return start }
        guard functions.count == 1 else {
            throw CommandFailure("say which function to call with --invoke NAME (exported functions: \(available.isEmpty ? "none" : available))")
        }
        return functions[0].1
    }

    /// Parses the arguments by the function's parameter types and calls it.
    func call(_ function: FunctionAddress, textArguments: [String]) throws -> [Value] {
        let type = store.type(of: function)
        guard type.parameters.count == textArguments.count else {
            throw CommandFailure("the function takes \(type.parameters.count) argument(s) \(type.parameters), but \(textArguments.count) were given")
        }
        let values = try zip(type.parameters, textArguments).enumerated().map { index, pair in
            guard let value = ValueText.parse(pair.1, as: pair.0) else {
                throw CommandFailure("argument \(index + 1) \"\(pair.1)\" is not a valid \(pair.0)")
            }
            return value
        }
        do {
            return try store.invoke(function, values)
        } catch let trap as Trap {
            throw CommandFailure("trap: \(trap)")
        }
    }
}
