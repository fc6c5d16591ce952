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

var total = Tally()
let started = Date()
for file in files {
    let tally = ScriptFile.run(path: file, fuel: options.fuel)
    total.absorbCounts(of: tally)
    print("\(file): \(tally.passed) passed, \(tally.failed) failed")
    for failure in tally.failures.prefix(options.failuresShown) {
        print("  line \(failure.line) [\(failure.kind)]: \(failure.reason)")
    }
    if tally.failures.count > options.failuresShown {
        print("  ... and \(tally.failures.count - options.failuresShown) more failures")
    }
}
if options.printKinds {
    for kind in total.kinds {
        print("  \(kind): \(total.passedByKind[kind] ?? 0) passed, \(total.failedByKind[kind] ?? 0) failed")
    }
}
print(String(format: "  (%d files in %.1f s)", files.count, Date().timeIntervalSince(started)))
print("\(total.passed) passed, \(total.failed) failed")
exit(total.failed == 0 ? 0 : 1)
