import Foundation

/// Runs the selected programs on every engine, interleaved (for each run, every engine in
/// turn, so slow drifts in machine load hit all engines alike), and checks every checksum.
final class BenchmarkSession {
    let options: Options
    let catalog: Catalog
    let programs: [Program]
    let engines: [BenchmarkEngine]
    /// Timings by program name, then engine name.
    private(set) var timings: [String: [String: Samples]] = [:]
    /// Fuel one metered run consumed, by program name (identical across runs).
    private(set) var fuelConsumed: [String: UInt64] = [:]
    /// Checksum disagreements and engine failures, as messages.
    private(set) var failures: [String] = []
    /// How many checksums were compared with a recorded expectation / only across engines.
    private(set) var checkedAgainstRecord = 0
    private(set) var checkedAcrossEngines = 0
    private var firstSeen: [String: (UInt32, String)] = [:]

    init(options: Options, catalog: Catalog, programs: [Program], engines: [BenchmarkEngine]) {
        self.options = options
        self.catalog = catalog
        self.programs = programs
        self.engines = engines
    }

    /// Times every program; progress goes to standard error.
    func run() {
        for program in programs {
            let iterations = program.iterations(scale: options.scale)
            var ready: [BenchmarkEngine] = []
            for engine in engines {
                do { try engine.prepare(program); ready.append(engine) } catch {
                    failures.append("\(program.name) on \(engine.name): \(error)")
                }
            }
            for run in 0..<options.runs {
                var progress: [String] = []
                for engine in ready where run < engine.runCount(for: program, requested: options.runs) {
                    do {
                        let result = try engine.run(program, iterations: iterations)
                        timings[program.name, default: [:]][engine.name, default: Samples()].append(result.seconds)
                        if let fuel = result.fuelConsumed { fuelConsumed[program.name] = fuel }
                        check(result.checksum, program: program, iterations: iterations, source: engine.name)
                        progress.append("\(engine.name) \(Format.duration(result.seconds))")
                    } catch {
                        failures.append("\(program.name) x\(iterations) on \(engine.name): \(error)")
                        progress.append("\(engine.name) FAILED")
                    }
                }
                log("\(program.name) x\(iterations) run \(run + 1)/\(options.runs): " + progress.joined(separator: ", "))
            }
        }
    }

    /// Compares a checksum with the recorded one for this count, or, when none is recorded,
    /// with the first checksum any engine produced in this session.
    func check(_ checksum: UInt32, program: Program, iterations: Int, source: String) {
        if let expected = catalog.expected[program.name]?[iterations] {
            checkedAgainstRecord += 1
            if checksum != expected {
                failures.append("\(program.name) x\(iterations): \(source) returned \(checksum), expected-checksums.txt says \(expected)")
            }
            return
        }
        checkedAcrossEngines += 1
        let key = "\(program.name) x\(iterations)"
        if let (first, firstSource) = firstSeen[key] {
            if checksum != first {
                failures.append("\(key): \(source) returned \(checksum) but \(firstSource) returned \(first)")
            }
        } else {
            firstSeen[key] = (checksum, source)
        }
    }

    /// Records a failure found outside the timed runs (e.g. in the load-time measurement).
    func fail(_ message: String) { failures.append(message) }
}

/// Prints a progress line to standard error (the tables go to standard output).
func log(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
