import Foundation

/// What a group of client processes measured together: how many commands in how long
/// (from the first client's start to the last one's end) and the latency percentiles.
struct LatencySummary {
    let commands: Int
    let seconds: Double
    let p50: Double
    let p99: Double

    /// Reads the clients' result lines (see `BenchClient`).
    init(results: [String]) {
        var starts: [UInt64] = [], ends: [UInt64] = [], latencies: [UInt32] = []
        for line in results {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let start = (object["start"] as? NSNumber)?.uint64Value, let end = (object["end"] as? NSNumber)?.uint64Value,
                  let values = object["latencies_us"] as? [NSNumber] else {
                ServerBenchOptions.fail("a client printed no result: \(line.prefix(200))")
            }
            starts.append(start)
            ends.append(end)
            latencies.append(contentsOf: values.map(\.uint32Value))
        }
        latencies.sort()
        commands = latencies.count
        seconds = Double((ends.max() ?? 0) - (starts.min() ?? 0)) / 1e9
        func percentile(_ fraction: Double) -> Double {
            latencies.isEmpty ? 0 : Double(latencies[min(latencies.count - 1, Int(Double(latencies.count) * fraction))]) / 1000
        }
        p50 = percentile(0.50)
        p99 = percentile(0.99)
    }

    /// Commands per second.
    var rate: Double { Double(commands) / seconds }
}
