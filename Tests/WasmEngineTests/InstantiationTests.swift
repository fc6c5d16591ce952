import Testing
@testable import WasmEngine

/// Instantiation: import resolution and matching, segment initialization order with
/// partial effects on failure, and the start function.
@Suite struct InstantiationTests {
    let store = Store()

    func linkError(_ wat: String, _ imports: Imports) -> String? {
        do {
            _ = try store.instantiate(wat: wat, imports: imports)
            return nil
        } catch let error as LinkError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func missingAndMismatchedImportsAreLinkErrors() throws {
        var imports = Imports()
        let memory = try store.allocateMemory(type: MemoryType(limits: Limits(min: 1, max: 4)))
        imports.define(module: "env", name: "memory", .memory(memory))
        let global = try store.allocateGlobal(type: GlobalType(valueType: .i32, isMutable: false), value: .i32(1))
        imports.define(module: "env", name: "g", .global(global))
        #expect(linkError(#"(module (import "env" "nope" (func)))"#, imports)?.hasPrefix("unknown import") == true)
        #expect(linkError(#"(module (import "env" "memory" (func)))"#, imports)?.hasPrefix("incompatible import type") == true)
        #expect(linkError(#"(module (import "env" "memory" (memory 2)))"#, imports)?.hasPrefix("incompatible import type") == true)
        #expect(linkError(#"(module (import "env" "memory" (memory 1 3)))"#, imports)?.hasPrefix("incompatible import type") == true)
        #expect(linkError(#"(module (import "env" "memory" (memory 1 4)))"#, imports) == nil)
        #expect(linkError(#"(module (import "env" "memory" (memory 0)))"#, imports) == nil)
        #expect(linkError(#"(module (import "env" "g" (global (mut i32))))"#, imports)?.hasPrefix("incompatible import type") == true)
        #expect(linkError(#"(module (import "env" "g" (global i32)))"#, imports) == nil)
    }

    @Test func functionImportsMatchTypesExactly() throws {
        var imports = Imports()
        let f = store.allocateHostFunction(type: FunctionType(parameters: [.i32])) { _, _ in .values([]) }
        imports.define(module: "env", name: "f", .function(f))
        #expect(linkError(#"(module (import "env" "f" (func (param i64))))"#, imports)?.hasPrefix("incompatible import type") == true)
        #expect(linkError(#"(module (import "env" "f" (func (param i32))))"#, imports) == nil)
    }

    @Test func failingSegmentKeepsEarlierWrites() throws {
        let shared = try store.instantiate(wat: #"(module (memory (export "mem") 1) (table (export "tab") 2 funcref))"#)
        var imports = Imports()
        imports.define(module: "shared", instance: shared)
        do {
            _ = try store.instantiate(wat: """
                (module
                  (import "shared" "mem" (memory 1))
                  (import "shared" "tab" (table 2 funcref))
                  (func $f)
                  (elem (i32.const 0) $f)
                  (data (i32.const 0) "ab")
                  (data (i32.const 65535) "cd"))
                """, imports: imports)
            Issue.record("expected an instantiation trap")
        } catch let trap as Trap {
            #expect(trap.reason == .outOfBoundsMemoryAccess)
        }
        #expect(try store.memory(shared.exportedMemory("mem")!).read(at: 0, count: 2) == Array("ab".utf8))
        if case .funcref(let reference)? = store.element(of: shared.exportedTable("tab")!, at: 0) {
            #expect(reference != nil)
        } else {
            Issue.record("expected a function reference")
        }
    }

    @Test func elementSegmentsFailBeforeDataSegmentsRun() throws {
        let shared = try store.instantiate(wat: #"(module (memory (export "mem") 1))"#)
        var imports = Imports()
        imports.define(module: "shared", instance: shared)
        #expect(throws: Trap.self) {
            _ = try store.instantiate(wat: """
                (module
                  (import "shared" "mem" (memory 1))
                  (table 1 funcref) (func $f)
                  (elem (i32.const 1) $f $f)
                  (data (i32.const 0) "x"))
                """, imports: imports)
        }
        #expect(try store.memory(shared.exportedMemory("mem")!).read(at: 0, count: 1) == [0])
    }

    @Test func startFunctionRunsAfterSegments() throws {
        let instance = try store.instantiate(wat: """
            (module
              (memory 1)
              (global $seen (export "seen") (mut i32) (i32.const 0))
              (data (i32.const 0) "\\2a")
              (func $start (global.set $seen (i32.load8_u (i32.const 0))))
              (start $start))
            """)
        #expect(store.value(of: instance.exportedGlobal("seen")!) == .i32(42))
    }

    @Test func exportsKeepDeclarationOrder() throws {
        let instance = try store.instantiate(wat: """
            (module (func (export "b")) (func (export "a")) (memory (export "m") 0))
            """)
        #expect(instance.orderedExports.map(\.name) == ["b", "a", "m"])
        #expect(instance.exportedFunction("m") == nil)
        #expect(instance.exportedMemory("m") != nil)
    }
}
