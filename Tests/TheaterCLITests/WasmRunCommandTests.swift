import Foundation
import Testing

/// End-to-end checks of `theater wasm run` on a module clang compiled from C
/// (examples/c/numbers.c). Expected values are computed here in Swift, independently.
@Suite struct WasmRunCommandTests {
    let theater: TheaterBinary
    let numbers = TheaterBinary.packageRoot.appendingPathComponent("examples/c/numbers.wasm").path

    init() throws {
        theater = try TheaterBinary.locate()
    }

    private func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }

    @Test func recursiveFibonacciMatchesSwift() throws {
        let outcome = try theater.run(["wasm", "run", numbers, "--invoke", "fib", "22"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "\(fib(22))\n")
    }

    @Test func sixtyFourBitResultsPrintAsSignedDecimal() throws {
        let outcome = try theater.run(["wasm", "run", numbers, "--invoke", "factorial", "25"])
        let expected = (2...25).reduce(UInt64(1)) { $0 &* UInt64($1) }
        #expect(outcome.standardOutput == "\(Int64(bitPattern: expected))\n")
    }

    @Test func negativeArgumentsAfterDoubleDash() throws {
        let outcome = try theater.run(["wasm", "run", numbers, "--invoke", "gcd", "--", "-48", "18"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "6\n")
    }

    /// A function whose body nests `depth` blocks, folded or plain, around `i32.const 7`.
    private func nestedBlocks(depth: Int, folded: Bool) throws -> String {
        let body = folded ? String(repeating: "(block ", count: depth) + String(repeating: ")", count: depth)
                          : String(repeating: "block ", count: depth) + String(repeating: "end ", count: depth)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("theater-nesting-\(UUID()).wat")
        try Data("(module (func (export \"f\") (result i32) \(body) (i32.const 7)))".utf8).write(to: url)
        return url.path
    }

    @Test func foldedInstructionsNestedTooDeeplyAreAClearErrorNotACrash() throws {
        let path = try nestedBlocks(depth: 1_001, folded: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try theater.run(["wasm", "run", path, "--invoke", "f"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("folded instructions nest more than 1000 levels deep"))
        let limit = try nestedBlocks(depth: 1_000, folded: true)
        defer { try? FileManager.default.removeItem(atPath: limit) }
        #expect(try theater.run(["wasm", "run", limit, "--invoke", "f"]).standardOutput == "7\n")
    }

    @Test func deeplyNestedPlainBlocksParseWithoutRecursion() throws {
        let path = try nestedBlocks(depth: 100_000, folded: false)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try theater.run(["wasm", "run", path, "--invoke", "f"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "7\n")
    }

    @Test func floatResultsReadBackExactly() throws {
        let outcome = try theater.run(["wasm", "run", numbers, "--invoke", "newton_sqrt", "2"])
        var guess = 2.0
        for _ in 0..<60 { guess = 0.5 * (guess + 2.0 / guess) }
        #expect(Double(outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)) == guess)
    }

    @Test func trapExitsNonZeroWithItsReason() throws {
        let outcome = try theater.run(["wasm", "run", numbers, "--invoke", "divide", "7", "0"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("integer divide by zero"))
    }

    @Test func unknownExportListsTheExportedFunctions() throws {
        let outcome = try theater.run(["wasm", "run", numbers, "--invoke", "nope"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("no function named \"nope\""))
        #expect(outcome.standardError.contains("fib"))
    }

    @Test func wrongArgumentCountIsAnError() throws {
        let outcome = try theater.run(["wasm", "run", numbers, "--invoke", "gcd", "1"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("takes 2 argument"))
    }

    @Test func missingFileIsAnError() throws {
        let outcome = try theater.run(["wasm", "run", "/nonexistent/file.wasm", "--invoke", "f"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("cannot read"))
    }

    @Test func malformedModuleIsAnError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("theater-bad-\(UUID()).wasm")
        try Data([0x00, 0x61, 0x73, 0x6D, 0x02, 0x00]).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let outcome = try theater.run(["wasm", "run", path.path, "--invoke", "f"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("malformed"))
    }

    @Test func fuelLimitStopsLongComputations() throws {
        let outcome = try theater.run(["wasm", "run", numbers, "--fuel", "1000", "--invoke", "fib", "25"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("fuel"))
    }

    @Test func textModulesRunToo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("theater-add-\(UUID()).wat")
        try Data(#"(module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))"#.utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let outcome = try theater.run(["wasm", "run", path.path, "--invoke", "add", "40", "2"])
        #expect(outcome.standardOutput == "42\n", "\(outcome.standardError)")
    }
}
