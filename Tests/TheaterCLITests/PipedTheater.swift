import Foundation

/// A `theater` process whose standard input is a pipe the test writes to (for `shell` and
/// `channel open`); its output goes to files, read when it ends.
final class PipedTheater {
    private let process = Process()
    private let input = Pipe()
    private let outputFile: URL
    private let errorFile: URL

    /// Starts `theater` with `arguments`.
    init(_ binary: TheaterBinary, _ arguments: [String]) throws {
        let scratch = FileManager.default.temporaryDirectory
        outputFile = scratch.appendingPathComponent("theater-piped-out-\(UUID())")
        errorFile = scratch.appendingPathComponent("theater-piped-err-\(UUID())")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.executableURL = binary.url
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
    }

    /// Writes `text` to the process's standard input.
    func write(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Ends the process's standard input.
    func endInput() {
        try? input.fileHandleForWriting.close()
    }

    /// What the process has printed on standard output so far.
    var outputSoFar: String {
        String(decoding: (try? Data(contentsOf: outputFile)) ?? Data(), as: UTF8.self)
    }

    /// Waits until standard output contains `text` (or `seconds` pass); returns whether it did.
    func waitForOutput(containing text: String, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if outputSoFar.contains(text) { return true }
            if !process.isRunning { break }
            usleep(20_000)
        }
        return outputSoFar.contains(text)
    }

    /// Waits for the process to end (killed after `timeLimit` seconds) and returns what it did.
    func wait(timeLimit: TimeInterval = 60) -> TheaterBinary.Outcome {
        let timedOut = process.waitUntilExit(timeLimit: timeLimit)
        endInput()
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        return TheaterBinary.Outcome(status: process.terminationStatus, standardOutput: outputSoFar,
                                     standardError: String(decoding: (try? Data(contentsOf: errorFile)) ?? Data(), as: UTF8.self),
                                     endedBySignal: process.terminationReason == .uncaughtSignal, timedOut: timedOut)
    }
}
