import Foundation

// theater-bench: times Theater's Wasm engine against the peers on this machine (wasmkit,
// wasmtime) over Benchmarks/programs, checks every checksum, and prints the tables.
// See Options.usage, and Benchmarks/programs/benchmarks.txt for the programs.
// `--component-bytes` instead times a 1 MiB list<u8> crossing the Canonical ABI (ComponentBytesBenchmark);
// `--component-calls` times the per-call cost of an actor-shaped export (ComponentCallsBenchmark).

let options: Options
do {
    options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
} catch let error as OptionsError {
    if !error.description.isEmpty { log("theater-bench: \(error.description)") }
    print(Options.usage)
    exit(error.description.isEmpty ? 0 : 2)
}

if options.componentBytes {
    do {
        print(try ComponentBytesBenchmark.run(roundTrips: options.roundTrips))
        exit(0)
    } catch {
        log("theater-bench --component-bytes: \(error)")
        exit(1)
    }
}

if options.componentCalls {
    do {
        print(try await ComponentCallsBenchmark.run(calls: options.calls))
        exit(0)
    } catch {
        log("theater-bench --component-calls: \(error)")
        exit(1)
    }
}

do {
    let directory = try Catalog.locateDirectory(options.benchmarksDirectory)
    let catalog = try Catalog.load(from: directory)
    let unknown = options.only.subtracting(catalog.programs.map(\.name))
    guard unknown.isEmpty else {
        throw CatalogError("unknown program(s) \(unknown.sorted()); known: \(catalog.programs.map(\.name).joined(separator: ", "))")
    }
    let programs = catalog.programs.filter { options.only.isEmpty || options.only.contains($0.name) }

    var engines: [BenchmarkEngine] = [TheaterEngine(metered: false), TheaterEngine(metered: true)]
    var wasmkit: WasmKitEngine?
    var wasmtime: WasmtimeEngine?
    if !options.noPeers {
        if WasmKitEngine.isAvailable(at: options.wasmkitPath) {
            wasmkit = WasmKitEngine(path: options.wasmkitPath)
            engines.append(wasmkit!)
        } else {
            log("wasmkit not found at \(options.wasmkitPath): skipped (use --wasmkit PATH)")
        }
        if WasmtimeEngine.isAvailable(python: options.pythonPath) {
            wasmtime = WasmtimeEngine(python: options.pythonPath, driver: directory.appendingPathComponent("wasmtime_driver.py"))
            engines.append(wasmtime!)
        } else {
            log("wasmtime not importable from \(options.pythonPath): skipped (pip install wasmtime)")
        }
    }
    log("engines: \(engines.map(\.name).joined(separator: ", ")); runs: \(options.runs); scale: \(options.scale)")

    let session = BenchmarkSession(options: options, catalog: catalog, programs: programs, engines: engines)
    session.run()

    var sections = [Report(session: session).timeTable(), Report(session: session).fuelTable()]
    if let large = programs.first(where: { $0.name == Catalog.largeModuleName }) {
        log("measuring load time of \(large.file.lastPathComponent)")
        do {
            let measurement = try LoadTimeMeasurement.measure(large, runs: options.runs)
            for checksum in measurement.firstCallChecksums {
                session.check(checksum, program: large, iterations: 1, source: "theater (load-time run)")
            }
            var wasmkitLoad: Double?
            if let wasmkit, let tiny = catalog.programs.first(where: { $0.name != large.name }) {
                // wasmkit's run(0) time on a tiny module is its process start-up.
                try wasmkit.prepare(tiny)
                try wasmkit.prepare(large)
                wasmkitLoad = max(0, wasmkit.baselines[large.name]! - wasmkit.baselines[tiny.name]!)
            }
            sections.append(measurement.render(runs: options.runs, wasmkitLoad: wasmkitLoad,
                                               wasmtimeLoad: wasmtime?.loadSeconds[large.name]))
        } catch {
            session.fail("load-time measurement of \(large.name): \(error)")
        }
    }

    var summary = "Checksums: \(session.checkedAgainstRecord) compared with expected-checksums.txt, "
        + "\(session.checkedAcrossEngines) compared across engines only (count not recorded)"
    if session.failures.isEmpty {
        summary += "; all agree."
    } else {
        summary += "; \(session.failures.count) FAILURE(S):\n" + session.failures.map { "  " + $0 }.joined(separator: "\n")
    }
    sections.append(summary)
    print(sections.joined(separator: "\n\n"))
    exit(session.failures.isEmpty ? 0 : 1)
} catch {
    log("theater-bench: \(error)")
    exit(2)
}
