import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `theater server` process on a free loopback port, with its own data directory, and a
/// way to read its memory use from /proc.
final class ServerProcess {
    let process = Process()
    let address: String
    private let logFile: URL

    /// Starts `theater` (the binary at `path`) as a server and waits until it listens.
    init(theater path: String, dataDirectory: URL) throws {
        logFile = dataDirectory.appendingPathComponent("server.log")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["server", "--address", "127.0.0.1:0", "--data-dir", dataDirectory.appendingPathComponent("data").path]
        process.standardError = try FileHandle(forWritingTo: logFile)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while true {
            let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            if let range = log.range(of: "listening on ") {
                address = String(log[range.upperBound...].prefix { !$0.isWhitespace })
                return
            }
            guard process.isRunning, Date() < deadline else {
                ServerBenchOptions.fail("the server did not start: \(log)")
            }
            usleep(20_000)
        }
    }

    /// Resident memory now and at its peak, in MiB (VmRSS and VmHWM of /proc/PID/status).
    func memory() -> (resident: Double, peak: Double) {
        let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
            return Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0").map { $0 / 1024 } ?? 0
        }
        return (field("VmRSS"), field("VmHWM"))
    }

    /// Stops the server (SIGTERM, as a user would) and waits for it.
    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

/// A process this benchmark started from its own executable in another role.
final class RoleProcess {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    /// Starts this executable with `arguments` and waits for its first line (`ready`,
    /// `subscribed`).
    init(arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        }
        process.arguments = arguments
        // Marks the child, so that a child that does not understand its role fails instead of
        // starting servers and children of its own.
        process.environment = ProcessInfo.processInfo.environment.merging([RoleProcess.childMarker: "1"]) { $1 }
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        _ = readLine()
    }

    /// The environment variable set in every child.
    static let childMarker = "THEATER_SERVER_BENCH_CHILD"

    /// Tells the process to begin.
    func go() {
        input.fileHandleForWriting.write(Data("go\n".utf8))
    }

    /// The next line the process prints (nil at its end).
    func readLine() -> String? {
        var bytes = [UInt8]()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            guard let first = byte.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if first == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(first)
        }
    }

    /// The rest of the output, read at once (a client's result line can be megabytes).
    func readRest() -> String {
        String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// Ends the process at once (SIGKILL: a child may inherit a mask that blocks SIGTERM).
    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
