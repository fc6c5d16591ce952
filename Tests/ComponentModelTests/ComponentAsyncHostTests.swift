import Foundation
import Testing
@testable import WasmEngine
@testable import ComponentModel

/// Asynchronous host functions: a guest export called with `callAsync` suspends at each
/// one, the host body is awaited, its results are lowered into the guest and the guest
/// resumes; a synchronous `call` that reaches one fails clearly.
@Suite struct ComponentAsyncHostTests {
    private struct Refused: Error, CustomStringConvertible {
        var description: String { "refused by host" }
    }

    /// A host for the guest whose three functions are asynchronous: the fetches answer
    /// after a yield, `next` is `nextBody`.
    private func asyncHost(bytesCount: Int = 100,
                           next nextBody: @escaping HostInstance.AsyncBody = { [.u32(($0[0].u32Value ?? 0) + 1)] })
        -> HostInstance {
        var host = HostInstance()
        host.define(asyncFunction: "fetch-text", type: AsyncHostGuest.fetchTextType) { arguments in
            await Task.yield()
            return [.string("value of \(arguments[0].u32Value ?? 0) ✓")]
        }
        host.define(asyncFunction: "fetch-bytes", type: AsyncHostGuest.fetchBytesType) { arguments in
            await Task.yield()
            return [.bytes(AsyncHostGuest.bytes(for: arguments[0].u32Value ?? 0, count: bytesCount))]
        }
        host.define(asyncFunction: "next", type: AsyncHostGuest.nextType, nextBody)
        return host
    }

    @Test func asyncResultsAreLoweredThroughReallocAfterTheGuestResumes() async throws {
        // 200 KB do not fit the guest's first memory page: its realloc grows the memory
        // while the execution is suspended.
        let count = 200_000
        let linker = ComponentLinker()
        let instance = try AsyncHostGuest.instantiate(asyncHost(bytesCount: count), in: linker)
        let fetch = try AsyncHostGuest.export("fetch", of: instance)
        let results = try await fetch.callAsync([.u32(7)])
        #expect(results == [.tuple([.string("value of 7 ✓"), .bytes(AsyncHostGuest.bytes(for: 7, count: count))])])
        // The nested realloc calls left the suspended execution intact, and it finished.
        #expect(linker.store.frameCount == 0 && linker.store.stackTop == linker.store.slots)
        #expect(linker.store.suspensions.isEmpty)
        // The instance is free again, and a second call sees fresh values.
        let again = try await fetch.callAsync([.u32(8)])
        #expect(again == [.tuple([.string("value of 8 ✓"), .bytes(AsyncHostGuest.bytes(for: 8, count: count))])])
    }

    @Test func oneCallCanSuspendManyTimes() async throws {
        let seen = Recorder()
        let instance = try AsyncHostGuest.instantiate(asyncHost { arguments in
            let x = arguments[0].u32Value ?? 0
            await seen.record(x)
            try await Task.sleep(for: .milliseconds(1))
            return [.u32(x + 10)]
        })
        let count = try AsyncHostGuest.export("count", of: instance)
        #expect(try await count.callAsync([.u32(5)]) == [.u32(50)])
        #expect(await seen.values == [0, 10, 20, 30, 40])
        #expect(try await count.callAsync([.u32(0)]) == [.u32(0)])
    }

    @Test func exportsThatCallNoAsyncFunctionBehaveTheSameWithCallAsync() async throws {
        let instance = try AsyncHostGuest.instantiate(asyncHost())
        let plain = try AsyncHostGuest.export("plain", of: instance)
        #expect(try await plain.callAsync([.u32(21)]) == [.u32(42)])
        #expect(try plain.call([.u32(21)]) == [.u32(42)])
        await #expect(throws: ComponentTrap.self) { try await plain.callAsync([]) }
    }

    @Test func aThrowingAsyncBodyTrapsTheGuestAndPoisonsItsInstance() async throws {
        let linker = ComponentLinker()
        let instance = try AsyncHostGuest.instantiate(asyncHost { arguments in
            let x = arguments[0].u32Value ?? 0
            if x == 2 { throw Refused() }
            return [.u32(x + 1)]
        }, in: linker)
        let count = try AsyncHostGuest.export("count", of: instance)
        do {
            _ = try await count.callAsync([.u32(5)])
            Issue.record("the call should trap")
        } catch let trap as ComponentTrap {
            #expect(trap.message == "refused by host")
        }
        // The suspended execution was dropped from the store, which is ready for more.
        #expect(linker.store.frameCount == 0 && linker.store.stackTop == linker.store.slots)
        #expect(linker.store.suspensions.isEmpty)
        do {
            _ = try await AsyncHostGuest.export("plain", of: instance).callAsync([.u32(1)])
            Issue.record("a poisoned instance cannot be entered")
        } catch let trap as ComponentTrap {
            #expect(trap.message == CanonicalABIError.poisoned.description)
        }
        // Another instance in the same store runs normally.
        let other = try linker.instantiate(AsyncHostGuest.component)
        #expect(try await AsyncHostGuest.export("count", of: other).callAsync([.u32(2)]) == [.u32(2)])
    }

    @Test func resultsThatDoNotMatchTheTypeTrapTheGuest() async throws {
        let instance = try AsyncHostGuest.instantiate(asyncHost { _ in [.string("not a u32")] })
        do {
            _ = try await AsyncHostGuest.export("count", of: instance).callAsync([.u32(1)])
            Issue.record("the call should trap")
        } catch let trap as ComponentTrap {
            #expect(trap.message.contains("u32"))
        }
    }

    @Test func aSynchronousCallThatReachesAnAsyncHostFunctionFailsClearly() throws {
        let instance = try AsyncHostGuest.instantiate(asyncHost())
        do {
            _ = try AsyncHostGuest.export("count", of: instance).call([.u32(1)])
            Issue.record("the call should fail")
        } catch let trap as ComponentTrap {
            #expect(trap.message == "`next` is asynchronous: call the export with callAsync")
        }
        // A call that does not reach it still works on a fresh instance.
        let fresh = try AsyncHostGuest.instantiate(asyncHost())
        #expect(try AsyncHostGuest.export("count", of: fresh).call([.u32(0)]) == [.u32(0)])
    }

    @Test func asyncHostFunctionsCalledDirectlyAreAwaited() async throws {
        let function = ComponentFunction(name: "later", type: AsyncHostGuest.nextType, async: { arguments in
            try await Task.sleep(for: .milliseconds(1))
            return [.u32((arguments[0].u32Value ?? 0) * 3)]
        })
        #expect(function.isAsync)
        #expect(try await function.callAsync([.u32(5)]) == [.u32(15)])
        do {
            _ = try function.call([.u32(5)])
            Issue.record("a synchronous call of an async function should fail")
        } catch let trap as ComponentTrap {
            #expect(trap.message == "`later` is asynchronous: call it with callAsync")
        }
        // Synchronous host functions can be awaited too.
        let sync = ComponentFunction(name: "now", type: AsyncHostGuest.nextType) { $0 }
        #expect(!sync.isAsync)
        #expect(try await sync.callAsync([.u32(4)]) == [.u32(4)])
    }

    /// More guests than the machine has threads for Swift tasks all wait in `Task.sleep` at
    /// once, while another task keeps ticking: were a thread blocked per waiting guest,
    /// they could not all arrive at the rendezvous.
    @Test(.timeLimit(.minutes(1)))
    func waitingGuestsBlockNoThread() async throws {
        let guests = ProcessInfo.processInfo.activeProcessorCount + 4
        let rendezvous = Rendezvous(expected: guests)
        let ticker = TickCounter()
        let ticking = Task {
            while !Task.isCancelled {
                await ticker.tick()
                try? await Task.sleep(for: .milliseconds(1))
            }
        }
        defer { ticking.cancel() }
        let ticksWhileSleeping = Recorder()
        let counts = try (0..<guests).map { _ in
            try AsyncHostGuest.export("count", of: AsyncHostGuest.instantiate(asyncHost { arguments in
                let before = await ticker.ticks
                try await Task.sleep(for: .milliseconds(50))
                await ticksWhileSleeping.record(UInt32(await ticker.ticks - before))
                await rendezvous.arrive()
                return [.u32((arguments[0].u32Value ?? 0) + 1)]
            }))
        }
        let results = try await withThrowingTaskGroup(of: [ComponentValue].self) { group in
            for count in counts {
                group.addTask { try await count.callAsync([.u32(1)]) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: [.u32(1)], count: guests))
        #expect(await ticksWhileSleeping.values.count == guests)
        #expect(await ticksWhileSleeping.values.contains { $0 > 0 }, "the ticking task ran while the guests slept")
    }
}

private extension ComponentValue {
    /// The payload of a `u32` value.
    var u32Value: UInt32? {
        if case .u32(let value) = self { return value }
        return nil
    }
}
