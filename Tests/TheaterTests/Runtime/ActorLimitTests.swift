import ComponentModel
import Foundation
import Testing
@testable import Theater

/// The `[limits]` of a manifest in a live runtime: each crossed limit is an error the
/// sender or the actor sees, recorded in the actor's chain, never a crash; other actors go
/// on; and every run replays identically (a fuel trap reproduces exactly).
@Suite(.timeLimit(.minutes(1))) struct ActorLimitTests {
    private static func isRejection(_ event: RecordedEvent) -> Bool {
        if case .actorError(RecordedErrorKind.messageRejected, _) = event { return true }
        return false
    }

    @Test func anEndlessLoopRunsOutOfFuelAndStopsOnlyThatActor() async throws {
        let scenario = try RuntimeScenario()
        let spinner = try await scenario.start("spinner", component: TestActors.spinner.encoded(),
                                               handlers: ["message-server"], extra: "[limits]\nfuel_per_call = 100000")
        let counter = try await scenario.startCounter()
        #expect(try await scenario.request(spinner, "ping") == "pong")
        #expect(scenario.runtime.send(to: spinner.id, Array("spin".utf8)) == nil)
        let after = await scenario.runtime.request(to: spinner.id, Array("ping".utf8))
        #expect(after == .failure(.actorStopped(spinner.id)) || after == .failure(.unknownActor(spinner.id)))
        #expect(try await scenario.request(counter, "add 4") == "4")
        #expect(await scenario.eventually { await spinner.exitStatus() != nil })
        guard case .failed(let reason)? = await spinner.exitStatus() else {
            Issue.record("the spinner should have failed, got \(String(describing: await spinner.exitStatus()))")
            return
        }
        #expect(reason.contains("all fuel consumed"))
        let events = try scenario.events(of: spinner)
        let trapped = events.contains { event in
            guard case .exportReturn("message-server-client.handle-send", .trapped(let message)) = event else { return false }
            return message.contains("all fuel consumed")
        }
        #expect(trapped, "the chain records the fuel trap")
        guard case .actorStopped? = events.last else {
            Issue.record("the chain should end with actor-stopped, got \(String(describing: events.last))")
            return
        }
        #expect(await counter.exitStatus() == nil)
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func aMessageOverMessageSizeIsRefusedAndRecorded() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("keeper", component: TestActors.stateKeeper.encoded(),
                                             handlers: ["message-server"], extra: "[limits]\nmessage_size = 16")
        let tooLarge = [UInt8](repeating: 7, count: 17)
        #expect(scenario.runtime.send(to: actor.id, tooLarge) == .tooLarge(size: 17, limit: 16))
        #expect(await scenario.runtime.request(to: actor.id, tooLarge) == .failure(.tooLarge(size: 17, limit: 16)))
        #expect(try await scenario.request(actor, [UInt8](repeating: 1, count: 16)) == Array("ok".utf8))
        #expect(await actor.state() == [UInt8](repeating: 1, count: 16))
        #expect(try await scenario.eventually { try scenario.events(of: actor).filter(Self.isRejection).count == 2 })
        let rejection = try scenario.events(of: actor).first(where: Self.isRejection)
        guard case .actorError(_, let message)? = rejection else { return }
        #expect(message == MessageError.tooLarge(size: 17, limit: 16).description)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func aFullMailboxRefusesMessagesAndRecordsTheRefusal() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("sleeper", component: TestActors.sleeper.encoded(),
                                             handlers: ["message-server", "timing"], extra: "[limits]\nmailbox_length = 2")
        let outcomes = (0..<5).map { _ in scenario.runtime.send(to: actor.id, [1]) }
        let refused = outcomes.filter { $0 == .mailboxFull(actor: actor.id, limit: 2) }.count
        let accepted = outcomes.filter { $0 == nil }.count
        #expect(refused >= 2 && accepted + refused == 5, "\(outcomes)")
        // The accepted messages are all handled, one sleep after another.
        let handled = withUnsafeBytes(of: UInt32(accepted).littleEndian, Array.init)
        #expect(await scenario.eventually { await actor.state() == handled })
        #expect(try await scenario.eventually { try scenario.events(of: actor).filter(Self.isRejection).count == refused })
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func aMessageRefusedWhileTheActorWaitsInAHostCallReplaysIdentically() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("sleeper", component: TestActors.sleeper.encoded(),
                                             handlers: ["message-server", "timing"], extra: "[limits]\nmessage_size = 4")
        #expect(scenario.runtime.send(to: actor.id, [1]) == nil)
        // The actor is now sleeping inside handle-send; this refusal happens meanwhile.
        try await Task.sleep(nanoseconds: 100_000_000)
        #expect(scenario.runtime.send(to: actor.id, [1, 2, 3, 4, 5]) == .tooLarge(size: 5, limit: 4))
        #expect(try await scenario.request(actor, [0]) == [1, 0, 0, 0])
        #expect(try await scenario.eventually { try scenario.events(of: actor).contains(where: Self.isRejection) })
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func shutdownStopsAnActorWhoseMailboxIsFull() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("sleeper", component: TestActors.sleeper.encoded(),
                                             handlers: ["message-server", "timing"], extra: "[limits]\nmailbox_length = 1")
        _ = (0..<3).map { _ in scenario.runtime.send(to: actor.id, [1]) }
        await scenario.runtime.shutdown()
        #expect(await actor.exitStatus() == .stopped("runtime shutting down"))
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func aStopThatMustCutAFullMailboxShortStillEndsTheActorAsStopped() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("sleeper", component: TestActors.sleeper.encoded(),
                                             handlers: ["message-server", "timing"], extra: "[limits]\nmailbox_length = 1")
        _ = (0..<3).map { _ in scenario.runtime.send(to: actor.id, [1]) }
        // A grace far shorter than the 300 ms sleep: the stop interrupts the actor.
        await scenario.runtime.stop(actor.id, reason: "test stop", grace: .milliseconds(20))
        #expect(await actor.exitStatus() == .stopped("test stop"))
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func aStateOverStateSizeFailsTheCallAndKeepsTheOldState() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("keeper", component: TestActors.stateKeeper.encoded(),
                                             handlers: ["message-server"], extra: "[limits]\nstate_size = 8")
        #expect(try await scenario.request(actor, "small") == "ok")
        let refused = await scenario.runtime.request(to: actor.id, Array("much too large".utf8))
        guard case .failure(.actorFailed(let message)) = refused else {
            Issue.record("a state over state_size should fail the request, got \(refused)")
            return
        }
        #expect(message.contains("the new state of 14 bytes exceeds the state_size limit of 8 bytes"))
        #expect(await actor.state() == Array("small".utf8))
        // The actor goes on.
        #expect(try await scenario.request(actor, "tiny") == "ok")
        #expect(await actor.state() == Array("tiny".utf8))
        let recorded = try scenario.events(of: actor).contains { event in
            guard case .exportReturn(_, .trapped(let message)) = event else { return false }
            return message.contains("state_size")
        }
        #expect(recorded)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func memoryGrowthPastMemoryBytesIsRefusedAndReplays() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.start("bomb", component: TestActors.memoryBomb.encoded(),
                                             handlers: ["message-server"], extra: "[limits]\nmemory_bytes = 131072")
        func grow(_ pages: UInt32) async throws -> UInt32 {
            let response = try await scenario.request(actor, withUnsafeBytes(of: pages.littleEndian, Array.init))
            return response.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
        // The memory has 1 page of the 2 allowed.
        #expect(try await grow(100) == UInt32.max)
        #expect(try await grow(65536) == UInt32.max)
        #expect(try await grow(1) == 1)
        #expect(try await grow(1) == UInt32.max)
        #expect(await actor.exitStatus() == nil)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }
}
