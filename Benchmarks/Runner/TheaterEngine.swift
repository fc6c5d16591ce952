import Foundation
import WasmEngine

/// Theater's own engine, in-process through the public API (`Module(decoding:)`,
/// `Validator.validate`, `Store.instantiate`, `Store.invoke`).
///
/// Each run gets a fresh store and instance (programs keep state in their memory and
/// globals, so reusing an instance would change the checksum); only `invoke` is timed,
/// which includes lazily translating the functions the call reaches for the first time.
final class TheaterEngine: BenchmarkEngine {
    let name: String
    /// Whether runs meter fuel; the fuel consumed then counts the instructions executed.
    let metered: Bool
    private var modules: [String: ValidatedModule] = [:]

    init(metered: Bool) {
        self.metered = metered
        self.name = metered ? "theater+fuel" : "theater"
    }

    var timingNote: String {
        metered
            ? "theater+fuel: the same as theater with fuel metering on (StoreConfiguration.fuel); fuel used = instructions executed"
            : "theater: in-process Store.invoke on a fresh instance (includes first-call translation, excludes decode/validate)"
    }

    func prepare(_ program: Program) throws {
        if modules[program.name] == nil { modules[program.name] = try Self.load(program.file) }
    }

    func run(_ program: Program, iterations: Int) throws -> RunResult {
        try prepare(program)
        let store = Store(configuration: StoreConfiguration(fuel: metered ? UInt64.max : nil))
        let (instance, function) = try Self.instantiate(modules[program.name]!, in: store, program: program)
        let (results, seconds) = try Stopwatch.measure { try store.invoke(function, [.i32(UInt32(truncatingIfNeeded: iterations))]) }
        var result = RunResult(seconds: seconds, checksum: try Self.checksum(results, program: program))
        _ = instance
        if metered, let remaining = store.remainingFuel { result.fuelConsumed = UInt64.max - remaining }
        return result
    }

    /// Reads, decodes and validates a module file.
    static func load(_ file: URL) throws -> ValidatedModule {
        try Validator.validate(Module(decoding: readBytes(file)))
    }

    /// The bytes of a file, with the path in the error when it cannot be read.
    static func readBytes(_ file: URL) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw EngineError("cannot read \(file.path); run Benchmarks/build.sh to build the programs")
        }
        return [UInt8](data)
    }

    /// Instantiates `module` (no imports) and finds its `run` export.
    static func instantiate(_ module: ValidatedModule, in store: Store, program: Program) throws -> (Instance, FunctionAddress) {
        let instance = try store.instantiate(module, imports: Imports())
        guard let function = instance.exportedFunction("run") else {
            throw EngineError("\(program.file.lastPathComponent) has no exported function 'run'")
        }
        return (instance, function)
    }

    /// The checksum from `run`'s results, which must be a single i32.
    static func checksum(_ results: [Value], program: Program) throws -> UInt32 {
        guard results.count == 1, case .i32(let checksum) = results[0] else {
            throw EngineError("\(program.name): run returned \(results), expected one i32 checksum")
        }
        return checksum
    }
}
