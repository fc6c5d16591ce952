/// The outcome of one timed run of a program's `run(iterations)`.
struct RunResult {
    /// Seconds spent in the call itself (how each engine isolates that is in `timingNote`).
    let seconds: Double
    let checksum: UInt32
    /// Fuel the call consumed, when the engine meters (one unit per Wasm instruction).
    var fuelConsumed: UInt64? = nil
}

/// An engine the runner can time: Theater's own in-process, or a peer as a subprocess.
protocol BenchmarkEngine: AnyObject {
    /// The column name in the tables.
    var name: String { get }
    /// One line saying what the measured time includes, printed under the table.
    var timingNote: String { get }
    /// Work before the timed runs of `program` (loading, start-up baselines); not timed.
    func prepare(_ program: Program) throws
    /// Runs `program` once with `iterations` and times it.
    func run(_ program: Program, iterations: Int) throws -> RunResult
    /// How many of the requested runs this engine does for `program` (a peer may do fewer
    /// where a run is very expensive for reasons the benchmark does not measure).
    func runCount(for program: Program, requested: Int) -> Int
}

extension BenchmarkEngine {
    func prepare(_ program: Program) throws {}
    func runCount(for program: Program, requested: Int) -> Int { requested }
}

/// A run that did not produce a checksum: a trap, a crash, unparsable peer output.
struct EngineError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
