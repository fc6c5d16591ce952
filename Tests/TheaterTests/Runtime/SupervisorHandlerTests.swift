import ComponentModel
import Foundation
import Testing
@testable import Theater

/// The `supervisor` handler from a component-text actor (`TestActors.supervisor`): a child
/// spawned from `init` (no deadlock: the parent is registered before its `init` runs) and
/// `list-children`, in runs that replay identically (the parent's without its child).
@Suite(.timeLimit(.minutes(1))) struct SupervisorHandlerTests {
    @Test func aChildSpawnedFromInitRunsAndIsListed() async throws {
        let scenario = try RuntimeScenario()
        try scenario.writeActor("child", component: RuntimeScenario.prebuilt("examples/counter/counter.wasm"),
                                handlers: ["runtime", "message-server"], initialState: "0")
        let parent = try await scenario.start("parent", component: TestActors.supervisor.encoded(),
                                              handlers: ["runtime", "message-server", "supervisor"])
        let childID = String(decoding: try #require(await parent.state()), as: UTF8.self)
        #expect(scenario.runtime.actorIDs == [parent.id, childID])
        let child = try #require(scenario.runtime.actor(childID))
        #expect(child.parentID == parent.id)
        #expect(child.name == "child")
        #expect(try await scenario.request(child, "add 2") == "2")
        #expect(try await scenario.request(parent, "children") == childID)
        // Once the child stops, the parent lists no children.
        await scenario.runtime.stop(childID, reason: "test stops the child")
        #expect(try await scenario.request(parent, "children") == "")
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func aChildThatCannotStartFailsTheParentsInitWithTheReason() async throws {
        let scenario = try RuntimeScenario()
        try scenario.writeActor("child", component: Array("not wasm".utf8), handlers: ["message-server"])
        do {
            _ = try await scenario.start("parent", component: TestActors.supervisor.encoded(),
                                         handlers: ["runtime", "message-server", "supervisor"])
            Issue.record("the parent's init should fail")
        } catch let error as ActorStartError {
            guard case .initFailed(let message) = error else {
                Issue.record("expected initFailed, got \(error)")
                return
            }
            #expect(message.contains("spawn child"))
            #expect(message.contains("child.wasm"))
        }
        // Only the parent wrote a chain (the child failed before it had one): it replays.
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
