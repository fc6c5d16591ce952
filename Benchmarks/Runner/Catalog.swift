import Foundation

/// One benchmark program: `programs/<name>.wasm`, exporting `run(iterations) -> checksum`.
struct Program {
    let name: String
    let defaultIterations: Int
    let summary: String
    let file: URL

    /// The iteration count for `scale`: max(1, floor(count * scale + 0.5)), the same rule
    /// record_checksums.py uses, so smoke counts match recorded checksums.
    func iterations(scale: Double) -> Int {
        max(1, Int((Double(defaultIterations) * scale + 0.5).rounded(.down)))
    }
}

/// The programs (from `programs/benchmarks.txt`) and the checksums the peers agreed on
/// (from `expected-checksums.txt`).
struct Catalog {
    let directory: URL
    let programs: [Program]
    /// Expected checksum by program name and iteration count.
    let expected: [String: [Int: UInt32]]

    /// The name of the program used to measure load time.
    static let largeModuleName = "large"

    /// Finds the Benchmarks folder: the option, else next to this source file (the package
    /// checkout the runner was built from), else `./Benchmarks`.
    static func locateDirectory(_ option: URL?) throws -> URL {
        let manager = FileManager.default
        let candidates = [
            option,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent(),
            URL(fileURLWithPath: manager.currentDirectoryPath).appendingPathComponent("Benchmarks"),
        ].compactMap { $0 }
        for candidate in candidates
        where manager.fileExists(atPath: candidate.appendingPathComponent("programs/benchmarks.txt").path) {
            return candidate
        }
        throw CatalogError("cannot find the Benchmarks folder (looked in \(candidates.map(\.path))); pass --benchmarks DIR")
    }

    /// Reads both files; throws `CatalogError` naming the file and line of a malformed entry.
    static func load(from directory: URL) throws -> Catalog {
        var programs: [Program] = []
        for (number, fields) in try records(directory.appendingPathComponent("programs/benchmarks.txt"), minimumFields: 2) {
            guard let count = Int(fields[1]), count > 0 else {
                throw CatalogError("programs/benchmarks.txt line \(number): iteration count '\(fields[1])' is not a positive integer")
            }
            programs.append(Program(
                name: fields[0], defaultIterations: count, summary: fields.dropFirst(2).joined(separator: " "),
                file: directory.appendingPathComponent("programs/\(fields[0]).wasm")))
        }
        var expected: [String: [Int: UInt32]] = [:]
        let checksums = directory.appendingPathComponent("expected-checksums.txt")
        if FileManager.default.fileExists(atPath: checksums.path) {
            for (number, fields) in try records(checksums, minimumFields: 3) {
                guard let iterations = Int(fields[1]), let checksum = UInt32(fields[2]) else {
                    throw CatalogError("expected-checksums.txt line \(number): expected 'name iterations checksum'")
                }
                expected[fields[0], default: [:]][iterations] = checksum
            }
        }
        return Catalog(directory: directory, programs: programs, expected: expected)
    }

    /// The non-comment lines of a whitespace-separated text file, with their line numbers.
    private static func records(_ file: URL, minimumFields: Int) throws -> [(Int, [String])] {
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw CatalogError("cannot read \(file.path): \(error.localizedDescription)")
        }
        var result: [(Int, [String])] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { String($0) }
            if fields.isEmpty { continue }
            guard fields.count >= minimumFields else {
                throw CatalogError("\(file.lastPathComponent) line \(index + 1): expected at least \(minimumFields) fields")
            }
            result.append((index + 1, fields))
        }
        return result
    }
}

/// A missing or malformed benchmark file.
struct CatalogError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
