import Foundation

/// A `theater watch` process started by a test, whose output the test reads while it runs
/// (each event is one line of standard output).
final class WatchProcess {
    private let process = Process()
    private let outputFile: URL
    private let errorFile: URL

    /// Starts `theater watch` with `arguments` (after `watch`), with `environment` added to
    /// this process's.
    init(_ theater: TheaterBinary, _ arguments: [String], environment: [String: String] = [:]) throws {
        let scratch = FileManager.default.temporaryDirectory
        outputFile = scratch.appendingPathComponent("theater-watch-out-\(UUID())")
        errorFile = scratch.appendingPathComponent("theater-watch-err-\(UUID())")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.executableURL = theater.url
        process.arguments = ["watch"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
    }

    deinit {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: outputFile)
        try? FileManager.default.removeItem(at: errorFile)
    }

    /// The complete lines printed on standard output so far.
    var lines: [String] {
        let text = String(decoding: (try? Data(contentsOf: outputFile)) ?? Data(), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Standard error so far (componentize-py's output, errors).
    var standardError: String {
        String(decoding: (try? Data(contentsOf: errorFile)) ?? Data(), as: UTF8.self)
    }

    /// Both streams, for failure messages.
    var transcript: String {
        "stdout:\n\(lines.joined(separator: "\n"))\nstderr:\n\(standardError.suffix(4000))"
    }

    /// Waits up to `seconds` for a line, after the first `skipping` lines, that `matches`;
    /// returns it (nil on a timeout or when the process ended without printing one).
    func waitForLine(after skipping: Int = 0, seconds: Double, _ matches: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let line = lines.dropFirst(skipping).first(where: matches) { return line }
            if Date() > deadline || !process.isRunning { return lines.dropFirst(skipping).first(where: matches) }
            usleep(100_000)
        }
    }

    /// Sends `signal` and waits (up to `seconds`) for the process to end; its exit status, nil
    /// when it had to be killed or ended from a signal.
    func stop(with signal: Int32, seconds: Double = 30) -> Int32? {
        Foundation.kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }

    /// Waits (up to `seconds`) for the process to end by itself; its exit status, nil when it
    /// did not end in time (it is killed then).
    func waitForExit(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }
}
