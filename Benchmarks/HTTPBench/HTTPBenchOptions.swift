import Foundation

/// The command line of `theater-http-bench`; see main.swift for what it measures.
struct HTTPBenchOptions {
    /// The `theater` binary that runs the actor.
    var theater = ".build/release/theater"
    /// Seconds each measured wrk run lasts.
    var duration = 5
    /// wrk's threads.
    var threads = 2
    /// wrk's open connections.
    var connections = 16
    /// Measured runs of each server.
    var runs = 3

    static let usage = """
    usage: theater-http-bench [--theater PATH] [--duration SECONDS] [--threads N] [--connections N] [--runs N]
    """

    /// Reads `arguments` (the program name first); exits with the usage on anything unknown.
    static func parse(_ arguments: [String]) -> HTTPBenchOptions {
        var options = HTTPBenchOptions()
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            func number() -> Int {
                guard let number = Int(value), number > 0 else { fail("\(flag) takes a positive whole number, not \(value)") }
                return number
            }
            switch flag {
            case "--theater": options.theater = value
            case "--duration": options.duration = number()
            case "--threads": options.threads = number()
            case "--connections": options.connections = number()
            case "--runs": options.runs = number()
            default: fail("unknown option \(flag)")
            }
        }
        if options.connections < options.threads { fail("--connections must be at least --threads") }
        return options
    }

    /// Prints `message` and the usage, and exits with status 2.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("theater-http-bench: \(message)\n\(usage)\n".utf8))
        exit(2)
    }
}
