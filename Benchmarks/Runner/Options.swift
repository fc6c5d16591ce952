import Foundation

/// The command line of `theater-bench`: how many runs, how much work, which programs and
/// which engines. Parsed by hand because the runner depends on nothing but WasmEngine.
struct Options {
    /// Timed runs per program and engine (interleaved across engines).
    var runs = 5
    /// Multiplies every program's default iteration count (`--scale 0.001` for CI smoke).
    var scale = 1.0
    /// Only run the programs with these names (all when empty).
    var only: Set<String> = []
    /// Skip wasmkit and wasmtime; run only Theater's engine (checksums still checked).
    var noPeers = false
    /// Where the `Benchmarks` folder is (programs, expected checksums, wasmtime driver).
    var benchmarksDirectory: URL?
    /// The wasmkit command used as a peer.
    var wasmkitPath = "/opt/swift/usr/bin/wasmkit"
    /// The Python interpreter that runs wasmtime_driver.py.
    var pythonPath = "python3"
    /// Run only the component `list<u8>` round-trip benchmark (`ComponentBytesBenchmark`).
    var componentBytes = false
    /// Timed round trips of `--component-bytes`.
    var roundTrips = 100
    /// Run only the per-call cost benchmark of a small component export (`ComponentCallsBenchmark`).
    var componentCalls = false
    /// Timed calls (each way) of `--component-calls`.
    var calls = 1_000_000

    static let usage = """
        USAGE: theater-bench [--runs N] [--scale F] [--only NAME[,NAME...]] [--no-peers]
                             [--benchmarks DIR] [--wasmkit PATH] [--python PATH]
               theater-bench --component-bytes [--round-trips N]
               theater-bench --component-calls [--calls N]

          --runs N        timed runs per program and engine, interleaved A B A B (default 5)
          --scale F       multiply iteration counts by F (CI smoke: --scale 0.001 --runs 1)
          --only NAMES    run only these programs (comma-separated; see programs/benchmarks.txt)
          --no-peers      run only Theater's engine (wasmkit and wasmtime are skipped)
          --benchmarks D  the Benchmarks folder (default: found next to this source file or cwd)
          --wasmkit PATH  the wasmkit command (default /opt/swift/usr/bin/wasmkit)
          --python PATH   the Python that has the `wasmtime` package (default python3)
          --component-bytes  instead: time a 1 MiB option<list<u8>> passed into a component
                          export and back (median round trip in ms)
          --round-trips N timed round trips of --component-bytes (default 100)
          --component-calls  instead: time calls of an actor-shaped export (handle-send with
                          an 8-byte state and a 4-byte message), in ns per call
          --calls N       timed calls of --component-calls, each way (default 1000000)

        Exits 1 when any checksum disagrees between engines or with expected-checksums.txt.
        """

    /// Parses `arguments` (without the program name); throws `OptionsError` with the reason.
    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var remaining = arguments[...]
        func value(for flag: String) throws -> String {
            guard let next = remaining.popFirst() else { throw OptionsError("\(flag) needs a value") }
            return next
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--runs":
                let text = try value(for: argument)
                guard let runs = Int(text), runs >= 1 else { throw OptionsError("--runs takes a whole number >= 1, not '\(text)'") }
                options.runs = runs
            case "--scale":
                let text = try value(for: argument)
                guard let scale = Double(text), scale > 0, scale.isFinite else {
                    throw OptionsError("--scale takes a positive number, not '\(text)'")
                }
                options.scale = scale
            case "--only":
                let names = try value(for: argument).split(separator: ",").map { String($0) }
                options.only.formUnion(names)
            case "--no-peers":
                options.noPeers = true
            case "--benchmarks":
                options.benchmarksDirectory = URL(fileURLWithPath: try value(for: argument), isDirectory: true)
            case "--wasmkit":
                options.wasmkitPath = try value(for: argument)
            case "--python":
                options.pythonPath = try value(for: argument)
            case "--component-bytes":
                options.componentBytes = true
            case "--round-trips":
                let text = try value(for: argument)
                guard let count = Int(text), count >= 1 else {
                    throw OptionsError("--round-trips takes a whole number >= 1, not '\(text)'")
                }
                options.roundTrips = count
            case "--component-calls":
                options.componentCalls = true
            case "--calls":
                let text = try value(for: argument)
                guard let count = Int(text), count >= 1 else {
                    throw OptionsError("--calls takes a whole number >= 1, not '\(text)'")
                }
                options.calls = count
            case "-h", "--help":
                throw OptionsError.helpRequested
            default:
                throw OptionsError("unknown option '\(argument)'")
            }
        }
        return options
    }
}

/// A command-line mistake, with the message to print above the usage text.
struct OptionsError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
    static let helpRequested = OptionsError("")
}
