import Foundation
import WasmEngine

// spec-tests: runs official WebAssembly `.wast` scripts against Theater's engine.
//
//   spec-tests [--exclude GLOB]... [--recursive] [--show N] [--kinds] [--fuel N] PATH...
//
// Each PATH is a `.wast` file or a folder of them. Prints one line per file and ends
// with the total, `N passed, M failed`; exits non-zero when anything failed.

let usage = """
usage: spec-tests [--exclude GLOB]... [--recursive] [--show N] [--kinds] [--fuel N] PATH...
  PATH           a .wast file, or a folder whose .wast files are run (sorted by name)
  --exclude GLOB skip files whose name matches GLOB (e.g. 'simd_*'); repeatable
  --recursive    also run .wast files in subfolders of folder PATHs
  --show N       print up to N failures per file (default 5)
  --kinds        print the pass/fail counts per assertion kind before the total
  --fuel N       run every script metered with a budget of N instructions, to check
                 that fuel metering changes no result
  --known-failures FILE
                 failures listed in FILE (`PATH:LINE reason` per line) are expected: the
                 run succeeds when every failure is listed and every listed one fails
"""

var options = HarnessOptions()
do {
    options = try HarnessOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("spec-tests: \(error)\n\(usage)\n".utf8))
    exit(2)
}

let files: [String]
do {
    files = try ScriptFinder.files(for: options)
} catch {
    FileHandle.standardError.write(Data("spec-tests: \(error)\n".utf8))
    exit(2)
}

var knownFailures = KnownFailures()
if let path = options.knownFailuresPath {
    do { knownFailures = try KnownFailures(contentsOf: path) } catch {
        FileHandle.standardError.write(Data("spec-tests: \(error)\n".utf8))
        exit(2)
    }
}

var total = Tally()
var knownCount = 0
var unexpectedCount = 0
var failedEntries: Set<KnownFailures.Entry> = []
let started = Date()
for file in files {
    let tally = ScriptFile.run(path: file, fuel: options.fuel)
    total.absorbCounts(of: tally)
    print("\(file): \(tally.passed) passed, \(tally.failed) failed")
    var shown = 0
    for failure in tally.failures {
        let matching = knownFailures.entries(matching: file, line: failure.line)
        let known = !matching.isEmpty
        if known {
            knownCount += 1
            failedEntries.formUnion(matching)
        } else {
            unexpectedCount += 1
        }
        guard shown < options.failuresShown else { continue }
        shown += 1
        print("  line \(failure.line) [\(failure.kind)]\(known ? " (known)" : ""): \(failure.reason)")
    }
    if tally.failures.count > shown {
        print("  ... and \(tally.failures.count - shown) more failures")
    }
}
if options.printKinds {
    for kind in total.kinds {
        print("  \(kind): \(total.passedByKind[kind] ?? 0) passed, \(total.failedByKind[kind] ?? 0) failed")
    }
}
print(String(format: "  (%d files in %.1f s)", files.count, Date().timeIntervalSince(started)))
var succeeded = total.failed == 0
if let path = options.knownFailuresPath {
    let stale = knownFailures.stale(paths: files, failed: failedEntries)
    for entry in stale {
        print("  listed in \(path) but passes now: \(entry.pathSuffix):\(entry.line)")
    }
    print("  \(knownCount) known failures (\(path)), \(unexpectedCount) unexpected, \(stale.count) listed but passing")
    succeeded = unexpectedCount == 0 && stale.isEmpty
}
print("\(total.passed) passed, \(total.failed) failed")
exit(succeeded ? 0 : 1)
