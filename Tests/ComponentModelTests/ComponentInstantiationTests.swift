import Testing
import WasmEngine
@testable import ComponentModel

/// Small constructors for component ASTs, so runtime tests can build components without
/// a text format (core modules come from WAT).
enum ComponentAST {
    static func component(_ definitions: [ComponentDefinition]) -> Component {
        Component(definitions: definitions, definitionOffsets: Array(repeating: 0, count: definitions.count))
    }

    static func module(_ wat: String) throws -> ComponentDefinition {
        .coreModule(CoreModuleDefinition(byteRange: 0..<0, module: try Module(decoding: try WAT.encodeModule(wat))))
    }

    static func instantiate(module: UInt32, _ arguments: [(String, UInt32)] = []) -> ComponentDefinition {
        .coreInstance(.instantiate(module: module, arguments: arguments.map { CoreInstantiateArgument(name: $0.0, instance: $0.1) }))
    }

    static func coreExports(_ exports: [(String, CoreSort, UInt32)]) -> ComponentDefinition {
        .coreInstance(.fromExports(exports.map { CoreInlineExport(name: $0.0, target: CoreSortIndex(sort: $0.1, index: $0.2)) }))
    }

    static func coreAlias(_ sort: CoreSort, instance: UInt32, _ name: String) -> ComponentDefinition {
        .alias(Alias(sort: .core(sort), target: .coreExport(instance: instance, name: name)))
    }

    static func alias(_ sort: ComponentSort, instance: UInt32, _ name: String) -> ComponentDefinition {
        .alias(Alias(sort: sort, target: .export(instance: instance, name: name)))
    }

    static func functionType(_ parameters: [(String, ComponentValueType)], _ result: ComponentValueType?) -> ComponentTypeDefinition {
        .function(ComponentFunctionType(parameters: parameters.map { LabeledValueType(label: $0.0, type: $0.1) }, result: result))
    }

    static func lift(core: UInt32, type: UInt32, _ options: [CanonicalOption] = []) -> ComponentDefinition {
        .canonical(.lift(coreFunction: core, options: options, type: type))
    }

    static func lower(function: UInt32, _ options: [CanonicalOption] = []) -> ComponentDefinition {
        .canonical(.lower(function: function, options: options))
    }

    static func export(_ name: String, _ sort: ComponentSort, _ index: UInt32) -> ComponentDefinition {
        .export(ComponentExport(name: ExternName(name), target: ComponentSortIndex(sort: sort, index: index)))
    }

    static func `import`(_ name: String, _ type: ExternDescriptor) -> ComponentDefinition {
        .import(ComponentImport(name: ExternName(name), type: type))
    }

    static func instance(component: UInt32, _ arguments: [(String, ComponentSort, UInt32)] = []) -> ComponentDefinition {
        .instance(.instantiate(component: component, arguments: arguments.map {
            InstantiateArgument(name: $0.0, target: ComponentSortIndex(sort: $0.1, index: $0.2))
        }))
    }

    static let u32 = ComponentValueType.primitive(.u32)
}

@Suite struct ComponentInstantiationTests {
    typealias A = ComponentAST

    /// `(func (export name) (param "a" u32) (param "b" u32) (result u32))` lifting core export
    /// `coreName` of a one-module component.
    private func oneModuleComponent(_ wat: String, exporting coreName: String, as name: String,
                                    parameters: [(String, ComponentValueType)], result: ComponentValueType?) throws -> Component {
        A.component([
            try A.module(wat),
            A.instantiate(module: 0),
            A.coreAlias(.function, instance: 0, coreName),
            .type(A.functionType(parameters, result)),
            A.lift(core: 0, type: 0),
            A.export(name, .function, 0),
        ])
    }

    @Test func liftedExportCallsTheCoreFunction() throws {
        let component = try oneModuleComponent(
            #"(module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))"#,
            exporting: "add", as: "add", parameters: [("a", A.u32), ("b", A.u32)], result: A.u32)
        let instance = try ComponentLinker().instantiate(component)
        let add = try #require(instance.function(named: "add"))
        #expect(add.type == ABIFunctionType(parameters: [.u32, .u32], results: [.u32]))
        #expect(try add.call([.u32(2), .u32(40)]) == [.u32(42)])
    }

    @Test func eachCoreInstantiationHasItsOwnState() throws {
        let counter = #"(module (global $g (mut i32) (i32.const 0)) (func (export "bump") (result i32) (global.set $g (i32.add (global.get $g) (i32.const 1))) (global.get $g)))"#
        let ty = A.functionType([], A.u32)
        let component = A.component([
            try A.module(counter), A.instantiate(module: 0), A.instantiate(module: 0),
            A.coreAlias(.function, instance: 0, "bump"), A.coreAlias(.function, instance: 1, "bump"),
            .type(ty), A.lift(core: 0, type: 0), A.lift(core: 1, type: 0),
            A.export("a", .function, 0), A.export("b", .function, 1),
        ])
        let instance = try ComponentLinker().instantiate(component)
        let a = try #require(instance.function(named: "a")), b = try #require(instance.function(named: "b"))
        #expect(try a.call([]) == [.u32(1)])
        #expect(try a.call([]) == [.u32(2)])
        #expect(try b.call([]) == [.u32(1)])
    }

    @Test func inlineCoreInstanceRenamesExportsForAnImporter() throws {
        let component = A.component([
            try A.module(#"(module (func (export "three") (result i32) (i32.const 3)))"#),
            try A.module(#"(module (import "a" "one" (func $one (result i32))) (func (export "run") (result i32) (i32.add (call $one) (i32.const 1))))"#),
            A.instantiate(module: 0),
            A.coreAlias(.function, instance: 0, "three"),
            A.coreExports([("one", .function, 0)]),
            A.instantiate(module: 1, [("a", 1)]),
            A.coreAlias(.function, instance: 2, "run"),
            .type(A.functionType([], A.u32)), A.lift(core: 1, type: 0), A.export("run", .function, 0),
        ])
        #expect(try ComponentLinker().instantiate(component).function(named: "run")?.call([]) == [.u32(4)])
    }

    @Test func nestedComponentsCaptureTheirParentsImportThroughOuterAliases() throws {
        // (component $C (import "m" (core module)) (component $Inner <outer alias of m> ...) (export "inner" $Inner))
        let inner = A.component([
            .alias(Alias(sort: .core(.module), target: .outer(count: 1, index: 0))),
            A.instantiate(module: 0), A.coreAlias(.function, instance: 0, "get"),
            .type(A.functionType([], A.u32)), A.lift(core: 0, type: 0), A.export("get", .function, 0),
        ])
        let wrapper = A.component([
            .coreType(.module([.export(name: "get", type: .function(typeIndex: 0))])),
            A.import("m", .coreModule(typeIndex: 0)),
            .component(inner),
            A.export("inner", .component, 0),
        ])
        let outer = A.component([
            .component(wrapper),
            try A.module(#"(module (func (export "get") (result i32) (i32.const 410)))"#),
            try A.module(#"(module (func (export "get") (result i32) (i32.const 420)))"#),
            A.instance(component: 0, [("m", .core(.module), 0)]),
            A.instance(component: 0, [("m", .core(.module), 1)]),
            A.alias(.component, instance: 0, "inner"), A.alias(.component, instance: 1, "inner"),
            A.instance(component: 1), A.instance(component: 2),
            A.alias(.function, instance: 2, "get"), A.alias(.function, instance: 3, "get"),
            A.export("get-1", .function, 0), A.export("get-2", .function, 1),
        ])
        let instance = try ComponentLinker().instantiate(outer)
        #expect(try instance.function(named: "get-1")?.call([]) == [.u32(410)])
        #expect(try instance.function(named: "get-2")?.call([]) == [.u32(420)])
    }

    @Test func stringsRoundTripThroughMemoryAndRealloc() throws {
        // echo(s: string) -> string: the guest returns a pointer to (ptr, len) it stored.
        let wat = #"""
        (module (memory (export "mem") 1) (global $next (mut i32) (i32.const 1024))
          (func (export "realloc") (param i32 i32 i32 i32) (result i32) (local $p i32)
            (local.set $p (global.get $next)) (global.set $next (i32.add (global.get $next) (local.get 3))) (local.get $p))
          (func (export "echo") (param i32 i32) (result i32)
            (i32.store (i32.const 8) (local.get 0)) (i32.store (i32.const 12) (local.get 1)) (i32.const 8)))
        """#
        let component = A.component([
            try A.module(wat), A.instantiate(module: 0),
            A.coreAlias(.function, instance: 0, "echo"), A.coreAlias(.function, instance: 0, "realloc"),
            A.coreAlias(.memory, instance: 0, "mem"),
            .type(A.functionType([("s", .primitive(.string))], .primitive(.string))),
            A.lift(core: 0, type: 0, [.memory(0), .realloc(1)]),
            A.export("echo", .function, 0),
        ])
        let echo = try #require(try ComponentLinker().instantiate(component).function(named: "echo"))
        #expect(try echo.call([.string("héllo 🎭")]) == [.string("héllo 🎭")])
    }

    @Test func trapsInStartFunctionsFailInstantiationWithTheCoreMessage() throws {
        let component = A.component([try A.module("(module (func $s unreachable) (start $s))"), A.instantiate(module: 0)])
        #expect(throws: ComponentTrap.self) { try ComponentLinker().instantiate(component) }
        do {
            _ = try ComponentLinker().instantiate(component)
        } catch let trap as ComponentTrap {
            #expect(trap.message == "unreachable")
        }
    }

    @Test func guestTrapsSurfaceAsComponentTrapsAndPoisonTheInstance() throws {
        let component = try oneModuleComponent("(module (func (export \"f\") unreachable))",
                                               exporting: "f", as: "f", parameters: [], result: nil)
        let f = try #require(try ComponentLinker().instantiate(component).function(named: "f"))
        var messages: [String] = []
        for _ in 0..<2 {
            do { _ = try f.call([]) } catch let trap as ComponentTrap { messages.append(trap.message) }
        }
        #expect(messages.count == 2)
        #expect(messages.first == "unreachable")
        #expect(messages.last?.hasPrefix("cannot enter component instance (it trapped earlier") == true)
    }

    @Test func onlyTheInstanceATrapLeftIsPoisoned() throws {
        let component = try oneModuleComponent(
            "(module (func (export \"f\") (param i32) (result i32) (if (local.get 0) (then unreachable)) (i32.const 7)))",
            exporting: "f", as: "f", parameters: [("fail", .primitive(.bool))], result: .primitive(.u32))
        let first = try #require(try ComponentLinker().instantiate(component).function(named: "f"))
        let second = try #require(try ComponentLinker().instantiate(component).function(named: "f"))
        #expect(try first.call([.bool(false)]) == [.u32(7)])
        #expect(try first.call([.bool(false)]) == [.u32(7)], "successful calls leave the instance enterable")
        #expect(throws: ComponentTrap.self) { try first.call([.bool(true)]) }
        #expect(throws: ComponentTrap.self) { try first.call([.bool(false)]) }
        #expect(try second.call([.bool(false)]) == [.u32(7)])
    }

    @Test func inconsistentComponentsThrowLinkErrorsInsteadOfCrashing() throws {
        let badIndex = A.component([A.lift(core: 7, type: 0)])
        #expect(throws: ComponentLinkError.self) { try ComponentLinker().instantiate(badIndex) }
        let badAlias = A.component([A.alias(.function, instance: 0, "x")])
        #expect(throws: ComponentLinkError.self) { try ComponentLinker().instantiate(badAlias) }
        let asyncBuiltin = A.component([.canonical(.concurrency(.taskCancel))])
        #expect(throws: ComponentLinkError.self) { try ComponentLinker().instantiate(asyncBuiltin) }
    }
}

@Suite struct ComponentInstantiationLimitTests {
    @Test func exponentialNestedInstantiationHitsTheBudget() throws {
        // Each level instantiates the one below twice: 2^20 leaf instances without a cap.
        var component = ComponentAST.component([])
        for _ in 0..<20 {
            component = ComponentAST.component([.component(component), ComponentAST.instance(component: 0),
                                                ComponentAST.instance(component: 0)])
        }
        #expect(throws: ComponentLinkError.self) { try ComponentLinker().instantiate(component) }
    }
}
