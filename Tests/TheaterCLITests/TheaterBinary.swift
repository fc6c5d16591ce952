import Foundation

/// Runs the real `theater` executable built beside the test bundle.
struct TheaterBinary {
    /// What one run printed and how it ended.
    struct Outcome {
        let status: Int32
        let standardOutput: String
        let standardError: String
        /// True when the process ended from a signal (a crash such as SIGSEGV or SIGILL from a
        /// Swift runtime trap, or the kill after a timeout) instead of exiting.
        var endedBySignal = false
        /// True when the run took longer than its time limit and was killed.
        var timedOut = false

        /// Exited by itself (no signal, no timeout) with a status other than 0.
        var failedCleanly: Bool { !endedBySignal && !timedOut && status != 0 }
        /// Both streams, for messages in failed expectations.
        var transcript: String {
            "status \(status)\(endedBySignal ? " (signal)" : "")\(timedOut ? " (timed out)" : "")\n"
                + "stdout: \(standardOutput)\nstderr: \(standardError)"
        }
    }

    let url: URL

    /// The package root, for example files.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Finds the `theater` binary in the build folder the tests run from.
    static func locate() throws -> TheaterBinary {
        let testExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidates = [testExecutable.deletingLastPathComponent().appendingPathComponent("theater")]
        if let bundle = Bundle.main.executableURL {
            candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("theater"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/theater"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates.map(\.path).joined(separator: ", ")])
        }
        return TheaterBinary(url: found)
    }

    /// Runs `theater` with `arguments` and waits for it to end.
    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       standardOutput: String(decoding: outputData, as: UTF8.self),
                       standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Runs `theater` with `arguments` in `directory` (the current one when nil), with
    /// `environment` added to this process's, and kills it when it runs longer than
    /// `timeLimit` seconds, so that a hang fails the test instead of stalling the suite.
    /// Output goes to files, so neither stream can block the process however much it prints.
    func run(_ arguments: [String], in directory: URL?, environment: [String: String] = [:],
             timeLimit: TimeInterval = 60) throws -> Outcome {
        let running = try start(arguments, in: directory, environment: environment)
        return running.wait(timeLimit: timeLimit)
    }

    /// Starts `theater` with `arguments` in `directory`, with `environment` added to this
    /// process's, and returns without waiting.
    func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> RunningTheater {
        try RunningTheater(executable: url, arguments: arguments, directory: directory, environment: environment)
    }
}

/// A `theater` process started by a test: it can be waited for or killed.
final class RunningTheater {
    private let process = Process()
    private let outputFile: URL
    private let errorFile: URL

    init(executable: URL, arguments: [String], directory: URL?, environment: [String: String]) throws {
        let scratch = FileManager.default.temporaryDirectory
        outputFile = scratch.appendingPathComponent("theater-out-\(UUID())")
        errorFile = scratch.appendingPathComponent("theater-err-\(UUID())")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
    }

    /// The process id.
    var processIdentifier: Int32 { process.processIdentifier }

    /// Whether the process is still running.
    var isRunning: Bool { process.isRunning }

    /// Sends `signal` to the process.
    func kill(_ signal: Int32) {
        Foundation.kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end, killing it with SIGKILL after `timeLimit` seconds.
    func wait(timeLimit: TimeInterval = 60) -> TheaterBinary.Outcome {
        let timedOut = process.waitUntilExit(timeLimit: timeLimit)
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        let output = (try? Data(contentsOf: outputFile)) ?? Data()
        let error = (try? Data(contentsOf: errorFile)) ?? Data()
        return TheaterBinary.Outcome(status: process.terminationStatus,
                                     standardOutput: String(decoding: output, as: UTF8.self),
                                     standardError: String(decoding: error, as: UTF8.self),
                                     endedBySignal: process.terminationReason == .uncaughtSignal,
                                     timedOut: timedOut)
    }
}
