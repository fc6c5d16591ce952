import WasmEngine

/// Load-time phases of Theater's engine on the large generated module, each timed
/// separately: decode (`Module(decoding:)`), validate (`Validator.validate`), instantiate
/// (`Store.instantiate`), and the first `run(1)` call, which translates every function
/// (the module calls all of them), minus a second `run(1)` on the same instance, which
/// only executes: the difference estimates first-call translation.
struct LoadTimeMeasurement {
    let bytes: Int
    let functionCount: Int
    var decode = Samples()
    var validate = Samples()
    var instantiate = Samples()
    var firstCall = Samples()
    var secondCall = Samples()
    /// The checksum of each first `run(1)`, for the usual checksum checks.
    var firstCallChecksums: [UInt32] = []

    /// Decode + validate + instantiate per run (the median of the per-run sums).
    var load: Samples {
        var total = Samples()
        for index in decode.values.indices {
            total.append(decode.values[index] + validate.values[index] + instantiate.values[index])
        }
        return total
    }

    /// First call minus second call, per run: the translation estimate.
    var translate: Samples {
        var difference = Samples()
        for index in firstCall.values.indices { difference.append(max(0, firstCall.values[index] - secondCall.values[index])) }
        return difference
    }

    /// Repeats the phases `runs` times on fresh stores.
    static func measure(_ program: Program, runs: Int) throws -> LoadTimeMeasurement {
        let bytes = try TheaterEngine.readBytes(program.file)
        var result: LoadTimeMeasurement?
        for _ in 0..<runs {
            let (module, decodeSeconds) = try Stopwatch.measure { try Module(decoding: bytes) }
            let (validated, validateSeconds) = try Stopwatch.measure { try Validator.validate(module) }
            let store = Store()
            let ((_, function), instantiateSeconds) = try Stopwatch.measure {
                try TheaterEngine.instantiate(validated, in: store, program: program)
            }
            let (first, firstSeconds) = try Stopwatch.measure { try store.invoke(function, [.i32(1)]) }
            let (_, secondSeconds) = try Stopwatch.measure { try store.invoke(function, [.i32(1)]) }
            if result == nil { result = LoadTimeMeasurement(bytes: bytes.count, functionCount: module.code.count) }
            result!.decode.append(decodeSeconds)
            result!.validate.append(validateSeconds)
            result!.instantiate.append(instantiateSeconds)
            result!.firstCall.append(firstSeconds)
            result!.secondCall.append(secondSeconds)
            result!.firstCallChecksums.append(try TheaterEngine.checksum(first, program: program))
        }
        return result!
    }

    /// The report lines, with the peers' comparable numbers when they were measured.
    func render(runs: Int, wasmkitLoad: Double?, wasmtimeLoad: Samples?) -> String {
        let megabytes = Double(bytes) / 1_000_000
        func rate(_ seconds: Double) -> String { Format.fixed(megabytes / seconds, 1) + " MB/s" }
        let loadMedian = load.median
        var lines = [
            "Load time: \(Catalog.largeModuleName).wasm, \(Format.fixed(megabytes, 2)) MB, \(functionCount) defined functions"
                + " (median of \(runs), range in parentheses)",
            "  theater   decode       \(Format.samples(decode))",
            "            validate     \(Format.samples(validate))",
            "            instantiate  \(Format.samples(instantiate))",
            "            = load       \(Format.samples(load))  -> \(rate(loadMedian))",
            "            translate    \(Format.samples(translate))  (first run(1) \(Format.duration(firstCall.median))"
                + " minus second run(1) \(Format.duration(secondCall.median)); translation is lazy, on first call)",
            "            load + translate \(Format.duration(loadMedian + translate.median))  -> \(rate(loadMedian + translate.median))",
        ]
        if let wasmkitLoad {
            lines.append("  wasmkit   load \(Format.duration(wasmkitLoad))  -> \(rate(wasmkitLoad))"
                + "  (run(0) process minus a tiny module's run(0) process; wasmkit also translates lazily)")
        }
        if let wasmtimeLoad, !wasmtimeLoad.isEmpty {
            lines.append("  wasmtime  compile + instantiate \(Format.samples(wasmtimeLoad))  -> \(rate(wasmtimeLoad.median))"
                + "  (Cranelift compiles every function ahead of the call)")
        }
        return lines.joined(separator: "\n")
    }
}
