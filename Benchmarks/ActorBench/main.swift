import Foundation
import Theater

// theater-actor-bench: how fast the actor layer is, measured on release builds.
//
//   swift run -c release theater-actor-bench [--messages N] [--runs R] [--limits TOML]
//
// --limits adds lines to the actors' [limits] table, to measure what a limit costs, e.g.
// --limits 'fuel_per_call = "unlimited"' (fuel still metered, in slices, for the deadline).
//
// Reports, each as the median of R runs:
//   - sends per second into one actor (handle-send, 8-byte state), chain persisted;
//   - the same with recording off (the chain's cost is the difference);
//   - request round trips per second from the host into one actor;
//   - request round trips per second between two actors (relay -> echo);
//   - actor start time, component already decoded and not.
// The actors are the C programs in Benchmarks/actors (echo.wasm, relay.wasm).

let options = BenchOptions.parse(CommandLine.arguments)
let actorsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("actors")
let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("theater-actor-bench-\(getpid())")
try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: workspace) }

func manifest(_ name: String, component: String, limits: String = "") throws -> ActorManifest {
    let text = """
    name = "\(name)"
    component = "\(actorsDirectory.appendingPathComponent(component).path)"
    [[handler]]
    type = "message-server"
    [limits]
    mailbox_length = 2000000
    \(limits)
    \(options.limits)
    """
    return try ActorManifest.parse(text: text, fileName: "\(name).toml", baseDirectory: workspace, environment: [:])
}

func freshRuntime(recording: Bool = true) throws -> TheaterRuntime {
    let directory = workspace.appendingPathComponent(UUID().uuidString)
    return try TheaterRuntime(dataDirectory: DataDirectory.resolve(explicit: directory.path, environment: [:]),
                              environment: [:], recordingEnabled: recording)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

/// Sends `count` messages to a fresh echo actor and waits until all are handled; messages per second.
func sendThroughput(count: Int, recording: Bool) async throws -> Double {
    let runtime = try freshRuntime(recording: recording)
    let echo = try await runtime.start(try manifest("echo", component: "echo.wasm"))
    let payload = Array("tick".utf8)
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<count {
        if let error = runtime.send(to: echo.id, payload) { fatalError("send failed: \(error)") }
    }
    // A request queues behind every send: its answer means all were handled.
    _ = try await runtime.request(to: echo.id, payload).get()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    await runtime.shutdown()
    return Double(count) / seconds
}

/// Request round trips per second from the host into one actor.
func hostRequests(count: Int) async throws -> Double {
    let runtime = try freshRuntime()
    let echo = try await runtime.start(try manifest("echo", component: "echo.wasm"))
    let payload = Array("ping".utf8)
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<count { _ = try await runtime.request(to: echo.id, payload).get() }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    await runtime.shutdown()
    return Double(count) / seconds
}

/// Request round trips per second between two actors: the host asks the relay, which asks the echo actor.
func actorRequests(count: Int) async throws -> Double {
    let runtime = try freshRuntime()
    let echo = try await runtime.start(try manifest("echo", component: "echo.wasm"))
    let relay = try await runtime.start(try manifest("relay", component: "relay.wasm"))
    if let error = runtime.send(to: relay.id, Array(echo.id.utf8)) { fatalError("\(error)") }
    let payload = Array("ping".utf8)
    _ = try await runtime.request(to: relay.id, payload).get()
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<count { _ = try await runtime.request(to: relay.id, payload).get() }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    await runtime.shutdown()
    return Double(count) / seconds
}

/// Milliseconds to start an actor (store, chain, sandbox, init), with the component decoded before or not.
func startTime(count: Int, decoded: Bool) async throws -> Double {
    var total = 0.0
    let runtime = try freshRuntime()
    let echoManifest = try manifest("echo", component: "echo.wasm")
    if decoded { try await runtime.start(echoManifest) }
    for _ in 0..<count {
        let target = decoded ? runtime : try freshRuntime()
        let start = DispatchTime.now().uptimeNanoseconds
        try await target.start(echoManifest)
        total += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        if !decoded { await target.shutdown() }
    }
    await runtime.shutdown()
    return total / Double(count)
}

func report(_ label: String, _ values: [Double], unit: String) {
    let line = String(format: "%-44@ %12.0f %@ (min %.0f, max %.0f)", label as NSString, median(values), unit as NSString,
                      values.min() ?? 0, values.max() ?? 0)
    print(line)
}

var sendsOn: [Double] = [], sendsOff: [Double] = [], hostRT: [Double] = [], actorRT: [Double] = []
var startDecoded: [Double] = [], startFresh: [Double] = []
if options.sendsOnly {
    let rate = try await sendThroughput(count: options.messages, recording: true)
    print(String(format: "sends into one actor, chain persisted: %.0f msg/s", rate))
    exit(0)
}
for _ in 0..<options.runs {
    sendsOn.append(try await sendThroughput(count: options.messages, recording: true))
    sendsOff.append(try await sendThroughput(count: options.messages, recording: false))
    hostRT.append(try await hostRequests(count: options.messages / 4))
    actorRT.append(try await actorRequests(count: options.messages / 4))
    startDecoded.append(try await startTime(count: 20, decoded: true))
    startFresh.append(try await startTime(count: 5, decoded: false))
}
print("theater-actor-bench: \(options.messages) messages, \(options.runs) run(s), median (min, max)")
report("sends into one actor, chain persisted", sendsOn, unit: "msg/s")
report("sends into one actor, recording off", sendsOff, unit: "msg/s")
let cost = (1 / median(sendsOn) - 1 / median(sendsOff)) * 1e6
print(String(format: "%-44@ %12.2f us/message", "cost of the chain" as NSString, cost))
report("request round trips, host -> actor", hostRT, unit: "req/s")
report("request round trips, actor -> actor", actorRT, unit: "req/s")
print(String(format: "%-44@ %12.2f ms", "actor start, component decoded" as NSString, median(startDecoded)))
print(String(format: "%-44@ %12.2f ms", "actor start, component not decoded" as NSString, median(startFresh)))

struct BenchOptions {
    var messages = 100_000
    var runs = 3
    /// Only the send benchmark (for profiling).
    var sendsOnly = false
    /// Extra `[limits]` lines for every actor.
    var limits = ""

    static func parse(_ arguments: [String]) -> BenchOptions {
        var options = BenchOptions()
        var index = 1
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "--messages": options.messages = max(100, Int(value) ?? options.messages); index += 1
            case "--runs": options.runs = max(1, Int(value) ?? options.runs); index += 1
            case "--sends-only": options.sendsOnly = true; index -= 0
            case "--limits": options.limits = value; index += 1
            default:
                FileHandle.standardError.write(Data("usage: theater-actor-bench [--messages N] [--runs R] [--sends-only] [--limits TOML]\n".utf8))
                exit(2)
            }
            index += 1
        }
        return options
    }
}
