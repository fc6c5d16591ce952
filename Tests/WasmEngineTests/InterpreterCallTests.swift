import Testing
@testable import WasmEngine

/// Direct and indirect calls: recursion on the engine's own frame stack, argument and
/// result placement, and `call_indirect`'s checks.
@Suite struct InterpreterCallTests {
    let store = Store()

    @Test func recursiveFactorialAndFibonacci() throws {
        let instance = try store.instantiate(wat: """
            (module
              (func $fac (export "fac") (param i64) (result i64)
                (if (result i64) (i64.eqz (local.get 0))
                  (then (i64.const 1))
                  (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
              (func $fib (export "fib") (param i32) (result i32)
                (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
                  (then (local.get 0))
                  (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                                 (call $fib (i32.sub (local.get 0) (i32.const 2))))))))
            """)
        #expect(try store.call(instance, "fac", [.i64(20)]) == [.i64(2_432_902_008_176_640_000)])
        #expect(try store.call(instance, "fib", [.i32(20)]) == [.i32(6765)])
    }

    @Test func callsKeepTheCallersOperandsAndLocals() throws {
        let instance = try store.instantiate(wat: """
            (module
              (func $pair (param i32) (result i32 i32) (local i32)
                (local.set 1 (i32.const 99))
                local.get 0 local.get 1)
              (func (export "f") (param i32) (result i32) (local i32)
                (local.set 1 (i32.const 1000))
                local.get 1
                (call $pair (local.get 0))
                i32.add
                i32.add
                local.get 1
                i32.add))
            """)
        #expect(try store.call(instance, "f", [.i32(5)]) == [.i32(2104)])
    }

    @Test func callIndirectChecksBoundsNullAndType() throws {
        let instance = try store.instantiate(wat: """
            (module
              (type $i2i (func (param i32) (result i32)))
              (table 4 funcref)
              (elem (i32.const 0) $double $square $other)
              (func $double (type $i2i) (i32.add (local.get 0) (local.get 0)))
              (func $square (type $i2i) (i32.mul (local.get 0) (local.get 0)))
              (func $other (param i64) (result i64) (local.get 0))
              (func (export "apply") (param i32 i32) (result i32)
                (call_indirect (type $i2i) (local.get 1) (local.get 0))))
            """)
        #expect(try store.call(instance, "apply", [.i32(0), .i32(7)]) == [.i32(14)])
        #expect(try store.call(instance, "apply", [.i32(1), .i32(7)]) == [.i32(49)])
        #expect(trapReason { try store.call(instance, "apply", [.i32(2), .i32(7)]) } == .indirectCallTypeMismatch)
        #expect(trapReason { try store.call(instance, "apply", [.i32(3), .i32(7)]) } == .uninitializedElement)
        #expect(trapReason { try store.call(instance, "apply", [.i32(4), .i32(7)]) } == .undefinedElement)
    }

    @Test func callIndirectComparesTypesStructurallyAcrossModules() throws {
        let provider = try store.instantiate(wat: """
            (module (func (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))
            """)
        var imports = Imports()
        imports.define(module: "p", instance: provider)
        let user = try store.instantiate(wat: """
            (module
              (import "p" "inc" (func $inc (param i32) (result i32)))
              (type $t (func (param i32) (result i32)))
              (table funcref (elem $inc))
              (func (export "f") (param i32) (result i32) (call_indirect (type $t) (local.get 0) (i32.const 0))))
            """, imports: imports)
        #expect(try store.call(user, "f", [.i32(41)]) == [.i32(42)])
    }
}
