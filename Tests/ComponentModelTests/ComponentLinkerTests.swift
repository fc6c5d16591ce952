import Testing
import WasmEngine
@testable import ComponentModel

@Suite struct ComponentLinkerTests {
    typealias A = ComponentAST

    /// A component importing instance `name` with `(export "double" (func (param "x" u32) (result u32)))`,
    /// calling it through `canon lower` from core code, and exporting `run(x) = double(x) + 1`.
    private func doubler(importing name: String, resultType: ComponentValueType = A.u32) throws -> Component {
        A.component([
            .type(.instance([
                .type(A.functionType([("x", A.u32)], resultType)),
                .export(name: ExternName("double"), type: .function(typeIndex: 0)),
            ])),
            A.import(name, .instance(typeIndex: 0)),
            A.alias(.function, instance: 0, "double"),
            A.lower(function: 0),
            A.coreExports([("double", .function, 0)]),
            try A.module(#"(module (import "host" "double" (func $d (param i32) (result i32))) (func (export "run") (param i32) (result i32) (i32.add (call $d (local.get 0)) (i32.const 1))))"#),
            A.instantiate(module: 0, [("host", 0)]),
            A.coreAlias(.function, instance: 1, "run"),
            .type(A.functionType([("x", A.u32)], A.u32)),
            A.lift(core: 1, type: 1),
            A.export("run", .function, 1),
        ])
    }

    private func hostDoubler(factor: UInt32) -> HostInstance {
        var host = HostInstance()
        host.define(function: "double", type: ABIFunctionType(parameters: [.u32], results: [.u32])) { arguments in
            guard case .u32(let x) = arguments[0] else { return [] }
            return [.u32(x * factor)]
        }
        return host
    }

    @Test func hostFunctionsAreCalledThroughCanonLower() throws {
        let linker = ComponentLinker()
        try linker.define(instance: "test:math/ops@0.2.0", hostDoubler(factor: 2))
        let run = try #require(try linker.instantiate(try doubler(importing: "test:math/ops@0.2.0")).function(named: "run"))
        #expect(try run.call([.u32(20)]) == [.u32(41)])
    }

    @Test func versionedImportsTakeTheHighestCompatibleDefinition() throws {
        let linker = ComponentLinker()
        try linker.define(instance: "test:math/ops@0.2.0", hostDoubler(factor: 2))
        try linker.define(instance: "test:math/ops@0.2.5", hostDoubler(factor: 3))
        try linker.define(instance: "test:math/ops@0.3.0", hostDoubler(factor: 4))
        let run = try #require(try linker.instantiate(try doubler(importing: "test:math/ops@0.2.3")).function(named: "run"))
        #expect(try run.call([.u32(10)]) == [.u32(31)])
    }

    @Test func versionMatchingFollowsSemverCompatibility() {
        let defined = ["wasi:cli/environment@0.2.0", "wasi:cli/environment@0.2.9", "wasi:cli/environment@0.3.0",
                       "wasi:io/streams@1.0.0", "wasi:io/streams@1.4.2", "wasi:http/types@0.2.0-rc.1", "plain"]
        #expect(ExternVersionMatching.bestMatch(for: "wasi:cli/environment@0.2.3", among: defined) == "wasi:cli/environment@0.2.9")
        #expect(ExternVersionMatching.bestMatch(for: "wasi:cli/environment@0.3.1", among: defined) == "wasi:cli/environment@0.3.0")
        #expect(ExternVersionMatching.bestMatch(for: "wasi:cli/environment@0.4.0", among: defined) == nil)
        #expect(ExternVersionMatching.bestMatch(for: "wasi:io/streams@1.0.5", among: defined) == "wasi:io/streams@1.4.2")
        #expect(ExternVersionMatching.bestMatch(for: "wasi:http/types@0.2.0", among: defined) == nil)
        #expect(ExternVersionMatching.bestMatch(for: "wasi:cli/exit@0.2.0", among: defined) == nil)
        #expect(ExternVersionMatching.bestMatch(for: "plain", among: defined) == "plain")
    }

    @Test func missingImportsNameTheImport() throws {
        do {
            _ = try ComponentLinker().instantiate(try doubler(importing: "test:math/ops@0.2.0"))
            Issue.record("instantiation should fail")
        } catch let error as ComponentLinkError {
            #expect(error.message.contains("missing import `test:math/ops@0.2.0`"))
        }
    }

    @Test func mistypedImportsAreLinkErrors() throws {
        let linker = ComponentLinker()
        try linker.define(instance: "test:math/ops@0.2.0", hostDoubler(factor: 2))
        do {
            _ = try linker.instantiate(try doubler(importing: "test:math/ops@0.2.0", resultType: .primitive(.u64)))
            Issue.record("instantiation should fail")
        } catch let error as ComponentLinkError {
            #expect(error.message.contains("test:math/ops@0.2.0.double"))
            #expect(error.message.contains("function type mismatch"))
        }
        let empty = ComponentLinker()
        try empty.define(instance: "test:math/ops@0.2.0", HostInstance())
        do {
            _ = try empty.instantiate(try doubler(importing: "test:math/ops@0.2.0"))
            Issue.record("instantiation should fail")
        } catch let error as ComponentLinkError {
            #expect(error.message.contains("has no export `double`"))
        }
    }

    @Test func duplicateDefinitionsAreRejected() throws {
        let linker = ComponentLinker()
        try linker.define(instance: "a:b/c", HostInstance())
        #expect(throws: ComponentLinkError.self) { try linker.define(instance: "a:b/c", HostInstance()) }
    }

    @Test func hostErrorsTrapTheCallerWithTheirDescription() throws {
        struct Refused: Error, CustomStringConvertible { var description: String { "refused by host" } }
        var host = HostInstance()
        host.define(function: "double", type: ABIFunctionType(parameters: [.u32], results: [.u32])) { _ in throw Refused() }
        let linker = ComponentLinker()
        try linker.define(instance: "test:math/ops", host)
        let run = try #require(try linker.instantiate(try doubler(importing: "test:math/ops")).function(named: "run"))
        do {
            _ = try run.call([.u32(1)])
            Issue.record("the call should trap")
        } catch let trap as ComponentTrap {
            #expect(trap.message == "refused by host")
        }
    }

    @Test func componentInstancesCanBeDefinedForImport() throws {
        let linker = ComponentLinker()
        let provider = try linker.instantiate(A.component([
            try A.module(#"(module (func (export "double") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 7))))"#),
            A.instantiate(module: 0), A.coreAlias(.function, instance: 0, "double"),
            .type(A.functionType([("x", A.u32)], A.u32)), A.lift(core: 0, type: 0),
            A.export("double", .function, 0),
        ]))
        try linker.define(instance: "test:math/ops", provider)
        let consumer = try linker.instantiate(try doubler(importing: "test:math/ops"))
        #expect(try consumer.function(named: "run")?.call([.u32(2)]) == [.u32(15)])
    }

    @Test func topLevelFunctionImportsAndSortMismatches() throws {
        // (import "double" (func (param "x" u32) (result u32))) lowered and re-lifted as "run".
        let component = A.component([
            .type(A.functionType([("x", A.u32)], A.u32)),
            A.import("double", .function(typeIndex: 0)),
            A.lower(function: 0), A.coreExports([("double", .function, 0)]),
            try A.module(#"(module (import "h" "double" (func $d (param i32) (result i32))) (func (export "run") (param i32) (result i32) (call $d (local.get 0))))"#),
            A.instantiate(module: 0, [("h", 0)]), A.coreAlias(.function, instance: 1, "run"),
            A.lift(core: 1, type: 0), A.export("run", .function, 1),
        ])
        let linker = ComponentLinker()
        try linker.define(function: "double", ComponentFunction(name: "double", type: ABIFunctionType(parameters: [.u32], results: [.u32])) {
            guard case .u32(let x) = $0[0] else { return [] }
            return [.u32(2 * x)]
        })
        #expect(try linker.instantiate(component).function(named: "run")?.call([.u32(21)]) == [.u32(42)])

        let wrongSort = ComponentLinker()
        try wrongSort.define(instance: "double", HostInstance())
        do {
            _ = try wrongSort.instantiate(component)
            Issue.record("instantiation should fail")
        } catch let error as ComponentLinkError {
            #expect(error.message.contains("import `double`: expected a func, but an instance was supplied"))
        }
    }
}
