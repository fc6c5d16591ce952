/// What running one `.wast` script produced: passes and failures per command kind,
/// and the failures themselves (line and reason) for the report.
struct Tally {
    /// One failed test: where it is in the script and why it failed.
    struct Failure {
        let line: Int
        let kind: String
        let reason: String
    }

    private(set) var passedByKind: [String: Int] = [:]
    private(set) var failedByKind: [String: Int] = [:]
    private(set) var failures: [Failure] = []

    var passed: Int { passedByKind.values.reduce(0, +) }
    var failed: Int { failedByKind.values.reduce(0, +) }

    mutating func pass(_ kind: String) {
        passedByKind[kind, default: 0] += 1
    }

    mutating func fail(_ kind: String, line: Int, _ reason: String) {
        failedByKind[kind, default: 0] += 1
        failures.append(Failure(line: line, kind: kind, reason: reason))
    }

    /// Adds another script's counts into this one (failures are kept per file, not merged).
    mutating func absorbCounts(of other: Tally) {
        for (kind, count) in other.passedByKind { passedByKind[kind, default: 0] += count }
        for (kind, count) in other.failedByKind { failedByKind[kind, default: 0] += count }
    }

    /// Every command kind seen, sorted by name.
    var kinds: [String] {
        Set(passedByKind.keys).union(failedByKind.keys).sorted()
    }
}
