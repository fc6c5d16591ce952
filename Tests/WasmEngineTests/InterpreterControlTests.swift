import Testing
@testable import WasmEngine

/// Structured control flow with values: the translator's slot assignment, branch copies
/// and folded `local.get`/constants must agree with Wasm's stack semantics.
@Suite struct InterpreterControlTests {
    let store = Store()

    @Test func brTableSelectsTargetsAndCarriesValues() throws {
        let instance = try store.instantiate(wat: """
            (module (func (export "f") (param i32) (result i32)
              (block (result i32)
                (block (result i32)
                  (block (result i32)
                    i32.const 100
                    local.get 0
                    br_table 0 1 2)
                  i32.const 1 i32.add br 1)
                i32.const 2 i32.add)))
            """)
        #expect(try store.call(instance, "f", [.i32(0)]) == [.i32(101)])
        #expect(try store.call(instance, "f", [.i32(1)]) == [.i32(102)])
        #expect(try store.call(instance, "f", [.i32(2)]) == [.i32(100)])
        #expect(try store.call(instance, "f", [.i32(99)]) == [.i32(100)])
    }

    @Test func brIfWithValuesLeavesTheFallthroughStackIntact() throws {
        let instance = try store.instantiate(wat: """
            (module (func (export "f") (param i32) (result i32)
              (block (result i32)
                i32.const 7
                i32.const 10
                local.get 0
                br_if 0
                i32.add)))
            """)
        #expect(try store.call(instance, "f", [.i32(1)]) == [.i32(10)])
        #expect(try store.call(instance, "f", [.i32(0)]) == [.i32(17)])
    }

    @Test func loopsWithParametersAndMultipleResults() throws {
        // Sum 1...n with a loop that takes its accumulator and counter as parameters.
        let instance = try store.instantiate(wat: """
            (module
              (type $pair (func (param i32 i32) (result i32 i32)))
              (func (export "sum") (param i32) (result i32)
                i32.const 0 local.get 0
                (loop $l (type $pair)
                  local.set 0
                  local.get 0 i32.add
                  local.get 0 i32.const 1 i32.sub
                  local.get 0 i32.const 1 i32.gt_u
                  br_if $l)
                drop))
            """)
        #expect(try store.call(instance, "sum", [.i32(100)]) == [.i32(5050)])
    }

    @Test func ifElseWithResults() throws {
        let instance = try store.instantiate(wat: """
            (module (func (export "abs") (param i32) (result i32)
              (if (result i32) (i32.lt_s (local.get 0) (i32.const 0))
                (then (i32.sub (i32.const 0) (local.get 0)))
                (else (local.get 0)))))
            """)
        #expect(try store.call(instance, "abs", [.i32(UInt32(bitPattern: -5))]) == [.i32(5)])
        #expect(try store.call(instance, "abs", [.i32(6)]) == [.i32(6)])
    }

    @Test func localGetSeesTheValueBeforeALaterSet() throws {
        // The first local.get is still pending on the stack when local 0 is overwritten.
        let instance = try store.instantiate(wat: """
            (module (func (export "f") (param i32) (result i32)
              local.get 0
              local.get 0 i32.const 5 i32.add local.set 0
              local.get 0
              i32.sub))
            """)
        #expect(try store.call(instance, "f", [.i32(10)]) == [.i32(UInt32(bitPattern: -5))])
    }

    @Test func teeAndSelectWithFoldedOperands() throws {
        let instance = try store.instantiate(wat: """
            (module (func (export "f") (param i32) (result i32) (local i32)
              (local.tee 1 (i32.mul (local.get 0) (i32.const 3)))
              (i32.const 1)
              (i32.gt_u (local.get 1) (i32.const 10))
              select))
            """)
        #expect(try store.call(instance, "f", [.i32(5)]) == [.i32(15)])
        #expect(try store.call(instance, "f", [.i32(2)]) == [.i32(1)])
    }

    @Test func returnFromNestedBlocks() throws {
        let instance = try store.instantiate(wat: """
            (module (func (export "f") (param i32) (result i64)
              (block (block (block
                (br_if 2 (i32.eqz (local.get 0)))
                (return (i64.const 42)))))
              i64.const 7))
            """)
        #expect(try store.call(instance, "f", [.i32(0)]) == [.i64(7)])
        #expect(try store.call(instance, "f", [.i32(1)]) == [.i64(42)])
    }
}
