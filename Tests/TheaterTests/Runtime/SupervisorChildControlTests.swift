import ComponentModel
import Foundation
import Testing
@testable import Theater

/// The rest of the `supervisor` handler from a component-text actor
/// (`TestActors.supervisorAll`): `stop-child`, `get-child-state`, `get-child-events`,
/// `resume` and `restart-child`, each refusing ids that are not the
/// caller's children. The child is the counter example. Every chain replays identically,
/// the parent's without its children.
@Suite(.timeLimit(.minutes(1))) struct SupervisorChildControlTests {
    /// A response of the supervisor actor: its tag and the text after it.
    private struct Tagged: Equatable {
        let tag: UInt8
        let text: String
    }

    private func call(_ scenario: RuntimeScenario, _ parent: ActorRuntime, _ op: String, _ argument: String = "") async throws -> Tagged {
        let response = try await scenario.request(parent, Array((op + argument).utf8))
        return Tagged(tag: response.first ?? 255, text: String(decoding: response.dropFirst(), as: UTF8.self))
    }

    private func children(_ scenario: RuntimeScenario, _ parent: ActorRuntime) async throws -> [String] {
        try await scenario.request(parent, "l").split(separator: "\n").map(String.init)
    }

    /// A parent (handlers message-server and supervisor) and `child.toml` (the counter) beside it.
    private func startParent(_ scenario: RuntimeScenario, name: String = "parent") async throws -> ActorRuntime {
        try scenario.writeActor("child", component: RuntimeScenario.prebuilt("examples/counter/counter.wasm"),
                                handlers: ["runtime", "message-server"], initialState: "0")
        return try await scenario.start(name, component: TestActors.supervisorAll.encoded(),
                                        handlers: ["runtime", "message-server", "supervisor"])
    }

    private func spawnChild(_ scenario: RuntimeScenario, _ parent: ActorRuntime) async throws -> String {
        let spawned = try await call(scenario, parent, "s", "child.toml")
        try #require(spawned.tag == 0, "spawn failed: \(spawned.text)")
        return spawned.text
    }

    @Test func stopChildStopsItAndListChildrenNoLongerListsIt() async throws {
        let scenario = try RuntimeScenario()
        let parent = try await startParent(scenario)
        let first = try await spawnChild(scenario, parent)
        let second = try await spawnChild(scenario, parent)
        #expect(try await children(scenario, parent) == [first, second])
        let child = try #require(scenario.runtime.actor(first))

        #expect(try await call(scenario, parent, "x", first) == Tagged(tag: 0, text: ""))
        #expect(await child.exitStatus() == .stopped("stopped by its parent \(parent.id)"))
        #expect(scenario.runtime.actor(first) == nil)
        #expect(try await children(scenario, parent) == [second])
        // Stopping it again is an error: it is no longer running.
        #expect(try await call(scenario, parent, "x", first)
                == Tagged(tag: 1, text: "\(first) is not a running child of this actor"))
        try await scenario.shutdownAndReplay(expectedChains: 3)
    }

    @Test func getChildStateAndEventsReadTheChild() async throws {
        let scenario = try RuntimeScenario()
        let parent = try await startParent(scenario)
        let childID = try await spawnChild(scenario, parent)
        let child = try #require(scenario.runtime.actor(childID))
        #expect(try await scenario.request(child, "add 7") == "7")
        #expect(try await call(scenario, parent, "g", childID) == Tagged(tag: 0, text: "7"))

        let events = try await call(scenario, parent, "e", childID)
        #expect(events.tag == 0)
        let recorded = try ChainReader.read(at: try #require(child.chainURL)).events.map(\.type)
        #expect(events.text.split(separator: "\n").map(String.init) == recorded)
        #expect(recorded.first == "actor-started")
        #expect(recorded.count >= 5)

        // Once stopped, its state is gone but its events remain, ending with the stop.
        #expect(try await call(scenario, parent, "x", childID) == Tagged(tag: 0, text: ""))
        #expect(try await call(scenario, parent, "g", childID)
                == Tagged(tag: 1, text: "\(childID) is not a running child of this actor"))
        let after = try await call(scenario, parent, "e", childID)
        #expect(after.tag == 0)
        #expect(after.text.split(separator: "\n").last == "actor-stopped")
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func resumeStartsTheChildFromTheGivenState() async throws {
        let scenario = try RuntimeScenario()
        let parent = try await startParent(scenario)
        let resumed = try await call(scenario, parent, "r", "41")
        #expect(resumed.tag == 0, "resume failed: \(resumed.text)")
        let child = try #require(scenario.runtime.actor(resumed.text))
        #expect(child.parentID == parent.id)
        #expect(await child.state() == Array("41".utf8))
        #expect(try await scenario.request(child, "add 1") == "42")
        #expect(try await children(scenario, parent) == [resumed.text])
        // A state the child's init refuses: resume fails with the child's reason.
        let refused = try await call(scenario, parent, "r", "not a number")
        #expect(refused.tag == 1)
        #expect(refused.text.contains("the state is not a decimal count"), "\(refused.text)")
        #expect(try await children(scenario, parent) == [resumed.text])
        try await scenario.shutdownAndReplay(expectedChains: 3)
    }

    @Test func restartChildStartsAFreshInstanceUnderTheSameID() async throws {
        let scenario = try RuntimeScenario()
        let parent = try await startParent(scenario)
        let childID = try await spawnChild(scenario, parent)
        let first = try #require(scenario.runtime.actor(childID))
        #expect(try await scenario.request(first, "add 7") == "7")
        #expect(try await call(scenario, parent, "t", childID) == Tagged(tag: 0, text: ""))
        // The old instance stopped; the new one answers under the same id, from the spawn's state.
        #expect(await first.exitStatus() == .stopped("restarted by its parent \(parent.id)"))
        let second = try #require(scenario.runtime.actor(childID))
        #expect(second !== first)
        #expect(await second.state() == Array("0".utf8))
        #expect(try await children(scenario, parent) == [childID])
        #expect(second.chainURL == scenario.runtime.dataDirectory.chainURL(actorID: childID, incarnation: 1))
        // The parent reads the new incarnation's events.
        let events = try await call(scenario, parent, "e", childID)
        #expect(events.tag == 0)
        #expect(events.text.split(separator: "\n").map(String.init)
                == (try ChainReader.read(at: try #require(second.chainURL)).events.map(\.type)))
        try await scenario.shutdownAndReplay(expectedChains: 3)
    }

    @Test func idsThatAreNotTheCallersChildrenAreRefused() async throws {
        let scenario = try RuntimeScenario()
        let parent = try await startParent(scenario)
        let other = try await startParent(scenario, name: "other-parent")
        let othersChild = try await spawnChild(scenario, other)
        for id in ["no-such-actor", "", othersChild, other.id, parent.id] {
            #expect(try await call(scenario, parent, "x", id) == Tagged(tag: 1, text: "\(id) is not a running child of this actor"))
            #expect(try await call(scenario, parent, "g", id) == Tagged(tag: 1, text: "\(id) is not a running child of this actor"))
            #expect(try await call(scenario, parent, "e", id) == Tagged(tag: 1, text: "\(id) is not a child of this actor"))
            #expect(try await call(scenario, parent, "t", id).tag == 1)
        }
        // Nothing was stopped on the way.
        #expect(scenario.runtime.actorIDs == [parent.id, other.id, othersChild])
        #expect(try await children(scenario, other) == [othersChild])
        try await scenario.shutdownAndReplay(expectedChains: 3)
    }
}
