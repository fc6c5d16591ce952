import ComponentModel

/// `wasi:clocks/monotonic-clock` and `wasi:clocks/wall-clock`, both read from one virtual
/// clock that only moves when the component reads it or waits on it.
extension WASIHost {
    /// `datetime`: `record { seconds: u64, nanoseconds: u32 }`.
    static let datetimeType = ABIType.record([ABIField("seconds", .u64), ABIField("nanoseconds", .u32)])

    func monotonicClockInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define("now", [], .u64) { [clock] _ in [.u64(clock.read())] }
        instance.define("resolution", [], .u64) { [clock] _ in [.u64(clock.tick)] }
        instance.define("subscribe-instant", [.u64], .own(pollableType)) { arguments in
            [self.newPollable(deadline: try arguments[0].u64Argument())]
        }
        instance.define("subscribe-duration", [.u64], .own(pollableType)) { [clock] arguments in
            let duration = try arguments[0].u64Argument()
            let (deadline, overflow) = clock.nanoseconds.addingReportingOverflow(duration)
            return [self.newPollable(deadline: overflow ? .max : deadline)]
        }
        return instance
    }

    func wallClockInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define("now", [], Self.datetimeType) { [clock] _ in
            let elapsed = clock.read()
            return [Self.datetime(seconds: clock.wallClockStart + elapsed / 1_000_000_000,
                                  nanoseconds: UInt32(elapsed % 1_000_000_000))]
        }
        instance.define("resolution", [], Self.datetimeType) { [clock] _ in
            [Self.datetime(seconds: clock.tick / 1_000_000_000, nanoseconds: UInt32(clock.tick % 1_000_000_000))]
        }
        return instance
    }

    private static func datetime(seconds: UInt64, nanoseconds: UInt32) -> ComponentValue {
        .record([ComponentField("seconds", .u64(seconds)), ComponentField("nanoseconds", .u32(nanoseconds))])
    }
}

/// Deterministic virtual time in nanoseconds since the run began: each reading moves it
/// one tick forward (so successive readings differ, as on a real machine) and waiting for
/// an instant jumps straight to it.
final class VirtualClock {
    /// How far one reading moves the clock, and the clocks' reported resolution.
    let tick: UInt64
    /// The wall-clock seconds at virtual instant 0.
    let wallClockStart: UInt64
    /// The current virtual instant.
    private(set) var nanoseconds: UInt64 = 0

    /// A clock at instant 0.
    init(tick: UInt64, wallClockStart: UInt64) {
        self.tick = max(tick, 1)
        self.wallClockStart = wallClockStart
    }

    /// Moves one tick forward and returns the new instant.
    func read() -> UInt64 {
        nanoseconds = nanoseconds.addingReportingOverflow(tick).overflow ? .max : nanoseconds + tick
        return nanoseconds
    }

    /// Moves forward to `instant` if it lies ahead (time never goes back).
    func advance(to instant: UInt64) {
        nanoseconds = max(nanoseconds, instant)
    }
}
