import Testing
@testable import WasmEngine

/// Table instructions, reference values and globals.
@Suite struct InterpreterTableTests {
    let store = Store()

    @Test func tableGetSetGrowFillCopy() throws {
        let instance = try store.instantiate(wat: """
            (module
              (table $t (export "t") 2 5 externref)
              (func (export "get") (param i32) (result externref) (table.get $t (local.get 0)))
              (func (export "set") (param i32 externref) (table.set $t (local.get 0) (local.get 1)))
              (func (export "grow") (param externref i32) (result i32) (table.grow $t (local.get 0) (local.get 1)))
              (func (export "size") (result i32) (table.size $t))
              (func (export "fill") (param i32 externref i32) (table.fill $t (local.get 0) (local.get 1) (local.get 2)))
              (func (export "copy") (param i32 i32 i32) (table.copy $t $t (local.get 0) (local.get 1) (local.get 2)))
              (func (export "is_null") (param i32) (result i32) (ref.is_null (table.get $t (local.get 0)))))
            """)
        #expect(try store.call(instance, "get", [.i32(1)]) == [.externref(nil)])
        try store.call(instance, "set", [.i32(1), .externref(7)])
        #expect(try store.call(instance, "get", [.i32(1)]) == [.externref(7)])
        #expect(try store.call(instance, "is_null", [.i32(0)]) == [.i32(1)])
        #expect(trapReason { try store.call(instance, "get", [.i32(2)]) } == .outOfBoundsTableAccess)
        #expect(try store.call(instance, "grow", [.externref(3), .i32(2)]) == [.i32(2)])
        #expect(try store.call(instance, "grow", [.externref(3), .i32(2)]) == [.i32(UInt32.max)])
        #expect(try store.call(instance, "size") == [.i32(4)])
        try store.call(instance, "fill", [.i32(0), .externref(9), .i32(1)])
        try store.call(instance, "copy", [.i32(2), .i32(0), .i32(2)])
        #expect(try store.call(instance, "get", [.i32(3)]) == [.externref(7)])
        #expect(try store.call(instance, "get", [.i32(2)]) == [.externref(9)])
        #expect(trapReason { try store.call(instance, "fill", [.i32(3), .externref(1), .i32(2)]) } == .outOfBoundsTableAccess)
        #expect(store.element(of: instance.exportedTable("t")!, at: 3) == .externref(7))
    }

    @Test func tableInitAndElemDrop() throws {
        let instance = try store.instantiate(wat: """
            (module
              (table 3 funcref)
              (elem $e func $a $b)
              (func $a (result i32) (i32.const 1))
              (func $b (result i32) (i32.const 2))
              (func (export "init") (param i32 i32 i32) (table.init $e (local.get 0) (local.get 1) (local.get 2)))
              (func (export "drop") (elem.drop $e))
              (func (export "call") (param i32) (result i32) (call_indirect (result i32) (local.get 0))))
            """)
        try store.call(instance, "init", [.i32(1), .i32(0), .i32(2)])
        #expect(try store.call(instance, "call", [.i32(2)]) == [.i32(2)])
        #expect(trapReason { try store.call(instance, "init", [.i32(2), .i32(0), .i32(2)]) } == .outOfBoundsTableAccess)
        try store.call(instance, "drop")
        #expect(trapReason { try store.call(instance, "init", [.i32(0), .i32(0), .i32(1)]) } == .outOfBoundsTableAccess)
    }

    @Test func globalsAndFunctionReferences() throws {
        let instance = try store.instantiate(wat: """
            (module
              (global $counter (export "counter") (mut i64) (i64.const 10))
              (global $f (mut funcref) (ref.func $seven))
              (elem declare func $seven)
              (func $seven (result i32) (i32.const 7))
              (func (export "bump") (result i64)
                (global.set $counter (i64.add (global.get $counter) (i64.const 1)))
                (global.get $counter))
              (func (export "has_f") (result i32) (i32.eqz (ref.is_null (global.get $f)))))
            """)
        #expect(try store.call(instance, "bump") == [.i64(11)])
        #expect(store.value(of: instance.exportedGlobal("counter")!) == .i64(11))
        #expect(try store.call(instance, "has_f") == [.i32(1)])
    }
}
