import Foundation

// theater-http-bench: how fast an HTTP actor serves a trivial route, measured on release
// builds with wrk (a standard load generator, from Debian), beside the same route served by a
// native Hummingbird handler in this process: the ceiling the actor layer can approach.
//
//   swift build -c release && swift run -c release theater-http-bench [options]
//
// 1. "native": GET /hello on a Hummingbird 2 server in this process ("hello\n", text/plain).
// 2. "theater": the same route served by examples/http-hello (a Wasm component) through the
//    http-framework handler of a real `theater run` process, every request recorded in the
//    actor's chain as always.
// For each: wrk with `--threads` threads and `--connections` connections for `--duration`
// seconds after a one-second warm-up; requests per second and latency percentiles (p50,
// p90, p99). Runs alternate between the two; the median run of each is shown.

setvbuf(stdout, nil, _IOLBF, 0)
let options = HTTPBenchOptions.parse(CommandLine.arguments)
let wrk = WrkRunner(threads: options.threads, connections: options.connections)
guard wrk.isAvailable else {
    HTTPBenchOptions.fail("wrk is not installed (apt-get install wrk)")
}

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let helloComponent = repository.appendingPathComponent("examples/http-hello/http-hello.wasm")
let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("theater-http-bench-\(getpid())")
try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: workspace) }

let native = try await NativeHelloServer.start()
let theater = try TheaterHelloServer(theater: options.theater, component: helloComponent, workspace: workspace)
defer { theater.stop() }

print("theater-http-bench: GET /hello, wrk -t\(options.threads) -c\(options.connections) -d\(options.duration)s, \(options.runs) run(s) each")
var nativeRuns: [WrkResult] = []
var theaterRuns: [WrkResult] = []
for run in 1...options.runs {
    for (name, url) in [("native", native.url), ("theater", theater.url)] {
        _ = try wrk.run(url: url, seconds: 1)  // warm-up: connections, caches, the JIT-free interpreter's first calls
        let result = try wrk.run(url: url, seconds: options.duration)
        guard result.errors == 0 else {
            HTTPBenchOptions.fail("\(name): \(result.errors) failed requests (non-2xx or socket errors)\n\(result.output)")
        }
        print("  run \(run) \(name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(result.summary)")
        if name == "native" { nativeRuns.append(result) } else { theaterRuns.append(result) }
    }
}
await native.stop()

let nativeMedian = WrkResult.median(of: nativeRuns)
let theaterMedian = WrkResult.median(of: theaterRuns)
print("")
print("route                          requests/s        p50        p90        p99")
print(nativeMedian.row("native Hummingbird handler"))
print(theaterMedian.row("theater http-hello actor"))
print(String(format: "theater / native: %.2f of the requests per second", theaterMedian.requestsPerSecond / nativeMedian.requestsPerSecond))
