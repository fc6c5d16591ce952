import Foundation

/// wasmtime (the PyPI `wasmtime` package) as a peer, through `wasmtime_driver.py`, which
/// compiles and instantiates first and then times only the call.
final class WasmtimeEngine: BenchmarkEngine {
    let name = "wasmtime"
    let python: String
    let driver: URL
    /// Compile + instantiate seconds per program, as the driver reported them.
    private(set) var loadSeconds: [String: Samples] = [:]

    init(python: String, driver: URL) {
        self.python = python
        self.driver = driver
    }

    /// Whether `python` can import the wasmtime package.
    static func isAvailable(python: String) -> Bool {
        (try? runProcess(python, ["-c", "import wasmtime"]).status) == 0
    }

    var timingNote: String {
        "wasmtime: the call alone, timed inside wasmtime_driver.py (Cranelift compilation is excluded)"
    }

    /// Compiling the large module with Cranelift takes many seconds and is not what the
    /// call timing measures, so that program runs once there (enough for its checksum and
    /// its compile time).
    func runCount(for program: Program, requested: Int) -> Int {
        program.name == Catalog.largeModuleName ? min(requested, 1) : requested
    }

    func run(_ program: Program, iterations: Int) throws -> RunResult {
        let output = try runProcess(python, [driver.path, program.file.path, "run", String(iterations)])
        guard output.status == 0 else {
            throw EngineError("wasmtime_driver.py failed on \(program.name) (status \(output.status)): \(output.standardError.prefix(300))")
        }
        var fields: [String: String] = [:]
        for field in output.standardOutput.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = field.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        guard let checksum = fields["checksum"].flatMap({ UInt32($0) }),
              let seconds = fields["call_seconds"].flatMap({ Double($0) }),
              let load = fields["load_seconds"].flatMap({ Double($0) })
        else {
            throw EngineError("unexpected wasmtime_driver.py output: \(output.standardOutput.prefix(300))")
        }
        loadSeconds[program.name, default: Samples()].append(load)
        return RunResult(seconds: seconds, checksum: checksum)
    }
}
