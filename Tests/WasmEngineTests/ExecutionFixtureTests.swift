import Testing
@testable import WasmEngine

/// Shared helpers for the runtime's tests: compile WAT text and instantiate it.
extension Store {
    /// Encodes, decodes, validates and instantiates a module given in WAT.
    func instantiate(wat: String, imports: Imports = Imports()) throws -> Instance {
        let module = try Module(decoding: try WAT.encodeModule(wat))
        return try instantiate(try Validator.validate(module), imports: imports)
    }

    /// Invokes export `name` of `instance`.
    @discardableResult
    func call(_ instance: Instance, _ name: String, _ arguments: [Value] = []) throws -> [Value] {
        guard let function = instance.exportedFunction(name) else { throw InvocationError("no export \(name)") }
        return try invoke(function, arguments)
    }
}

/// The trap reason of a failing call, or nil when it did not trap.
func trapReason(_ body: () throws -> Any) -> TrapReason? {
    do {
        _ = try body()
        return nil
    } catch let trap as Trap {
        return trap.reason
    } catch {
        return .host("unexpected error \(error)")
    }
}

@Suite struct ExecutionFixtureTests {
    @Test func watModulesInstantiateAndRun() throws {
        let store = Store()
        let instance = try store.instantiate(wat: #"(module (func (export "seven") (result i32) i32.const 7))"#)
        #expect(try store.call(instance, "seven") == [.i32(7)])
    }
}
