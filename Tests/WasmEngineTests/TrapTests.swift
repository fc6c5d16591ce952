import Testing
@testable import WasmEngine

/// Traps: reasons, backtraces, deterministic call-depth exhaustion, and a store that
/// stays usable afterwards.
@Suite struct TrapTests {
    @Test func trapCarriesABacktraceWithNames() throws {
        let store = Store()
        let instance = try store.instantiate(wat: """
            (module
              (func $inner (unreachable))
              (func $middle (call $inner))
              (func $outer (export "outer") (call $middle)))
            """)
        do {
            _ = try store.call(instance, "outer")
            Issue.record("expected a trap")
        } catch let trap as Trap {
            #expect(trap.reason == .unreachable)
            #expect(trap.backtrace.map(\.functionIndex) == [0, 1, 2])
            #expect(trap.backtrace.map(\.name) == ["inner", "middle", "outer"])
            #expect(trap.description.contains("unreachable"))
        }
    }

    @Test func unboundedRecursionTrapsAtTheDepthLimit() throws {
        let store = Store(configuration: StoreConfiguration(maxCallDepth: 500))
        let instance = try store.instantiate(wat: """
            (module
              (func $down (export "down") (param i32) (result i32)
                (i32.add (call $down (i32.add (local.get 0) (i32.const 1))) (i32.const 1)))
              (func (export "ok") (result i32) (i32.const 5)))
            """)
        #expect(trapReason { try store.call(instance, "down", [.i32(0)]) } == .callStackExhausted)
        // Nothing is left on the stacks: the store keeps working.
        #expect(store.frameCount == 0)
        #expect(try store.call(instance, "ok") == [.i32(5)])
    }

    @Test func hugeFramesExhaustTheSlotStackWithoutCrashing() throws {
        let store = Store(configuration: StoreConfiguration(maxCallDepth: 1_000_000, stackSlots: 4096))
        let instance = try store.instantiate(wat: """
            (module (func $f (export "f") (local i64 i64 i64 i64 i64 i64 i64 i64) (call $f)))
            """)
        #expect(trapReason { try store.call(instance, "f") } == .callStackExhausted)
        #expect(store.stackTop == store.slots)
    }

    @Test func trapsInsideDeepCallsUnwindEverything() throws {
        let store = Store()
        let instance = try store.instantiate(wat: """
            (module
              (func $f (export "f") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0))
                  (then (i32.div_u (i32.const 1) (local.get 0)))
                  (else (call $f (i32.sub (local.get 0) (i32.const 1)))))))
            """)
        do {
            _ = try store.call(instance, "f", [.i32(50)])
            Issue.record("expected a trap")
        } catch let trap as Trap {
            #expect(trap.reason == .integerDivideByZero)
            #expect(trap.backtrace.count == 51)
        }
        #expect(store.frameCount == 0)
    }
}
