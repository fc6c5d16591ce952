import Foundation
import Testing
@testable import WasmEngine

/// An opt-in timing harness for comparing the interpreter with other engines:
/// `BENCH_WASM=file.wasm BENCH_FUNC=fib BENCH_ARG=30 swift test -c release
/// -Xswiftc -enable-testing --filter InterpreterBenchmarkTests` prints the result and the
/// time of one invocation (translation included). Disabled unless BENCH_WASM is set.
@Suite struct InterpreterBenchmarkTests {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["BENCH_WASM"] != nil))
    func timeOneInvocation() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.environment["BENCH_WASM"]!)))
        let store = Store()
        let instance = try store.instantiate(try Validator.validate(try Module(decoding: bytes)), imports: Imports())
        let name = Self.environment["BENCH_FUNC"] ?? "main"
        let function = try #require(instance.exportedFunction(name))
        let arguments = (Self.environment["BENCH_ARG"]).map { [Value.i32(UInt32($0)!)] } ?? []
        let clock = ContinuousClock()
        var results: [Value] = []
        let elapsed = try clock.measure { results = try store.invoke(function, arguments) }
        print("BENCH \(name)(\(arguments)) = \(results) in \(elapsed)")
        #expect(!results.isEmpty)
    }
}
