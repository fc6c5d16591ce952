import Testing
@testable import WasmEngine

/// The store's host-facing API: allocation, inspection and bounds-checked memory access.
@Suite struct StoreTests {
    @Test func allocatedEntitiesCanBeImportedAndInspected() throws {
        let store = Store()
        let global = try store.allocateGlobal(type: GlobalType(valueType: .i64, isMutable: true), value: .i64(5))
        let table = try store.allocateTable(type: TableType(elementType: .externref, limits: Limits(min: 2)),
                                            initialValue: .externref(3))
        var imports = Imports()
        imports.define(module: "env", name: "g", .global(global))
        imports.define(module: "env", name: "t", .table(table))
        let instance = try store.instantiate(wat: """
            (module
              (import "env" "g" (global $g (mut i64)))
              (import "env" "t" (table $t 2 externref))
              (func (export "f") (result externref)
                (global.set $g (i64.const 9))
                (table.get $t (i32.const 1))))
            """, imports: imports)
        #expect(try store.call(instance, "f") == [.externref(3)])
        #expect(store.value(of: global) == .i64(9))
        try store.setValue(of: global, .i64(1))
        #expect(store.value(of: global) == .i64(1))
        #expect(throws: InvocationError.self) { try store.setValue(of: global, .i32(1)) }
        #expect(store.type(of: table).limits.min == 2)
        #expect(throws: InvocationError.self) {
            _ = try store.allocateGlobal(type: GlobalType(valueType: .i32, isMutable: false), value: .f32(0))
        }
    }

    @Test func memoryInstanceChecksBoundsAndGrows() throws {
        let store = Store(configuration: StoreConfiguration(maxMemoryPages: 3))
        let memory = store.memory(try store.allocateMemory(type: MemoryType(limits: Limits(min: 1))))
        #expect(memory.byteCount == 65536)
        try memory.write([1, 2, 3], at: 65533)
        #expect(try memory.read(at: 65533, count: 3) == [1, 2, 3])
        #expect(throws: Trap.self) { try memory.write([1, 2, 3], at: 65534) }
        #expect(throws: Trap.self) { _ = try memory.read(at: -1, count: 1) }
        #expect(memory.grow(by: 2) == 1)
        #expect(memory.grow(by: 1) == nil)
        #expect(memory.pageCount == 3)
        try memory.storeUInt64(0x0102_0304_0506_0708, at: 65536 * 3 - 8)
        #expect(try memory.read(at: 65536 * 3 - 8, count: 1) == [8])
        #expect(throws: LinkError.self) { _ = try store.allocateMemory(type: MemoryType(limits: Limits(min: 4))) }
    }

    @Test func functionTypesAreReported() throws {
        let store = Store()
        let type = FunctionType(parameters: [.f32], results: [.funcref])
        let function = store.allocateHostFunction(type: type) { _, _ in .values([.funcref(nil)]) }
        #expect(store.type(of: function) == type)
        #expect(try store.invoke(function, [.float32(1)]) == [.funcref(nil)])
    }
}
