import Foundation
import Theater
import TheaterServer

// theater-server-bench: how fast `theater server` serves its clients, measured on release
// builds, end to end: a real server process, real client processes on loopback.
//
//   swift build -c release && swift run -c release theater-server-bench [options]
//
// Phase "load": several client processes at once, each over its own connection,
//   - send messages (SendActorMessage, `--window` in flight per client) to one actor:
//     commands per second and the latency of each command (until its SentMessage);
//   - make requests (RequestActorMessage, one at a time per client): round trips per
//     second and their latency.
// Phase "subscriber": one actor handles `--subscriber-messages` messages sent by two client
//   processes, without and then with a subscriber that subscribed to the actor and reads
//   nothing; the handling rate of each (until a request queued behind the messages is
//   answered) and the server's memory after each. Runs alternate, and the median is shown.
// The actor is Benchmarks/actors/echo.wasm (C), its chain persisted as always.

setvbuf(stdout, nil, _IOLBF, 0)
let options = ServerBenchOptions.parse(CommandLine.arguments)
switch options.role {
case .client(let address, let actorID, let mode, let count, let window):
    try await BenchClient.run(address: address, actorID: actorID, mode: mode, count: count, window: window)
    exit(0)
case .stalledSubscriber(let address, let actorID):
    try StalledSubscriber.run(address: address, actorID: actorID)
case .coordinator:
    if ProcessInfo.processInfo.environment[RoleProcess.childMarker] != nil {
        ServerBenchOptions.fail("a child process was started without a role it understands: \(CommandLine.arguments)")
    }
}

let echoComponent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("actors/echo.wasm")
let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("theater-server-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: workspace) }
let server = try ServerProcess(theater: options.theater, dataDirectory: workspace)
let control = try await ManagementClient.connect(to: try ServerAddress.parse(server.address, source: "server"), timeout: 300)

/// Starts a fresh echo actor on the server; its id.
func startEcho() async throws -> String {
    let manifest = """
    name = "echo"
    component = "\(echoComponent.path)"
    [[handler]]
    type = "message-server"
    [limits]
    mailbox_length = 2000000
    """
    guard case .actorStarted(let id) = try await control.call(
        .startActor(manifest: manifest, initialState: nil, parent: false, subscribe: false)) else {
        ServerBenchOptions.fail("the echo actor did not start")
    }
    return id
}

/// Returns once the actor has handled everything sent to it before (a request queues
/// behind them).
func drain(_ id: String) async throws {
    guard case .requestedMessage = try await control.call(.requestActorMessage(id: id, data: Array("ping".utf8))) else {
        ServerBenchOptions.fail("the drain request failed")
    }
}

/// Starts `count` client processes, lets them go at once and collects what they measured.
func runClients(_ count: Int, mode: BenchClient.Mode, each: Int, window: Int, actor: String) throws -> LatencySummary {
    let clients = try (0..<count).map { _ in
        try RoleProcess(arguments: ["--role", "client", "--address", server.address, "--actor", actor, "--mode", mode.rawValue,
                                    "--count", String(each), "--window", String(window)])
    }
    clients.forEach { $0.go() }
    let results = clients.map { $0.readRest().trimmingCharacters(in: .whitespacesAndNewlines) }
    clients.forEach { $0.process.waitUntilExit() }
    return LatencySummary(results: results)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func line(_ label: String, _ value: String) { print(label.padding(toLength: 52, withPad: " ", startingAt: 0) + value) }

print("theater-server-bench: server at \(server.address), actor Benchmarks/actors/echo.wasm, chain persisted")
if options.load {
    let id = try await startEcho()
    let sends = try runClients(options.clients, mode: .send, each: options.messages, window: options.window, actor: id)
    try await drain(id)
    let requests = try runClients(options.clients, mode: .request, each: options.requests, window: 1, actor: id)
    _ = try await control.call(.stopActor(id: id))
    print("load: \(options.clients) client processes")
    line("  messages, \(options.window) in flight per client",
         String(format: "%9.0f msg/s   p50 %6.2f ms   p99 %6.2f ms", sends.rate, sends.p50, sends.p99))
    line("  requests, one at a time per client",
         String(format: "%9.0f req/s   p50 %6.2f ms   p99 %6.2f ms", requests.rate, requests.p50, requests.p99))
}
if options.subscriber {
    var without: [Double] = [], with: [Double] = []
    var memoryWithout: [Double] = [], memoryWith: [Double] = []
    for run in 0..<options.runs {
        for withSubscriber in (run % 2 == 0 ? [false, true] : [true, false]) {
            let id = try await startEcho()
            let subscriber = withSubscriber
                ? try RoleProcess(arguments: ["--role", "stalled-subscriber", "--address", server.address, "--actor", id]) : nil
            let sends = try runClients(2, mode: .send, each: options.subscriberMessages / 2, window: 64, actor: id)
            let start = Double(BenchClient.wallClockNanoseconds()) / 1e9 - sends.seconds
            try await drain(id)
            let seconds = Double(BenchClient.wallClockNanoseconds()) / 1e9 - start
            let rate = Double(sends.commands) / seconds
            let resident = server.memory().resident
            if withSubscriber { with.append(rate); memoryWith.append(resident) } else { without.append(rate); memoryWithout.append(resident) }
            subscriber?.kill()
            _ = try await control.call(.stopActor(id: id))
        }
    }
    print("silent subscriber: \(options.subscriberMessages) messages from 2 client processes, median of \(options.runs)")
    line("  handled, no subscriber", String(format: "%9.0f msg/s   (min %.0f, max %.0f)", median(without), without.min()!, without.max()!))
    line("  handled, a subscriber that reads nothing", String(format: "%9.0f msg/s   (min %.0f, max %.0f)", median(with), with.min()!, with.max()!))
    line("  ratio (with / without)", String(format: "%9.3f", median(with) / median(without)))
    line("  server memory after each run, no subscriber", memoryWithout.map { String(format: "%.0f", $0) }.joined(separator: ", ") + " MiB")
    line("  server memory after each run, with subscriber", memoryWith.map { String(format: "%.0f", $0) }.joined(separator: ", ") + " MiB")
}
line("server peak memory", String(format: "%9.0f MiB", server.memory().peak))
await control.close()
server.stop()
