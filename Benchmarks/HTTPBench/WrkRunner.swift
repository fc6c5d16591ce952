import Foundation

/// Runs wrk against a URL and reads its report.
struct WrkRunner {
    let threads: Int
    let connections: Int

    /// Whether wrk is on the PATH.
    var isAvailable: Bool { executable != nil }

    private var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/wrk" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// One wrk run of `seconds` against `url`.
    func run(url: String, seconds: Int) throws -> WrkResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? "/usr/bin/wrk")
        process.arguments = ["-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--latency", url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0, let result = WrkResult(report: text) else {
            HTTPBenchOptions.fail("wrk failed against \(url):\n\(text)")
        }
        return result
    }
}

/// What one wrk run measured.
struct WrkResult {
    /// Requests completed per second.
    let requestsPerSecond: Double
    /// Latency percentiles in microseconds.
    let p50: Double, p90: Double, p99: Double
    /// Non-2xx/3xx responses plus socket errors.
    let errors: Int
    /// wrk's whole report.
    let output: String

    /// Reads wrk's `--latency` report; nil when it lacks the figures.
    init?(report: String) {
        var percentiles: [String: Double] = [:]
        var rate: Double?
        var errors = 0
        for line in report.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let first = words.first else { continue }
            if first == "Requests/sec:", words.count == 2 { rate = Double(words[1]) }
            if ["50%", "90%", "99%"].contains(String(first)), words.count == 2 {
                percentiles[String(first)] = Self.microseconds(String(words[1]))
            }
            if line.contains("Non-2xx or 3xx responses:"), let count = words.last.flatMap({ Int($0) }) { errors += count }
            if first == "Socket", line.contains("errors:") {
                // "Socket errors: connect 0, read 0, write 0, timeout 0"
                errors += words.compactMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: ","))) }.reduce(0, +)
            }
        }
        guard let rate, let p50 = percentiles["50%"] ?? nil, let p90 = percentiles["90%"] ?? nil,
              let p99 = percentiles["99%"] ?? nil else { return nil }
        requestsPerSecond = rate
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.errors = errors
        output = report
    }

    /// A wrk duration ("512.00us", "1.20ms", "2.00s") in microseconds.
    private static func microseconds(_ text: String) -> Double? {
        for (unit, scale) in [("us", 1.0), ("ms", 1_000.0), ("s", 1_000_000.0), ("m", 60_000_000.0)] where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count)).map { $0 * scale }
        }
        return nil
    }

    /// The run with the median request rate.
    static func median(of runs: [WrkResult]) -> WrkResult {
        runs.sorted { $0.requestsPerSecond < $1.requestsPerSecond }[runs.count / 2]
    }

    /// One line: rate and percentiles.
    var summary: String {
        String(format: "%9.0f req/s  p50 %@  p90 %@  p99 %@", requestsPerSecond,
               Self.format(p50), Self.format(p90), Self.format(p99))
    }

    /// A table row named `name`.
    func row(_ name: String) -> String {
        name.padding(toLength: 30, withPad: " ", startingAt: 0)
            + String(format: " %10.0f", requestsPerSecond)
            + [p50, p90, p99].map { Self.format($0).leftPadded(to: 11) }.joined()
    }

    private static func format(_ microseconds: Double) -> String {
        microseconds < 1_000 ? String(format: "%.0f us", microseconds) : String(format: "%.2f ms", microseconds / 1_000)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
