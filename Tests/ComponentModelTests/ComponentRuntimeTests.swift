import Testing
import WasmEngine
@testable import ComponentModel

@Suite struct ComponentRuntimeTests {
    typealias A = ComponentAST

    /// Component $C: defines resource R (rep i32) whose destructor decrements a live
    /// counter; exports R, make() -> own<R>, get-rep(borrow<R>) -> u32, num-live() -> u32.
    private func resourceProvider() throws -> Component {
        A.component([
            try A.module(#"(module (global (export "live") (mut i32) (i32.const 0)) (func (export "dtor") (param i32) (global.set 0 (i32.sub (global.get 0) (i32.const 1)))))"#),
            A.instantiate(module: 0),
            A.coreAlias(.function, instance: 0, "dtor"),                                   // core func 0
            .type(.resource(ResourceType(representation: .i32, destructor: 0))),          // type 0
            .canonical(.resourceNew(resource: 0)),                                         // core func 1
            A.coreExports([("new", .function, 1)]),                                        // core instance 1
            try A.module(#"""
            (module (import "state" "live" (global $live (mut i32))) (import "r" "new" (func $new (param i32) (result i32)))
              (func (export "make") (result i32) (global.set $live (i32.add (global.get $live) (i32.const 1))) (call $new (i32.const 0x41)))
              (func (export "get-rep") (param i32) (result i32) (local.get 0))
              (func (export "num-live") (result i32) (global.get $live)))
            """#),
            A.instantiate(module: 1, [("state", 0), ("r", 1)]),                          // core instance 2
            A.coreAlias(.function, instance: 2, "make"), A.coreAlias(.function, instance: 2, "get-rep"),
            A.coreAlias(.function, instance: 2, "num-live"),                               // core funcs 2, 3, 4
            A.export("R", .type, 0),                                                       // type 1
            .type(.value(.own(resource: 1))), .type(A.functionType([], .index(2))),       // types 2, 3
            .type(.value(.borrow(resource: 1))), .type(A.functionType([("r", .index(4))], A.u32)), // types 4, 5
            .type(A.functionType([], A.u32)),                                              // type 6
            A.lift(core: 2, type: 3), A.export("make", .function, 0),
            A.lift(core: 3, type: 5), A.export("get-rep", .function, 2),
            A.lift(core: 4, type: 6), A.export("num-live", .function, 4),
        ])
    }

    /// The instance type `(export "R" (type (sub resource))) (export "make" ...) (export "get-rep" ...) (export "num-live" ...)`.
    private static let providerInstanceType = ComponentTypeDefinition.instance([
        .export(name: ExternName("R"), type: .type(.subResource)),                   // local type 0
        .type(.value(.own(resource: 0))), .type(A.functionType([], .index(1))),    // 1, 2
        .export(name: ExternName("make"), type: .function(typeIndex: 2)),
        .type(.value(.borrow(resource: 0))), .type(A.functionType([("r", .index(3))], A.u32)), // 3, 4
        .export(name: ExternName("get-rep"), type: .function(typeIndex: 4)),
        .type(A.functionType([], A.u32)),                                           // 5
        .export(name: ExternName("num-live"), type: .function(typeIndex: 5)),
    ])

    /// Component $D: imports "c" (the provider's interface) and exports run(), which makes
    /// a handle, reads its rep through a borrow, drops it, and reports what it saw.
    private func resourceConsumer() throws -> Component {
        A.component([
            .type(Self.providerInstanceType),
            A.import("c", .instance(typeIndex: 0)),
            A.alias(.type, instance: 0, "R"),                                              // type 1
            .canonical(.resourceDrop(resource: 1)),                                        // core func 0
            A.alias(.function, instance: 0, "make"), A.alias(.function, instance: 0, "get-rep"),
            A.alias(.function, instance: 0, "num-live"),                                   // funcs 0, 1, 2
            A.lower(function: 0), A.lower(function: 1), A.lower(function: 2),             // core funcs 1, 2, 3
            A.coreExports([("drop", .function, 0), ("make", .function, 1), ("get-rep", .function, 2),
                           ("num-live", .function, 3)]),
            try A.module(#"""
            (module (import "c" "drop" (func $drop (param i32))) (import "c" "make" (func $make (result i32)))
              (import "c" "get-rep" (func $rep (param i32) (result i32))) (import "c" "num-live" (func $live (result i32)))
              (func (export "run") (result i32) (local $h i32) (local $r i32) (local $before i32)
                (local.set $h (call $make))
                (if (i32.ne (local.get $h) (i32.const 1)) (then unreachable))
                (local.set $r (call $rep (local.get $h)))
                (local.set $before (call $live))
                (call $drop (local.get $h))
                (i32.add (local.get $r) (i32.add (i32.mul (local.get $before) (i32.const 100)) (i32.mul (call $live) (i32.const 1000)))))
              (func (export "drop-twice") (local $h i32)
                (local.set $h (call $make)) (call $drop (local.get $h)) (call $drop (local.get $h))))
            """#),
            A.instantiate(module: 0, [("c", 0)]),
            A.coreAlias(.function, instance: 1, "run"), A.coreAlias(.function, instance: 1, "drop-twice"), // 4, 5
            .type(A.functionType([], A.u32)), .type(A.functionType([], nil)),              // types 2, 3
            A.lift(core: 4, type: 2), A.export("run", .function, 3),
            A.lift(core: 5, type: 3), A.export("drop-twice", .function, 5),
        ])
    }

    private func linkedResourceComponents() throws -> ComponentInstance {
        try ComponentLinker().instantiate(A.component([
            .component(try resourceProvider()), .component(try resourceConsumer()),
            A.instance(component: 0), A.instance(component: 1, [("c", .instance, 0)]),
            A.alias(.function, instance: 1, "run"), A.alias(.function, instance: 1, "drop-twice"),
            A.alias(.function, instance: 0, "make"), A.alias(.function, instance: 0, "get-rep"),
            A.export("run", .function, 0), A.export("drop-twice", .function, 1),
            A.export("make", .function, 2), A.export("get-rep", .function, 3),
        ]))
    }

    @Test func ownedAndBorrowedHandlesCrossComponentInstances() throws {
        let instance = try linkedResourceComponents()
        // rep 0x41 through the borrow, one live before the drop, none after (destructor ran).
        #expect(try instance.function(named: "run")?.call([]) == [.u32(0x41 + 100)])
    }

    @Test func droppingAHandleTwiceTrapsWithItsIndex() throws {
        let instance = try linkedResourceComponents()
        do {
            _ = try instance.function(named: "drop-twice")?.call([])
            Issue.record("the call should trap")
        } catch let trap as ComponentTrap {
            #expect(trap.message.hasPrefix("unknown handle index 1"))
        }
    }

    @Test func theHostCanHoldAndLendGuestResources() throws {
        let instance = try linkedResourceComponents()
        let made = try #require(try instance.function(named: "make")?.call([]).first)
        #expect(made == .own(0x41))
        #expect(try instance.function(named: "get-rep")?.call([.borrow(0x41)]) == [.u32(0x41)])
    }

    @Test func reenteringAnInstanceTraps() throws {
        let component = A.component([
            try A.module(#"(module (func (export "inner")))"#), A.instantiate(module: 0),
            A.coreAlias(.function, instance: 0, "inner"),
            .type(A.functionType([], nil)), A.lift(core: 0, type: 0),                      // func 0
            A.lower(function: 0), A.coreExports([("inner", .function, 1)]),                // core func 1
            try A.module(#"(module (import "self" "inner" (func $inner)) (func (export "outer") (call $inner)))"#),
            A.instantiate(module: 1, [("self", 1)]), A.coreAlias(.function, instance: 2, "outer"),
            A.lift(core: 2, type: 0), A.export("outer", .function, 1),
        ])
        let outer = try #require(try ComponentLinker().instantiate(component).function(named: "outer"))
        do {
            _ = try outer.call([])
            Issue.record("the call should trap")
        } catch let trap as ComponentTrap {
            #expect(trap.message.hasPrefix("cannot enter component instance"))
        }
    }

    @Test func postReturnMayNotCallImports() throws {
        var host = HostInstance()
        host.define(function: "ping", type: ABIFunctionType(parameters: [], results: [])) { _ in [] }
        let linker = ComponentLinker()
        try linker.define(instance: "test:ping/ping", host)
        let component = A.component([
            .type(.instance([.type(A.functionType([], nil)), .export(name: ExternName("ping"), type: .function(typeIndex: 0))])),
            A.import("test:ping/ping", .instance(typeIndex: 0)),
            A.alias(.function, instance: 0, "ping"), A.lower(function: 0), A.coreExports([("ping", .function, 0)]),
            try A.module(#"(module (import "h" "ping" (func $ping)) (func (export "f") (result i32) (call $ping) (i32.const 5)) (func (export "cleanup") (param i32) (call $ping)))"#),
            A.instantiate(module: 0, [("h", 0)]),
            A.coreAlias(.function, instance: 1, "f"), A.coreAlias(.function, instance: 1, "cleanup"),
            .type(A.functionType([], A.u32)), A.lift(core: 1, type: 1, [.postReturn(2)]), A.export("f", .function, 1),
        ])
        let f = try #require(try linker.instantiate(component).function(named: "f"))
        do {
            _ = try f.call([])
            Issue.record("the call should trap")
        } catch let trap as ComponentTrap {
            #expect(trap.message.hasPrefix("cannot leave component instance"))
        }
    }

    @Test func hostResourcesFlowIntoGuestsAndAreDestroyedOnDrop() throws {
        var destroyed: [UInt32] = []
        let file = RuntimeResourceType(name: "file", destructor: { destroyed.append($0) })
        var host = HostInstance()
        host.define(resource: "file", file)
        host.define(function: "open", type: ABIFunctionType(parameters: [], results: [.own(file)])) { _ in [.own(7)] }
        host.define(function: "size", type: ABIFunctionType(parameters: [.borrow(file)], results: [.u32])) { arguments in
            guard case .borrow(let rep) = arguments[0] else { return [] }
            return [.u32(rep * 10)]
        }
        let linker = ComponentLinker()
        try linker.define(instance: "test:fs/files@1.0.0", host)
        let component = A.component([
            .type(.instance([
                .export(name: ExternName("file"), type: .type(.subResource)),
                .type(.value(.own(resource: 0))), .type(A.functionType([], .index(1))),
                .export(name: ExternName("open"), type: .function(typeIndex: 2)),
                .type(.value(.borrow(resource: 0))), .type(A.functionType([("f", .index(3))], A.u32)),
                .export(name: ExternName("size"), type: .function(typeIndex: 4)),
            ])),
            A.import("test:fs/files@1.0.1", .instance(typeIndex: 0)),
            A.alias(.type, instance: 0, "file"), .canonical(.resourceDrop(resource: 1)),    // core func 0
            A.alias(.function, instance: 0, "open"), A.alias(.function, instance: 0, "size"),
            A.lower(function: 0), A.lower(function: 1),                                    // core funcs 1, 2
            A.coreExports([("drop", .function, 0), ("open", .function, 1), ("size", .function, 2)]),
            try A.module(#"""
            (module (import "fs" "drop" (func $drop (param i32))) (import "fs" "open" (func $open (result i32)))
              (import "fs" "size" (func $size (param i32) (result i32)))
              (func (export "run") (result i32) (local $h i32) (local $s i32)
                (local.set $h (call $open)) (local.set $s (call $size (local.get $h))) (call $drop (local.get $h)) (local.get $s)))
            """#),
            A.instantiate(module: 0, [("fs", 0)]), A.coreAlias(.function, instance: 1, "run"),
            .type(A.functionType([], A.u32)), A.lift(core: 3, type: 2), A.export("run", .function, 2),
        ])
        let run = try #require(try linker.instantiate(component).function(named: "run"))
        #expect(try run.call([]) == [.u32(70)])
        #expect(destroyed == [7])
    }
}
