import ComponentModel
import Foundation
import Testing
@testable import Theater

/// Runaway actors (an endless loop, a wait without end, a memory bomb, a message flood, a
/// spawn flood) are stopped by their limits, with what happened in their chains, while a
/// sibling keeps answering requests; every run replays identically.
@Suite(.timeLimit(.minutes(2))) struct RunawayActorTests {
    private static func interruption(in events: [RecordedEvent]) -> (fuel: UInt64, message: String)? {
        for event in events {
            if case .exportReturn(_, .interrupted(let fuel, let message)) = event { return (fuel, message) }
        }
        return nil
    }

    @Test func anEndlessLoopWithUnlimitedFuelIsCutAtItsCallDeadlineWhileASiblingAnswers() async throws {
        let scenario = try RuntimeScenario()
        let spinner = try await scenario.start(
            "spinner", component: TestActors.spinner.encoded(), handlers: ["message-server"],
            extra: "[limits]\nfuel_per_call = \"unlimited\"\ncall_deadline_ms = 400")
        let counter = try await scenario.startCounter()
        #expect(scenario.runtime.send(to: spinner.id, Array("spin".utf8)) == nil)
        // While the spinner computes, its sibling answers.
        for expected in 1...5 {
            #expect(try await scenario.request(counter, "add 1") == "\(expected)")
        }
        #expect(await scenario.eventually { await spinner.exitStatus() != nil })
        let cut = try #require(Self.interruption(in: try scenario.events(of: spinner)))
        #expect(cut.message == "the call ran past its deadline of 400 ms (call_deadline_ms)")
        #expect(cut.fuel >= CallBudget.slice)
        guard case .failed(let reason)? = await spinner.exitStatus() else {
            Issue.record("the spinner should have failed")
            return
        }
        #expect(reason.contains("deadline of 400 ms"))
        #expect(await counter.exitStatus() == nil)
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func aWaitPastTheCallDeadlineTrapsTheCall() async throws {
        let scenario = try RuntimeScenario()
        let sleeper = try await scenario.start(
            "sleeper", component: TestActors.timing.encoded(), handlers: ["message-server", "timing"],
            extra: "[limits]\ncall_deadline_ms = 300")
        let started = ContinuousClock.now
        let oneMinute = Array("s".utf8) + withUnsafeBytes(of: UInt64(60_000).littleEndian, Array.init)
        let outcome = await scenario.runtime.request(to: sleeper.id, oneMinute)
        guard case .failure(.actorFailed(let message)) = outcome else {
            Issue.record("expected the call to fail, got \(outcome)")
            return
        }
        #expect(message.contains("deadline of 300 ms (call_deadline_ms) while waiting"), "\(message)")
        #expect(ContinuousClock.now - started < .seconds(30), "the wait was not cut at its deadline")
        let trap = try scenario.events(of: sleeper).contains { event in
            if case .actorError(RecordedErrorKind.hostTrap, let text) = event { return text.contains("deadline") }
            return false
        }
        #expect(trap, "the chain records the host call cut at the deadline")
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func stoppingAnActorBusyInAnEndlessLoopCutsTheLoopShort() async throws {
        let scenario = try RuntimeScenario()
        let spinner = try await scenario.start(
            "spinner", component: TestActors.spinner.encoded(), handlers: ["message-server"],
            extra: "[limits]\nfuel_per_call = \"unlimited\"\ncall_deadline_ms = \"unlimited\"")
        #expect(scenario.runtime.send(to: spinner.id, Array("spin".utf8)) == nil)
        try await Task.sleep(for: .milliseconds(100))
        await scenario.runtime.stop(spinner.id, reason: "test", grace: .milliseconds(200))
        #expect(await spinner.exitStatus() != nil)
        let cut = try #require(Self.interruption(in: try scenario.events(of: spinner)))
        #expect(cut.message == "interrupted: the actor is being stopped")
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func aMemoryBombIsRefusedAtTheActorsMemoryLimit() async throws {
        let scenario = try RuntimeScenario()
        let bomb = try await scenario.start("bomb", component: TestActors.memoryBomb.encoded(),
                                            handlers: ["message-server"], extra: "[limits]\nmemory_bytes = 4194304")
        let counter = try await scenario.startCounter()
        func grow(_ pages: UInt32) async throws -> UInt32 {
            let response = try await scenario.request(bomb, withUnsafeBytes(of: pages.littleEndian, Array.init))
            return response.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
        }
        // 4 MiB is 64 pages in all; the actor starts with 1. Asking for 4 GiB is refused at once.
        #expect(try await grow(65_535) == UInt32.max)
        #expect(try await grow(63) == 1)
        #expect(try await grow(1) == UInt32.max)
        #expect(try await scenario.request(counter, "add 2") == "2")
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func aMessageFloodIsRefusedAtTheTargetsMailboxWhileItKeepsAnswering() async throws {
        let scenario = try RuntimeScenario()
        let counter = try await scenario.startCounter(extra: "[limits]\nmailbox_length = 8")
        let flooder = try await scenario.start("flooder", component: TestActors.flooder.encoded(),
                                               handlers: ["message-server"])
        let response = try await scenario.request(flooder, Array(counter.id.utf8))
        let refused = response.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
        #expect(refused > 0 && refused < 100_000, "refused \(refused)")
        // The flooded actor still answers, and its chain records the refusals.
        #expect(await scenario.eventually { (try? await scenario.request(counter, "get")) != nil })
        let rejections = try scenario.events(of: counter).filter { event in
            if case .actorError(RecordedErrorKind.messageRejected, _) = event { return true }
            return false
        }
        #expect(!rejections.isEmpty)
        try await scenario.shutdownAndReplay(expectedChains: 2)
    }

    @Test func aSpawnFloodStopsAtMaxChildren() async throws {
        let scenario = try RuntimeScenario()
        try scenario.writeActor("child", component: RuntimeScenario.prebuilt("examples/counter/counter.wasm"),
                                handlers: ["runtime", "message-server"], initialState: "0")
        let spawner = try await scenario.start(
            "spawner", component: TestActors.spawner.encoded(), handlers: ["runtime", "message-server", "supervisor"],
            extra: "")
        let counter = try await scenario.startCounter()
        let response = try await scenario.request(spawner, Array("child.toml".utf8))
        #expect(response.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) } == 100)
        #expect(scenario.runtime.supervision.childCount(of: spawner.id) == 100)
        let refusal = try scenario.events(of: spawner).contains { event in
            guard case .hostCall(_, "spawn", _, let results) = event, case .result(.error(.string(let text)))? = results.first
            else { return false }
            return text.contains("max_children")
        }
        #expect(refusal, "the refused spawn is recorded with its reason")
        #expect(try await scenario.request(counter, "add 3") == "3")
        try await scenario.shutdownAndReplay(expectedChains: 102)
    }
}
