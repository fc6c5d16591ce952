import Foundation

/// Failures a run is expected to have, each listed with the reason it cannot pass yet,
/// so that a suite with known gaps can still gate CI strictly: any failure not listed
/// fails the run, and so does a listed one that now passes (the list must shrink with
/// the gaps).
///
/// File format: one failure per line, `PATH:LINE reason`, where PATH is the script's
/// path relative to the folder given on the command line (its suffix is matched) and
/// LINE the line the harness reports; `#` starts a comment.
struct KnownFailures {
    /// One expected failure.
    struct Entry: Hashable {
        let pathSuffix: String
        let line: Int
    }

    private(set) var entries: [Entry: String] = [:]

    /// What is wrong with the file.
    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    /// No expected failures.
    init() {}

    /// Reads the list at `path`.
    init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormatError(description: "cannot read the known-failures file \(path)")
        }
        for (number, rawLine) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let location = trimmed.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            guard let colon = location.lastIndex(of: ":"), let lineNumber = Int(location[location.index(after: colon)...]) else {
                throw FormatError(description: "\(path):\(number + 1): expected `PATH:LINE reason`, got `\(trimmed)`")
            }
            let reason = trimmed.dropFirst(location.count).trimmingCharacters(in: .whitespaces)
            entries[Entry(pathSuffix: String(location[..<colon]), line: lineNumber)] = reason.isEmpty ? "(no reason given)" : reason
        }
    }

    /// The entries that list the failure at `line` of the script at `path` (empty when
    /// the failure is not expected).
    func entries(matching path: String, line: Int) -> [Entry] {
        entries.keys.filter { $0.line == line && path.hasSuffix($0.pathSuffix) }
    }

    /// The listed failures of scripts among `paths` that did not happen (they pass now).
    func stale(paths: [String], failed: Set<Entry>) -> [Entry] {
        entries.keys.filter { entry in
            paths.contains { $0.hasSuffix(entry.pathSuffix) } && !failed.contains(entry)
        }.sorted { ($0.pathSuffix, $0.line) < ($1.pathSuffix, $1.line) }
    }
}
