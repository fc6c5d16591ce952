import ComponentModel
import Testing
import Theater

/// `wasi:random/*` and `wasi:clocks/*`: deterministic from the configuration, so a
/// replayed run sees the same numbers and times.
@Suite struct WASIRandomAndClocksHostTests {
    private let randomNames = ["wasi:random/random@0.2.0", "wasi:random/insecure@0.2.0", "wasi:random/insecure-seed@0.2.0"]
    private let clockNames = ["wasi:clocks/monotonic-clock@0.2.0", "wasi:clocks/wall-clock@0.2.0", "wasi:io/poll@0.2.0"]

    private func host(seed: UInt64) -> WASIHost {
        var configuration = WASIConfiguration()
        configuration.seed = seed
        return WASIHost(configuration: configuration)
    }

    private func draws(seed: UInt64) throws -> [ComponentValue] {
        let interfaces = try WASIHostHarness.interfaces(randomNames, of: host(seed: seed))
        let random = interfaces["wasi:random/random@0.2.0"], insecure = interfaces["wasi:random/insecure@0.2.0"]
        return try [
            random?.function(named: "get-random-bytes")?.call([.u64(13)]).first,
            random?.function(named: "get-random-u64")?.call([]).first,
            insecure?.function(named: "get-insecure-random-bytes")?.call([.u64(5)]).first,
            insecure?.function(named: "get-insecure-random-u64")?.call([]).first,
            interfaces["wasi:random/insecure-seed@0.2.0"]?.function(named: "insecure-seed")?.call([]).first,
        ].map { try #require($0) }
    }

    @Test func theSameSeedGivesTheSameNumbers() throws {
        let first = try draws(seed: 42), second = try draws(seed: 42)
        #expect(first == second)
        guard let bytes = first[0].asBytes else { Issue.record("bytes are a list<u8>"); return }
        #expect(bytes.count == 13)
        #expect(Set(bytes).count > 1, "random bytes should not be constant")
    }

    @Test func differentSeedsGiveDifferentNumbers() throws {
        let first = try draws(seed: 1), second = try draws(seed: 2)
        for (a, b) in zip(first, second) { #expect(a != b) }
    }

    @Test func successiveDrawsDiffer() throws {
        let next = try WASIHostHarness.function("get-random-u64", of: "wasi:random/random@0.2.0", in: host(seed: 7))
        let values = try (0..<8).map { _ in try next.call([]) }
        #expect(Set(values).count == 8)
    }

    @Test func theInsecureSeedIsTheSameOnEveryCall() throws {
        let seed = try WASIHostHarness.function("insecure-seed", of: "wasi:random/insecure-seed@0.2.0", in: host(seed: 3))
        #expect(try seed.call([]) == seed.call([]))
    }

    @Test func theMonotonicClockMovesOneTickPerReading() throws {
        var configuration = WASIConfiguration()
        configuration.clockTick = 500
        let clocks = try WASIHostHarness.interfaces(clockNames, of: WASIHost(configuration: configuration))
        let monotonic = clocks["wasi:clocks/monotonic-clock@0.2.0"]
        #expect(try monotonic?.function(named: "now")?.call([]) == [.u64(500)])
        #expect(try monotonic?.function(named: "now")?.call([]) == [.u64(1000)])
        #expect(try monotonic?.function(named: "resolution")?.call([]) == [.u64(500)])
    }

    @Test func waitingJumpsTheVirtualClockToTheDeadline() throws {
        let clocks = try WASIHostHarness.interfaces(clockNames, of: WASIHost())
        let monotonic = clocks["wasi:clocks/monotonic-clock@0.2.0"], poll = clocks["wasi:io/poll@0.2.0"]
        guard case .own(let later)? = try monotonic?.function(named: "subscribe-duration")?.call([.u64(5_000_000)]).first,
              case .own(let sooner)? = try monotonic?.function(named: "subscribe-instant")?.call([.u64(2_000_000)]).first else {
            Issue.record("subscriptions return owned pollables")
            return
        }
        #expect(try poll?.function(named: "[method]pollable.ready")?.call([.borrow(later)]) == [.bool(false)])
        #expect(try poll?.function(named: "poll")?.call([.list([.borrow(later), .borrow(sooner)])]) == [.list([.u32(1)])])
        _ = try poll?.function(named: "[method]pollable.block")?.call([.borrow(later)])
        #expect(try poll?.function(named: "[method]pollable.ready")?.call([.borrow(later)]) == [.bool(true)])
        #expect(try monotonic?.function(named: "now")?.call([]) == [.u64(5_001_000)])
    }

    @Test func theWallClockStartsAtTheConfiguredTimeAndFollowsVirtualTime() throws {
        var configuration = WASIConfiguration()
        configuration.wallClockStart = 1_000
        configuration.clockTick = 1_500_000_000
        let wall = try WASIHostHarness.function("now", of: "wasi:clocks/wall-clock@0.2.0", in: WASIHost(configuration: configuration))
        #expect(try wall.call([]) == [.record([ComponentField("seconds", .u64(1_001)), ComponentField("nanoseconds", .u32(500_000_000))])])
        #expect(try wall.call([]) == [.record([ComponentField("seconds", .u64(1_003)), ComponentField("nanoseconds", .u32(0))])])
    }
}
