import Foundation

/// Repeated timings of one program on one engine, in seconds.
struct Samples {
    private(set) var values: [Double] = []

    mutating func append(_ seconds: Double) { values.append(seconds) }

    var isEmpty: Bool { values.isEmpty }
    var count: Int { values.count }
    var min: Double { values.min() ?? .nan }
    var max: Double { values.max() ?? .nan }

    /// The middle value (mean of the two middle ones for an even count): robust against
    /// the occasional run disturbed by other load on the machine.
    var median: Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// The geometric mean of positive ratios (nil when there are none): the right average for
/// "times slower", since it treats 2x and 0.5x symmetrically.
func geometricMean(_ ratios: [Double]) -> Double? {
    let usable = ratios.filter { $0 > 0 && $0.isFinite }
    guard !usable.isEmpty else { return nil }
    return exp(usable.map { log($0) }.reduce(0, +) / Double(usable.count))
}

/// Measures wall-clock durations with the monotonic clock.
enum Stopwatch {
    /// Runs `body` and returns its result with the elapsed seconds.
    static func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try body()
        let end = DispatchTime.now().uptimeNanoseconds
        return (result, Double(end - start) / 1e9)
    }
}
