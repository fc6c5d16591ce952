import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A process started by a test whose output can be read while it runs (it goes to files,
/// so neither stream can block it).
final class BackgroundProcess {
    private let process = Process()
    private let outputFile: URL
    private let errorFile: URL

    init(executable: URL, arguments: [String], environment: [String: String]) throws {
        let scratch = FileManager.default.temporaryDirectory
        outputFile = scratch.appendingPathComponent("theater-bg-out-\(UUID())")
        errorFile = scratch.appendingPathComponent("theater-bg-err-\(UUID())")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
    }

    /// Standard output so far.
    var output: String { (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "" }
    /// Standard error so far.
    var errorOutput: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }
    /// Whether the process still runs.
    var isRunning: Bool { process.isRunning }

    /// Waits up to `seconds` until `condition` holds for the output so far (or the process
    /// ended); true when it held.
    func waitFor(seconds: TimeInterval = 15, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(output) { return true }
            if !process.isRunning { return condition(output) }
            usleep(50_000)
        }
        return false
    }

    /// Sends `signal` to the process.
    func kill(_ signal: Int32) {
        Foundation.kill(process.processIdentifier, signal)
    }

    /// Waits for the end (SIGKILL after `timeLimit` seconds) and returns the outcome.
    func wait(timeLimit: TimeInterval = 20) -> TheaterBinary.Outcome {
        let timedOut = process.waitUntilExit(timeLimit: timeLimit)
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        return TheaterBinary.Outcome(status: process.terminationStatus, standardOutput: output, standardError: errorOutput,
                                     endedBySignal: process.terminationReason == .uncaughtSignal, timedOut: timedOut)
    }
}
