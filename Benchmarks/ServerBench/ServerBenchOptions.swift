import Foundation

/// The command line of `theater-server-bench`; see main.swift for what each phase measures.
struct ServerBenchOptions {
    /// What this process is: the coordinator, or one of the processes it starts.
    enum Role {
        case coordinator
        /// A client process: connects to `address`, waits for "go" on stdin, sends `count`
        /// commands of `mode` to `actorID` keeping `window` in flight, prints its result.
        case client(address: String, actorID: String, mode: BenchClient.Mode, count: Int, window: Int)
        /// A subscriber that subscribes to `actorID` and then never reads.
        case stalledSubscriber(address: String, actorID: String)
    }

    var role = Role.coordinator
    /// The `theater` binary that runs the server.
    var theater = ".build/release/theater"
    /// Client processes in the load phase.
    var clients = 4
    /// Messages each client sends in the load phase.
    var messages = 25_000
    /// Requests each client makes in the load phase.
    var requests = 5_000
    /// Commands each sending client keeps in flight.
    var window = 32
    /// Messages the actor handles in each run of the silent-subscriber phase.
    var subscriberMessages = 100_000
    /// Runs of the silent-subscriber phase (each: one without, one with the subscriber).
    var runs = 3
    /// Which phases run.
    var load = true
    var subscriber = true

    static let usage = """
    usage: theater-server-bench [--theater PATH] [--clients N] [--messages N] [--requests N] [--window N]
                                [--subscriber-messages N] [--runs N] [--only load|subscriber]
    """

    static func parse(_ arguments: [String]) -> ServerBenchOptions {
        var options = ServerBenchOptions()
        var values = ArgumentValues(arguments.dropFirst())
        if let role = values.take("role") {
            let address = values.take("address") ?? ""
            let actor = values.take("actor") ?? ""
            switch role {
            case "client":
                guard let mode = values.take("mode").flatMap(BenchClient.Mode.init) else { fail("--mode send|request") }
                options.role = .client(address: address, actorID: actor, mode: mode, count: values.number("count", 1),
                                       window: values.number("window", 1))
            case "stalled-subscriber":
                options.role = .stalledSubscriber(address: address, actorID: actor)
            default:
                fail("unknown role \(role)")
            }
            return options
        }
        options.theater = values.take("theater") ?? options.theater
        options.clients = values.number("clients", options.clients)
        options.messages = values.number("messages", options.messages)
        options.requests = values.number("requests", options.requests)
        options.window = values.number("window", options.window)
        options.subscriberMessages = values.number("subscriber-messages", options.subscriberMessages)
        options.runs = values.number("runs", options.runs)
        if let only = values.take("only") {
            guard only == "load" || only == "subscriber" else { fail("--only load|subscriber") }
            options.load = only == "load"
            options.subscriber = only == "subscriber"
        }
        if let unknown = values.remaining.first { fail("unknown option --\(unknown)") }
        return options
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("theater-server-bench: \(message)\n\(usage)\n".utf8))
        exit(2)
    }
}

/// `--name value` pairs of a command line, taken one by one.
struct ArgumentValues {
    private var values: [String: String] = [:]

    init(_ arguments: ArraySlice<String>) {
        let list = Array(arguments)
        var index = 0
        while index < list.count {
            let key = list[index]
            guard key.hasPrefix("--"), index + 1 < list.count else { ServerBenchOptions.fail("unexpected argument \(key)") }
            values.updateValue(list[index + 1], forKey: String(key.dropFirst(2)))
            index += 2
        }
    }

    /// The value of `--name`, removed.
    mutating func take(_ name: String) -> String? { values.removeValue(forKey: name) }

    /// The positive number given as `--name`, else `fallback`.
    mutating func number(_ name: String, _ fallback: Int) -> Int {
        guard let text = take(name) else { return fallback }
        guard let value = Int(text), value > 0 else { ServerBenchOptions.fail("--\(name) needs a positive number, not \(text)") }
        return value
    }

    /// Names not taken.
    var remaining: [String] { Array(values.keys) }
}
