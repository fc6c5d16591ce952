import ComponentModel
import Foundation
import Testing
import WasmEngine
@testable import Theater

/// Actors that cannot start: each gives an `ActorStartError` that names the problem and
/// what to do, and the runtime goes on without the actor.
@Suite(.timeLimit(.minutes(1))) struct ActorStartErrorTests {
    @Test func anImportWithoutItsHandlerNamesTheImportAndTheHandlerToAdd() async throws {
        let scenario = try RuntimeScenario()
        defer { scenario.discard() }
        do {
            _ = try await scenario.start("timing-actor", component: TestActors.timing.encoded(), handlers: ["message-server"])
            Issue.record("the actor should not start without a timing handler")
        } catch let error as ActorStartError {
            let manifest = scenario.directory.appendingPathComponent("timing-actor.toml").path
            #expect(error == .ungrantedImport(name: "ntwk:theater/timing",
                                              hint: "add a [[handler]] with type = \"timing\" to \(manifest)"))
            #expect(error.description.contains("`ntwk:theater/timing`, which is not granted"))
        }
        #expect(scenario.runtime.actorIDs.isEmpty)
        // The attempt is recorded: the chain ends with the reason.
        let chain = try #require(scenario.chainURLs.first)
        guard case .verified = ChainVerifier.verify(at: chain) else {
            Issue.record("the chain of the failed start does not verify")
            return
        }
        let events = try scenario.events(at: chain)
        guard events.count == 3, case .actorError("start-failed", let message) = events[1],
              case .actorStopped = events[2] else {
            Issue.record("expected actor-started, actor-error, actor-stopped, got \(events.map(\.typeName))")
            return
        }
        #expect(message.contains("ntwk:theater/timing"))
        // A replay fails to start the same way, so the record of the refusal replays identically.
        guard case .identical(let count, _) = try await scenario.replay(chain) else {
            Issue.record("the chain of the refused start does not replay identically")
            return
        }
        #expect(count == 3)
    }

    @Test func anExportOfTheWrongTypeIsRefusedWithBothTypes() async throws {
        let scenario = try RuntimeScenario()
        defer { scenario.discard() }
        // handle-send declared with a string message instead of list<u8>: same core signature.
        let wrongSend = TestActorExport(
            interface: "message-server-client", function: "handle-send",
            componentType: #"(param "state" (option (list u8))) (param "params" (tuple string)) "#
                + "(result (result (tuple (option (list u8))) (error string)))")
        let component = TestActorComponent(imports: [], exports: [wrongSend], body: """
            (func (export "handle-send") \(TestActors.sendParams) (call $ok \(TestActors.keep)))
            """)
        do {
            _ = try await scenario.start("wrong", component: component.encoded(), handlers: ["message-server"])
            Issue.record("the actor should not start with a mistyped export")
        } catch let error as ActorStartError {
            guard case .exportType(let name, let expected, let actual) = error else {
                Issue.record("expected exportType, got \(error)")
                return
            }
            #expect(name == "ntwk:theater/message-server-client#handle-send")
            #expect(expected.contains("list<u8>"))
            #expect(actual.contains("tuple<string>"))
            #expect(error.description.contains("but Theater calls it as"))
        }
        #expect(scenario.runtime.actorIDs.isEmpty)
    }

    @Test func aCoreModuleIsRefusedWithHowToMakeItAComponent() async throws {
        let scenario = try RuntimeScenario()
        defer { scenario.discard() }
        let module = try WAT.encodeModule(#"(module (memory (export "memory") 1) (func (export "init")))"#)
        do {
            _ = try await scenario.start("core", component: module, handlers: ["message-server"])
            Issue.record("a core module should not start")
        } catch let error as ActorStartError {
            #expect(error.description.contains("core.wasm"))
            #expect(error.description.contains("core WebAssembly module, not a component"))
            #expect(error.description.contains("wasm-tools component new"))
        }
        // Nothing started, so nothing was recorded.
        #expect(scenario.chainURLs.isEmpty)
    }

    @Test func bytesThatAreNoWasmAreRefusedAsMalformed() async throws {
        let scenario = try RuntimeScenario()
        defer { scenario.discard() }
        do {
            _ = try await scenario.start("garbage", component: Array("#!/bin/sh\necho hi\n".utf8), handlers: ["message-server"])
            Issue.record("garbage should not start")
        } catch let error as ActorStartError {
            #expect(error.description.contains("garbage.wasm: malformed component"))
        }
    }
}
