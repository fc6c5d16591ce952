import Foundation

/// The toolchain's `wasmkit` interpreter as a peer: `wasmkit run FILE run i32:N`.
///
/// wasmkit has no way to time only the call, so each run times the whole process and
/// subtracts a baseline: the median time of the same command with `i32:0` (process
/// start-up, decoding and instantiation, and the program's set-up before its loop).
final class WasmKitEngine: BenchmarkEngine {
    let name = "wasmkit"
    let path: String
    /// Median time of `run(0)` per program: what is subtracted from each run.
    private(set) var baselines: [String: Double] = [:]

    init(path: String) { self.path = path }

    /// Whether the wasmkit command exists at `path`.
    static func isAvailable(at path: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: path)
    }

    var timingNote: String {
        "wasmkit: subprocess wall time minus the median of a run(0) process (start-up + load), measured per program"
    }

    func prepare(_ program: Program) throws {
        guard baselines[program.name] == nil else { return }
        var samples = Samples()
        for _ in 0..<3 { samples.append(try invoke(program, iterations: 0).1) }
        baselines[program.name] = samples.median
    }

    func run(_ program: Program, iterations: Int) throws -> RunResult {
        try prepare(program)
        let (checksum, seconds) = try invoke(program, iterations: iterations)
        return RunResult(seconds: max(0, seconds - baselines[program.name]!), checksum: checksum)
    }

    /// One process; returns the checksum it printed and its wall time.
    private func invoke(_ program: Program, iterations: Int) throws -> (UInt32, Double) {
        let (output, seconds) = try Stopwatch.measure {
            try runProcess(path, ["run", program.file.path, "run", "i32:\(iterations)"])
        }
        guard output.status == 0 else {
            throw EngineError("wasmkit failed on \(program.name) (status \(output.status)): \(output.standardError.prefix(300))")
        }
        // wasmkit prints the results as `[WasmTypes.Value.i32(N)]`.
        guard let open = output.standardOutput.range(of: "i32("),
              let close = output.standardOutput[open.upperBound...].firstIndex(of: ")"),
              let value = Int64(output.standardOutput[open.upperBound..<close])
        else {
            throw EngineError("cannot find an i32 result in wasmkit's output: \(output.standardOutput.prefix(300))")
        }
        return (UInt32(truncatingIfNeeded: value), seconds)
    }
}
