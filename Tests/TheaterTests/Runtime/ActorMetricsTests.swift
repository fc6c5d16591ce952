import Foundation
import Testing
@testable import Theater

/// The figures `ActorRuntime.metrics()` and `TheaterRuntime.metrics()` report: errors,
/// restarts, call time, fuel, memory and chain length follow what the actor did; every
/// run replays identically.
@Suite(.timeLimit(.minutes(2))) struct ActorMetricsTests {
    @Test func callsAddFuelTimeAndChainEventsAndAnErrCountsAsAnError() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.startCounter()
        let atStart = await actor.metrics()
        #expect(atStart.errors == 0)
        #expect(atStart.restarts == 0)
        #expect(atStart.memoryBytes >= 65536)
        #expect(atStart.chainLength >= 1)
        #expect(try await scenario.request(actor, "add 2") == "2")
        let afterOne = await actor.metrics()
        #expect(afterOne.fuelUsed > atStart.fuelUsed)
        #expect(afterOne.callNanoseconds > atStart.callNanoseconds)
        #expect(afterOne.chainLength > atStart.chainLength)
        #expect(afterOne.errors == 0)
        // The counter answers "fail" with err: an error, and the actor goes on.
        _ = await scenario.runtime.request(to: actor.id, Array("fail".utf8))
        #expect(try await scenario.request(actor, "add 1") == "3")
        let afterErr = await actor.metrics()
        #expect(afterErr.errors == 1)
        #expect(afterErr.fuelUsed > afterOne.fuelUsed)
        #expect(afterErr.messagesHandled == 3)
        #expect(afterErr.stateSize == 1)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func aTrapCountsAnErrorAndTheFuelItBurned() async throws {
        let scenario = try RuntimeScenario()
        let spinner = try await scenario.start(
            "spinner", component: TestActors.spinner.encoded(), handlers: ["message-server"],
            extra: "[limits]\nfuel_per_call = 2000000")
        #expect(scenario.runtime.send(to: spinner.id, Array("spin".utf8)) == nil)
        #expect(await scenario.eventually { await spinner.exitStatus() != nil })
        let metrics = spinner.liveMetrics
        #expect(metrics.errors == 1)
        // All of its fuel, less what was left over below the cost of the next block.
        #expect(metrics.fuelUsed > 1_900_000 && metrics.fuelUsed <= 2_000_000, "fuel used: \(metrics.fuelUsed)")
        #expect(scenario.runtime.metrics().actorsFailed == 1)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func aRefusedMessageCountsAnError() async throws {
        let scenario = try RuntimeScenario()
        let actor = try await scenario.startCounter(extra: "[limits]\nmessage_size = 4\n")
        #expect(scenario.runtime.send(to: actor.id, Array("far too long".utf8)) != nil)
        #expect(actor.liveMetrics.errors == 1)
        try await scenario.shutdownAndReplay(expectedChains: 1)
    }

    @Test func restartsAreCarriedToTheNextIncarnation() async throws {
        let scenario = try RuntimeScenario()
        let first = try await scenario.startCounter()
        let second = try await scenario.runtime.restart(first.id)
        let third = try await scenario.runtime.restart(first.id)
        #expect(await first.metrics().restarts == 0)
        #expect(await second.metrics().restarts == 1)
        #expect(await third.metrics().restarts == 2)
        let runtime = scenario.runtime.metrics()
        #expect(runtime == RuntimeMetrics(actorsRunning: 1, actorsStarted: 3, actorsFailed: 0))
        try await scenario.shutdownAndReplay(expectedChains: 3)
    }
}
