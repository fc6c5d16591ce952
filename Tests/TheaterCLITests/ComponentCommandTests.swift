import ComponentModel
import Foundation
import Testing

/// End-to-end checks of `theater component inspect` and `theater component run` on small
/// components written in the component text format.
@Suite struct ComponentCommandTests {
    let theater: TheaterBinary
    let folder: URL

    init() throws {
        theater = try TheaterBinary.locate()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("theater-component-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes `text` encoded as a component binary and returns its path.
    private func write(_ text: String, as name: String = "test.wasm") throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(try ComponentWAT.encode(text)).write(to: url)
        return url.path
    }

    /// Runs `call` on `fixture` (written to a file of its own, removed afterwards).
    private func run(_ fixture: String, _ call: String, _ extra: [String] = []) throws -> TheaterBinary.Outcome {
        let path = try write(fixture, as: "\(UUID()).wasm")
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try theater.run(["component", "run", path, "--invoke", call] + extra)
    }

    // MARK: inspect

    @Test func inspectPrintsImportsAndExportsInWIT() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try theater.run(["component", "inspect", try write(ComponentFixtures.hello)])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("import wasi:cli/stdout@0.2.9"))
        #expect(outcome.standardOutput.contains("export run: func() -> u32;"))
    }

    @Test func inspectRejectsACoreModule() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("core.wasm")
        try Data([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]).write(to: path)
        let outcome = try theater.run(["component", "inspect", path.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("core WebAssembly module, not a component"))
    }

    // MARK: run: values

    @Test func runParsesWAVEArgumentsAndPrintsTheResult() throws {
        let outcome = try run(ComponentFixtures.arithmetic, "add(40, -2)")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "38\n")
    }

    @Test func anErrResultIsPrintedAsAResult() throws {
        let ok = try run(ComponentFixtures.arithmetic, "divide(7, 2)")
        #expect(ok.status == 0, "\(ok.standardError)")
        #expect(ok.standardOutput == "ok(3)\n")
        let err = try run(ComponentFixtures.arithmetic, "divide(7, 0)")
        #expect(err.status == 0, "\(err.standardError)")
        #expect(err.standardOutput == "err(\"division by zero\")\n")
    }

    @Test func aFunctionWithoutResultPrintsNothing() throws {
        let outcome = try run(ComponentFixtures.arithmetic, "nothing()")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "")
    }

    @Test func functionsOfExportedInterfacesAreNamedWithAHash() throws {
        let short = try run(ComponentFixtures.arithmetic, "theater:test/math@0.1.0#add(1, 2)")
        #expect(short.status == 0, "\(short.standardError)")
        #expect(short.standardOutput == "3\n")
    }

    @Test func timingsGoToStandardError() throws {
        let outcome = try run(ComponentFixtures.arithmetic, "add(1, 1)", ["--timings"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "2\n")
        #expect(outcome.standardError.contains("instantiate"))
        #expect(outcome.standardError.contains("call"))
    }

    // MARK: run: WASI

    @Test func aComponentWritesToStdoutThroughWASI() throws {
        let outcome = try run(ComponentFixtures.hello, "run()")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "hello, stdout\n0\n")
    }

    @Test func anUnprovidedImportTrapsWhenCalled() throws {
        let outcome = try run(ComponentFixtures.arithmetic, "ping()")
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("`theater:test/missing@0.1.0#ping` is not provided by this host"))
    }

    @Test func wasiExitEndsTheRunWithTheComponentsStatus() throws {
        let failed = try run(ComponentFixtures.exit, "quit(true)")
        #expect(failed.status == 1)
        #expect(!failed.standardError.contains("trapped"))
        let succeeded = try run(ComponentFixtures.exit, "quit(false)", ["--timings"])
        #expect(succeeded.status == 0, "\(succeeded.standardError)")
        #expect(succeeded.standardOutput == "")
        #expect(succeeded.standardError.contains("call"))
    }

    // MARK: run: failures

    @Test func aTrapIsAnErrorWithStatusOne() throws {
        let outcome = try run(ComponentFixtures.arithmetic, "boom()")
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("boom trapped: unreachable"))
        #expect(outcome.standardOutput == "")
    }

    @Test func aMissingExportListsTheExportedFunctions() throws {
        let outcome = try run(ComponentFixtures.arithmetic, "multiply(1, 2)")
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("no function named `multiply`"))
        #expect(outcome.standardError.contains("add, divide"))
        #expect(outcome.standardError.contains("theater:test/math@0.1.0#add"))
    }

    @Test func badArgumentsNameTheParameterTypes() throws {
        let wrongType = try run(ComponentFixtures.arithmetic, "add(1, \"two\")")
        #expect(wrongType.status == 1)
        #expect(wrongType.standardError.contains("bad arguments for add(s32, s32)"))
        let tooFew = try run(ComponentFixtures.arithmetic, "add(1)")
        #expect(tooFew.status == 1)
        #expect(tooFew.standardError.contains("bad arguments"))
        let outOfRange = try run(ComponentFixtures.arithmetic, "divide(-1, 1)")
        #expect(outOfRange.status == 1)
        #expect(outOfRange.standardError.contains("bad arguments"))
    }

    @Test func aMalformedCallIsRejectedBeforeLoading() throws {
        let outcome = try run(ComponentFixtures.arithmetic, "add")
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("expected '(' after the function name"))
    }
}
