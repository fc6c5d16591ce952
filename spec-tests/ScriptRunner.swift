import WasmEngine

/// Runs the commands of one `.wast` script against a fresh store, as the spec's
/// reference interpreter would, and tallies each assertion as a test.
///
/// All modules of a script share one store, so that registered instances can be linked
/// against each other and shared tables and memories behave as the suite expects.
final class ScriptRunner {
    private let store: Store
    private var imports = Imports()
    private var namedInstances: [String: Instance] = [:]
    private var currentInstance: Instance?
    private(set) var tally = Tally()

    /// The features modules are validated with: the Wasm 2.0 suite asserts that a second
    /// memory is invalid, while the proposals' suites (and the engine's default) allow it.
    private let features: WasmFeatures

    /// `fuel`: run metered with this budget (per script), to check that metering
    /// changes no result; nil runs unmetered. `features`: what the script's suite expects
    /// the engine to accept.
    init(fuel: UInt64? = nil, features: WasmFeatures = .all) throws {
        self.features = features
        store = Store(configuration: StoreConfiguration(fuel: fuel))
        try SpecTestModule.define(in: store, imports: &imports)
    }

    /// Runs every command of `script` in order.
    func run(_ script: WastScript) {
        for command in script.commands {
            run(command)
        }
    }

    private func run(_ command: WastCommand) {
        switch command {
        case .module(let module):
            do {
                let instance = try ModuleLoader.instantiate(ModuleLoader.compile(module, features: features), in: store, imports: imports)
                currentInstance = instance
                if let name = module.name { namedInstances[name] = instance }
            } catch {
                currentInstance = nil
                tally.fail("module", line: module.line, "module failed to load: \(error)")
            }

        case .register(let exportName, let moduleName, let line):
            guard let instance = instance(named: moduleName) else {
                tally.fail("register", line: line, HarnessError.unknownModule(moduleName).description)
                return
            }
            imports.define(module: exportName, instance: instance)

        case .action(let action, let line):
            do { _ = try perform(action) } catch {
                tally.fail("action", line: line, "\(error)")
            }

        case .assertReturn(let action, let expectations, let line):
            assertReturn(action, expectations, line: line)

        case .assertTrap(let action, let message, let line):
            expectTrap(kind: "assert_trap", line: line, message: message, exhaustion: false) { try self.perform(action) }

        case .assertExhaustion(let action, let message, let line):
            expectTrap(kind: "assert_exhaustion", line: line, message: message, exhaustion: true) { try self.perform(action) }

        case .assertTrapModule(let module, let message, let line):
            expectModuleFailure(kind: "assert_trap", module, line: line, message: message) {
                if case .trap = $0 { return true } else { return false }
            }

        case .assertUninstantiable(let module, let message, let line):
            expectModuleFailure(kind: "assert_uninstantiable", module, line: line, message: message) {
                if case .trap = $0 { return true } else { return false }
            }

        case .assertUnlinkable(let module, let message, let line):
            expectModuleFailure(kind: "assert_unlinkable", module, line: line, message: message) {
                if case .link = $0 { return true } else { return false }
            }

        case .assertInvalid(let module, let message, let line):
            expectModuleFailure(kind: "assert_invalid", module, line: line, message: message) {
                if case .validation = $0 { return true } else { return false }
            }

        case .assertMalformed(let module, let message, let line):
            expectModuleFailure(kind: "assert_malformed", module, line: line, message: message) {
                switch $0 {
                case .text, .decode: return true
                default: return false
                }
            }
        }
    }

    /// Trap and link messages must agree with the script's; decode and validation
    /// wording is left free, since the spec only fixes which stage rejects a module.
    private static func runtimeMessage(of failure: LoadFailure) -> String? {
        switch failure {
        case .trap(let trap): return trap.reason.message
        case .link(let error): return error.message
        default: return nil
        }
    }

    /// The suite sometimes abbreviates a message ("unknown import" for "unknown import
    /// m.f"), so either may be a prefix of the other.
    private static func messagesAgree(_ actual: String, _ expected: String) -> Bool {
        actual.hasPrefix(expected) || expected.hasPrefix(actual)
    }

    private func instance(named name: String?) -> Instance? {
        guard let name else { return currentInstance }
        return namedInstances[name]
    }

    private func perform(_ action: WastAction) throws -> [Value] {
        switch action {
        case .invoke(let moduleName, let name, let arguments):
            guard let instance = instance(named: moduleName) else { throw HarnessError.unknownModule(moduleName) }
            guard let function = instance.exportedFunction(name) else { throw HarnessError.unknownExport(name) }
            return try store.invoke(function, arguments.map(ExpectationMatcher.value(from:)))
        case .get(let moduleName, let name):
            guard let instance = instance(named: moduleName) else { throw HarnessError.unknownModule(moduleName) }
            guard let export = instance.export(name) else { throw HarnessError.unknownExport(name) }
            guard case .global(let global) = export else { throw HarnessError.notAGlobal(name) }
            return [store.value(of: global)]
        }
    }

    private func assertReturn(_ action: WastAction, _ expectations: [WastExpectation], line: Int) {
        let kind = "assert_return"
        let results: [Value]
        do { results = try perform(action) } catch {
            tally.fail(kind, line: line, "expected results, got \(error)")
            return
        }
        guard results.count == expectations.count,
              zip(results, expectations).allSatisfy({ ExpectationMatcher.matches($0, $1) })
        else {
            let got = results.map(ExpectationMatcher.describe).joined(separator: ", ")
            tally.fail(kind, line: line, "result mismatch: got [\(got)], expected \(expectations)")
            return
        }
        tally.pass(kind)
    }

    private func expectTrap(kind: String, line: Int, message: String, exhaustion: Bool, _ body: () throws -> [Value]) {
        do {
            let results = try body()
            let got = results.map(ExpectationMatcher.describe).joined(separator: ", ")
            tally.fail(kind, line: line, "expected trap \"\(message)\", got [\(got)]")
        } catch let trap as Trap {
            if exhaustion && trap.reason != .callStackExhausted {
                tally.fail(kind, line: line, "expected exhaustion, got trap \(trap.reason.message)")
            } else if !Self.messagesAgree(trap.reason.message, message) {
                tally.fail(kind, line: line, "expected trap \"\(message)\", got trap \"\(trap.reason.message)\"")
            } else {
                tally.pass(kind)
            }
        } catch {
            tally.fail(kind, line: line, "expected trap \"\(message)\", got error \(error)")
        }
    }

    private func expectModuleFailure(kind: String, _ module: WastModule, line: Int, message: String,
                                     isExpected: (LoadFailure) -> Bool) {
        do {
            let instance = try ModuleLoader.instantiate(ModuleLoader.compile(module, features: features), in: store, imports: imports)
            _ = instance
            tally.fail(kind, line: line, "expected failure \"\(message)\", but the module loaded")
        } catch {
            if !isExpected(error) {
                tally.fail(kind, line: line, "expected \"\(message)\", got \(error)")
            } else if let actual = Self.runtimeMessage(of: error), !Self.messagesAgree(actual, message) {
                tally.fail(kind, line: line, "expected \"\(message)\", got \"\(actual)\"")
            } else {
                tally.pass(kind)
            }
        }
    }
}
