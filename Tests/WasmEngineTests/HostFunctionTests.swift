import Testing
@testable import WasmEngine

/// Host functions: argument and result conversion, errors as traps, suspension and
/// resumption, and re-entrant calls into the store.
@Suite struct HostFunctionTests {
    let store = Store()

    func imports(_ functions: [(String, FunctionType, HostFunctionBody)]) -> Imports {
        var imports = Imports()
        for (name, type, body) in functions {
            imports.define(module: "host", name: name, .function(store.allocateHostFunction(type: type, body)))
        }
        return imports
    }

    @Test func hostFunctionsReceiveArgumentsAndReturnResults() throws {
        let add = FunctionType(parameters: [.i64, .f64], results: [.f64])
        let instance = try store.instantiate(wat: """
            (module
              (import "host" "add" (func $add (param i64 f64) (result f64)))
              (func (export "f") (result f64) (call $add (i64.const 40) (f64.const 2.5))))
            """, imports: imports([("add", add, { _, args in
                guard case .i64(let a) = args[0], case .f64(let b) = args[1] else { return .values([]) }
                return .values([.float64(Double(a) + Double(bitPattern: b))])
            })]))
        #expect(try store.call(instance, "f") == [.float64(42.5)])
    }

    struct Refused: Error, CustomStringConvertible { var description: String { "refused" } }

    @Test func throwingHostFunctionsTrap() throws {
        let type = FunctionType()
        let instance = try store.instantiate(wat: """
            (module
              (import "host" "fail" (func $fail))
              (import "host" "trap" (func $trap))
              (import "host" "wrong" (func $wrong))
              (func (export "fail") (call $fail))
              (func (export "trap") (call $trap))
              (func (export "wrong") (call $wrong)))
            """, imports: imports([
                ("fail", type, { _, _ in throw Refused() }),
                ("trap", type, { _, _ in throw Trap(reason: .integerOverflow) }),
                ("wrong", type, { _, _ in .values([.i32(1)]) }),
            ]))
        #expect(trapReason { try store.call(instance, "fail") } == .host("refused"))
        #expect(trapReason { try store.call(instance, "trap") } == .integerOverflow)
        guard case .host(let message)? = trapReason({ try store.call(instance, "wrong") }) else {
            Issue.record("expected a host trap")
            return
        }
        #expect(message.contains("returned"))
    }

    @Test func hostFunctionsReadAndWriteTheCallersMemory() throws {
        let type = FunctionType(parameters: [.i32, .i32], results: [.i32])
        let instance = try store.instantiate(wat: """
            (module
              (import "host" "sum" (func $sum (param i32 i32) (result i32)))
              (memory (export "memory") 1)
              (data (i32.const 16) "\\01\\02\\03\\04")
              (func (export "f") (result i32) (call $sum (i32.const 16) (i32.const 4))))
            """, imports: imports([("sum", type, { context, args in
                guard case .i32(let pointer) = args[0], case .i32(let length) = args[1],
                      let address = context.instance?.exportedMemory("memory") else { return .values([.i32(0)]) }
                let memory = context.store.memory(address)
                let bytes = try memory.read(at: Int(pointer), count: Int(length))
                try memory.storeUInt32(0xDEAD_BEEF, at: 0)
                return .values([.i32(UInt32(bytes.reduce(0) { $0 + Int($1) }))])
            })]))
        #expect(try store.call(instance, "f") == [.i32(10)])
        #expect(try store.memory(instance.exportedMemory("memory")!).loadUInt32(at: 0) == 0xDEAD_BEEF)
    }

    @Test func reentrantInvokeFromAHostFunction() throws {
        // Wasm -> host -> Wasm (same store, same instance) -> result back through the host.
        let type = FunctionType(parameters: [.i32], results: [.i32])
        let instance = try store.instantiate(wat: """
            (module
              (import "host" "via_host" (func $via (param i32) (result i32)))
              (func $square (export "square") (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
              (func (export "f") (param i32) (result i32) (local i32)
                (local.set 1 (i32.const 1000))
                (i32.add (local.get 1) (call $via (local.get 0)))))
            """, imports: imports([("via_host", type, { context, args in
                let square = context.instance!.exportedFunction("square")!
                let once = try context.store.invoke(square, args)
                return .values(try context.store.invoke(square, once))
            })]))
        #expect(try store.call(instance, "f", [.i32(3)]) == [.i32(1081)])
        #expect(store.frameCount == 0 && store.stackTop == store.slots)
    }

    @Test func suspendAndResumeKeepTheWasmState() throws {
        let type = FunctionType(parameters: [.i32], results: [.i32])
        var requests: [Value] = []
        let instance = try store.instantiate(wat: """
            (module
              (import "host" "fetch" (func $fetch (param i32) (result i32)))
              (func (export "run") (param i32) (result i32) (local i32 i32)
                (loop $l
                  (local.set 1 (i32.add (local.get 1) (call $fetch (local.get 2))))
                  (local.set 2 (i32.add (local.get 2) (i32.const 1)))
                  (br_if $l (i32.lt_u (local.get 2) (local.get 0))))
                (local.get 1)))
            """, imports: imports([("fetch", type, { _, args in
                requests.append(args[0])
                return .suspend
            })]))
        var state = try store.start(instance.exportedFunction("run")!, [.i32(3)])
        var resumes = 0
        while case .suspended(let suspended) = state {
            #expect(suspended.resultTypes == [.i32])
            resumes += 1
            state = try store.resume(suspended, with: [.i32(UInt32(resumes * 10))])
        }
        guard case .finished(let results) = state else { return }
        #expect(results == [.i32(60)])
        #expect(requests == [.i32(0), .i32(1), .i32(2)])
        #expect(store.frameCount == 0 && store.stackTop == store.slots)
    }

    @Test func resumeChecksItsArgumentsAndSuspensionNeedsStart() throws {
        let type = FunctionType(results: [.i64])
        let instance = try store.instantiate(wat: """
            (module
              (import "host" "wait" (func $wait (result i64)))
              (func (export "f") (result i64) (i64.add (call $wait) (i64.const 1))))
            """, imports: imports([("wait", type, { _, _ in .suspend })]))
        let function = instance.exportedFunction("f")!
        guard case .suspended(let suspended) = try store.start(function, []) else {
            Issue.record("expected a suspension")
            return
        }
        #expect(throws: InvocationError.self) { try store.resume(suspended, with: [.i32(1)]) }
        guard case .finished(let results) = try store.resume(suspended, with: [.i64(41)]) else {
            Issue.record("expected the execution to finish")
            return
        }
        #expect(results == [.i64(42)])
        #expect(throws: InvocationError.self) { try store.resume(suspended, with: [.i64(41)]) }
        // invoke cannot suspend: the host's suspension becomes a trap.
        guard case .host? = trapReason({ try store.invoke(function, []) }) else {
            Issue.record("expected a host trap")
            return
        }
        #expect(store.frameCount == 0 && store.stackTop == store.slots)
    }

    @Test func executionsCanRunWhileAnotherIsSuspended() throws {
        let type = FunctionType(results: [.i32])
        let instance = try store.instantiate(wat: """
            (module
              (import "host" "wait" (func $wait (result i32)))
              (func (export "waits") (param i32) (result i32) (i32.add (local.get 0) (call $wait)))
              (func (export "plain") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2))))
            """, imports: imports([("wait", type, { _, _ in .suspend })]))
        guard case .suspended(let suspended) = try store.start(instance.exportedFunction("waits")!, [.i32(5)]) else {
            Issue.record("expected a suspension")
            return
        }
        #expect(try store.call(instance, "plain", [.i32(21)]) == [.i32(42)])
        guard case .finished(let results) = try store.resume(suspended, with: [.i32(3)]) else {
            Issue.record("expected the execution to finish")
            return
        }
        #expect(results == [.i32(8)])
    }

    @Test func invokingAHostFunctionDirectly() throws {
        let address = store.allocateHostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { _, args in
            .values(args)
        }
        #expect(try store.invoke(address, [.i32(9)]) == [.i32(9)])
        #expect(throws: InvocationError.self) { try store.invoke(address, [.i64(9)]) }
    }
}
