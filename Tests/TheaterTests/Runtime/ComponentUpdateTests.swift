import Foundation
import Testing
@testable import Theater

/// `TheaterRuntime.updateComponent(of:to:)`: the actor keeps its id and state and runs the
/// new code as its next incarnation; a component that does not fit, or whose `init` fails,
/// leaves the old code running.
@Suite(.timeLimit(.minutes(1))) struct ComponentUpdateTests {
    /// `examples/counter/counter-v2.wasm`: like the counter, but "add N" adds N + 1.
    private static let counterV2 = RuntimeScenario.repositoryRoot.appendingPathComponent("examples/counter/counter-v2.wasm")

    /// Writes `component` into the scenario's folder as `name` and returns its URL.
    private func write(_ scenario: RuntimeScenario, _ component: TestActorComponent, as name: String) throws -> URL {
        let url = scenario.directory.appendingPathComponent(name)
        try Data(try component.encoded()).write(to: url)
        return url
    }

    @Test func theActorKeepsItsIDAndStateAndRunsTheNewCode() async throws {
        let scenario = try RuntimeScenario()
        let old = try await scenario.startCounter()
        #expect(try await scenario.request(old, "add 3") == "3")
        // Queued before the update: handled by the old code, counted in the state kept.
        #expect(scenario.runtime.send(to: old.id, Array("hi".utf8)) == nil)
        let new = try await scenario.runtime.updateComponent(of: old.id, to: Self.counterV2)
        #expect(new.id == old.id)
        #expect(new !== old)
        #expect(scenario.runtime.actor(old.id) === new)
        guard case .stopped(let reason)? = await old.exitStatus() else {
            Issue.record("the old instance did not stop"); return
        }
        #expect(reason.hasPrefix("component updated to \(Self.counterV2.path) (sha256 "), "\(reason)")
        #expect(try await scenario.request(new, "get") == "4")
        #expect(try await scenario.request(new, "add 1") == "6", "counter-v2 adds N + 1")
        #expect(new.manifest.componentURL == Self.counterV2)
        #expect(new.chainURL == scenario.runtime.dataDirectory.chainURL(actorID: old.id, incarnation: 1))
        // A restart afterwards starts the new code from the manifest's initial state.
        let restarted = try await scenario.runtime.restart(old.id)
        #expect(try await scenario.request(restarted, "add 1") == "2")
        #expect(restarted.chainURL == scenario.runtime.dataDirectory.chainURL(actorID: old.id, incarnation: 2))
        // Each incarnation's chain replays with the component it recorded by hash.
        try await scenario.shutdownAndReplay(expectedChains: 3)
    }

    @Test func aComponentWithoutTheExportsItsHandlersCallIsRefused() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.startCounter()
        #expect(try await scenario.request(actor, "add 2") == "2")
        // Only `actor.init`: the message-server handler calls message-server-client exports.
        let initOnly = try write(scenario, TestActorComponent(imports: [], exports: [.initialize], body: TestActors.keepingInit),
                                 as: "init-only.wasm")
        do {
            try await scenario.runtime.updateComponent(of: actor.id, to: initOnly)
            Issue.record("a component without message-server-client exports replaced the counter")
        } catch {
            guard case .unfit(let path, let reason) = error else { Issue.record("\(error)"); return }
            #expect(path == initOnly.path)
            #expect(reason.contains("message-server-client"), "\(reason)")
            #expect(error.description.contains("the old component keeps running"))
        }
        #expect(scenario.runtime.actor(actor.id) === actor)
        #expect(await actor.exitStatus() == nil)
        #expect(try await scenario.request(actor, "add 1") == "3")
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test(arguments: [
        ("no-such.wasm", "there is no file at"),
        ("", "is a folder, not a component file"),
        ("Benchmarks/programs/fib.wasm", "core WebAssembly module, not a component"),
        ("examples/counter/counter.wat", "malformed component"),
        ("examples/supervision/supervisor.wasm", "not granted"),
    ])
    func aFileThatIsNoFittingComponentIsRefused(relativePath: String, expected: String) async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.startCounter()
        let url = relativePath.isEmpty ? scenario.directory : RuntimeScenario.repositoryRoot.appendingPathComponent(relativePath)
        await #expect {
            try await scenario.runtime.updateComponent(of: actor.id, to: url)
        } throws: { error in
            guard case .unfit(_, let reason)? = error as? ComponentUpdateError else { return false }
            return reason.contains(expected)
        }
        #expect(scenario.runtime.actor(actor.id) === actor)
        #expect(try await scenario.request(actor, "get") == "0")
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func unknownAndEndedActorsAreNamed() async throws {
        let scenario = try RuntimeScenario()
        await #expect(throws: ComponentUpdateError.unknownActor("no-such-actor")) {
            try await scenario.runtime.updateComponent(of: "no-such-actor", to: Self.counterV2)
        }
        let actor = try await scenario.startCounter()
        await scenario.runtime.stop(actor.id, reason: "done")
        await #expect(throws: ComponentUpdateError.notRunning(actor.id)) {
            try await scenario.runtime.updateComponent(of: actor.id, to: Self.counterV2)
        }
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func aSupervisedChildIsRefusedSinceItsSupervisorWouldUndoTheUpdate() async throws {
        let scenario = try RuntimeScenario()
        try scenario.writeActor("child", component: RuntimeScenario.prebuilt("examples/counter/counter.wasm"),
                                handlers: ["runtime", "message-server"], initialState: "0")
        let parent = try await scenario.start("parent", component: TestActors.supervisor.encoded(),
                                              handlers: ["runtime", "message-server", "supervisor"])
        let childID = String(decoding: try #require(await parent.state()), as: UTF8.self)
        let child = try #require(scenario.runtime.actor(childID))
        await #expect(throws: ComponentUpdateError.supervisedChild(id: childID, parentID: parent.id)) {
            try await scenario.runtime.updateComponent(of: childID, to: Self.counterV2)
        }
        #expect(scenario.runtime.actor(childID) === child)
        #expect(try await scenario.request(child, "add 2") == "2", "the old counter")
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func aComponentWhoseInitFailsPutsTheOldOneBackWithTheState() async throws {
        let scenario = try RuntimeScenario()
        let old = try await scenario.startCounter()
        #expect(try await scenario.request(old, "add 7") == "7")
        // Fits the manifest, but its init refuses every state.
        let refusing = try write(scenario, TestActorComponent(imports: [], exports: [.initialize, .handleRequest], body: """
            (data (i32.const 1024) "refused")
            (func (export "init") \(TestActors.initParams) (call $err (i32.const 1024) (i32.const 7)))
            (func (export "handle-request") \(TestActors.requestParams) (call $no_response \(TestActors.keep)))
            """), as: "refusing.wasm")
        do {
            try await scenario.runtime.updateComponent(of: old.id, to: refusing)
            Issue.record("a component whose init fails replaced the counter")
        } catch {
            guard case .startFailed(_, let reason, let restored) = error else { Issue.record("\(error)"); return }
            #expect(reason.contains("refused"), "\(reason)")
            #expect(restored)
        }
        let back = try #require(scenario.runtime.actor(old.id))
        #expect(back !== old)
        #expect(try await scenario.request(back, "get") == "7")
        #expect(try await scenario.request(back, "add 1") == "8", "the old counter, not counter-v2")
        #expect(back.chainURL == scenario.runtime.dataDirectory.chainURL(actorID: old.id, incarnation: 2))
        try await scenario.shutdownAndReplay(expectedChains: 3)
    }
}
