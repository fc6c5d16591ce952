import Foundation
import Testing
@testable import WasmEngine

/// A small runner for the official spec suite's execution commands, used to check the
/// runtime against the suite while the real harness (`spec-tests`) is built elsewhere.
/// It runs module, register, invoke/get, assert_return, assert_trap,
/// assert_exhaustion, assert_unlinkable and assert_uninstantiable; the
/// decoder's and validator's own assertions (malformed/invalid) are skipped.
struct SpecScriptRunner {
    let store = Store(configuration: StoreConfiguration(maxCallDepth: 2_000))
    var imports = Imports()
    var named: [String: Instance] = [:]
    var current: Instance?
    var passed = 0
    var failures: [String] = []

    init() {
        let printType = { (params: [ValueType]) in FunctionType(parameters: params) }
        let noop: HostFunctionBody = { _, _ in .values([]) }
        for (name, params) in [("print", []), ("print_i32", [ValueType.i32]), ("print_i64", [.i64]),
                               ("print_f32", [.f32]), ("print_f64", [.f64]), ("print_i32_f32", [.i32, .f32]),
                               ("print_f64_f64", [.f64, .f64])] {
            imports.define(module: "spectest", name: name,
                           .function(store.allocateHostFunction(type: printType(params), noop)))
        }
        let globals: [(String, ValueType, Value)] = [
            ("global_i32", .i32, .i32(666)), ("global_i64", .i64, .i64(666)),
            ("global_f32", .f32, .float32(666.6)), ("global_f64", .f64, .float64(666.6)),
        ]
        for (name, type, value) in globals {
            let address = try! store.allocateGlobal(type: GlobalType(valueType: type, isMutable: false), value: value)
            imports.define(module: "spectest", name: name, .global(address))
        }
        let table = try! store.allocateTable(type: TableType(elementType: .funcref, limits: Limits(min: 10, max: 20)),
                                             initialValue: .funcref(nil))
        imports.define(module: "spectest", name: "table", .table(table))
        let memory = try! store.allocateMemory(type: MemoryType(limits: Limits(min: 1, max: 2)))
        imports.define(module: "spectest", name: "memory", .memory(memory))
    }

    func instantiate(_ module: WastModule) throws -> Instance {
        let bytes: [UInt8]
        switch module.source {
        case .binary(let b): bytes = b
        case .quote(let text): bytes = try WAT.encodeModule(text)
        case .textError(let error): throw error
        }
        let validated = try Validator.validate(try Module(decoding: bytes))
        return try store.instantiate(validated, imports: imports)
    }

    func instance(_ name: String?) -> Instance? {
        if let name { return named[name] }
        return current
    }

    func perform(_ action: WastAction) throws -> [Value] {
        switch action {
        case .invoke(let module, let name, let arguments):
            guard let instance = instance(module), let function = instance.exportedFunction(name) else { throw InvocationError("no export \(name)") }
            return try store.invoke(function, arguments.map(Self.value))
        case .get(let module, let name):
            guard let instance = instance(module), let global = instance.exportedGlobal(name) else { throw InvocationError("no global \(name)") }
            return [store.value(of: global)]
        }
    }

    static func value(_ v: WastValue) -> Value {
        switch v {
        case .i32(let x): return .i32(x)
        case .i64(let x): return .i64(x)
        case .f32(let x): return .f32(x)
        case .f64(let x): return .f64(x)
        case .refNull(let t): return t == .externref ? .externref(nil) : .funcref(nil)
        case .refExtern(let x): return .externref(x)
        case .refFunc: return .funcref(nil)
        }
    }

    static func matches(_ value: Value, _ expectation: WastExpectation) -> Bool {
        switch (expectation, value) {
        case (.value(let v), _): return self.value(v) == value
        case (.f32NaN(let p), .f32(let bits)):
            return p == .canonical ? (bits & 0x7FFF_FFFF) == 0x7FC0_0000 : (bits & 0x7FC0_0000) == 0x7FC0_0000
        case (.f64NaN(let p), .f64(let bits)):
            return p == .canonical ? (bits & ~(1 << 63)) == 0x7FF8_0000_0000_0000 : (bits & 0x7FF8_0000_0000_0000) == 0x7FF8_0000_0000_0000
        case (.refNull(let t), .funcref(nil)): return t == nil || t == .funcref
        case (.refNull(let t), .externref(nil)): return t == nil || t == .externref
        case (.refExtern(let x), .externref(let y?)): return x == nil || x == y
        case (.refFunc, .funcref(_?)): return true
        case (.either(let options), _): return options.contains { matches(value, $0) }
        default: return false
        }
    }

    mutating func run(_ script: WastScript, file: String) {
        for command in script.commands {
            switch command {
            case .module(let module):
                do {
                    let instance = try instantiate(module)
                    current = instance
                    if let name = module.name { named[name] = instance }
                    passed += 1
                } catch {
                    failures.append("\(file):\(module.line): module failed: \(error)")
                    current = nil
                }
            case .register(let name, let module, let line):
                guard let instance = instance(module) else {
                    failures.append("\(file):\(line): register of unknown module")
                    continue
                }
                imports.define(module: name, instance: instance)
            case .action(let action, let line):
                do { _ = try perform(action); passed += 1 } catch { failures.append("\(file):\(line): \(error)") }
            case .assertReturn(let action, let expected, let line):
                do {
                    let results = try perform(action)
                    if results.count == expected.count && zip(results, expected).allSatisfy({ Self.matches($0, $1) }) {
                        passed += 1
                    } else {
                        failures.append("\(file):\(line): got \(results), expected \(expected)")
                    }
                } catch {
                    failures.append("\(file):\(line): \(error)")
                }
            case .assertTrap(let action, let message, let line), .assertExhaustion(let action, let message, let line):
                do {
                    let results = try perform(action)
                    failures.append("\(file):\(line): expected trap \(message), got \(results)")
                } catch let trap as Trap {
                    if trap.reason.message.hasPrefix(message) || message.hasPrefix(trap.reason.message) {
                        passed += 1
                    } else {
                        failures.append("\(file):\(line): expected trap \(message), got \(trap.reason.message)")
                    }
                } catch {
                    failures.append("\(file):\(line): expected trap \(message), got \(error)")
                }
            case .assertTrapModule(let module, let message, let line), .assertUninstantiable(let module, let message, let line):
                do {
                    _ = try instantiate(module)
                    failures.append("\(file):\(line): expected instantiation trap \(message)")
                } catch let trap as Trap {
                    if trap.reason.message.hasPrefix(message) || message.hasPrefix(trap.reason.message) {
                        passed += 1
                    } else {
                        failures.append("\(file):\(line): expected trap \(message), got \(trap.reason.message)")
                    }
                } catch {
                    failures.append("\(file):\(line): expected trap \(message), got \(error)")
                }
            case .assertUnlinkable(let module, let message, let line):
                do {
                    _ = try instantiate(module)
                    failures.append("\(file):\(line): expected link error \(message)")
                } catch let error as LinkError {
                    if error.message.hasPrefix(message) { passed += 1 } else {
                        failures.append("\(file):\(line): expected \(message), got \(error.message)")
                    }
                } catch {
                    failures.append("\(file):\(line): expected link error \(message), got \(error)")
                }
            case .assertMalformed, .assertInvalid:
                break
            }
        }
    }
}

@Suite struct ExecutionSpecSuiteTests {
    static let suiteDirectory = URL(fileURLWithPath: "/work/shared/wasm-testsuite")

    static let files: [String] = {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: suiteDirectory.path)) ?? []
        let only = ProcessInfo.processInfo.environment["SPEC_ONLY"]
        return all.filter { $0.hasSuffix(".wast") && !$0.hasPrefix("simd_") && (only == nil || $0 == only! + ".wast") }.sorted()
    }()

    @Test(arguments: files)
    func runsSpecScript(_ file: String) throws {
        let text = try String(contentsOf: Self.suiteDirectory.appendingPathComponent(file), encoding: .utf8)
        let script = try WastScript.parse(text)
        var runner = SpecScriptRunner()
        runner.run(script, file: file)
        print("SPEC \(file): \(runner.passed) passed, \(runner.failures.count) failed")
        if !runner.failures.isEmpty {
            print("\(file): \(runner.passed) passed, \(runner.failures.count) failed\n" + runner.failures.prefix(15).joined(separator: "\n"))
        }
        #expect(runner.failures.isEmpty, "\(file): \(runner.failures.count) failures, first: \(runner.failures.first ?? "")")
    }
}
