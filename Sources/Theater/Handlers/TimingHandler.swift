import ComponentModel
import Foundation

/// `ntwk:theater/timing`: the wall clock, and waiting (a sleep or a deadline suspends the
/// actor's Wasm execution without blocking a thread). Every reading is recorded, so a
/// replay sees the same times and does not wait.
enum TimingHandler {
    static func interface(_ context: ActorContext, config: TimingConfig) -> GrantedInterface {
        var timing = RecordedInterface("timing", recorder: context.recorder)
        timing.function("now", [], .u64) { _ in .u64(nowMilliseconds()) }
        timing.asyncFunction("sleep", [.u64], TheaterTypes.unitResult) { arguments in
            let duration = try arguments[0].u64Argument()
            if let problem = check(duration, config) { return .outcome(.failure(problem)) }
            try await context.interruptible { try await Task.sleep(nanoseconds: duration * 1_000_000) }
            return .outcome(.success(nil))
        }
        timing.asyncFunction("deadline", [.u64], TheaterTypes.unitResult) { arguments in
            let deadline = try arguments[0].u64Argument()
            let now = nowMilliseconds()
            guard deadline > now else { return .outcome(.success(nil)) }
            let duration = deadline - now
            if let problem = check(duration, config) { return .outcome(.failure(problem)) }
            try await context.interruptible { try await Task.sleep(nanoseconds: duration * 1_000_000) }
            return .outcome(.success(nil))
        }
        return timing.granted
    }

    /// Milliseconds since the Unix epoch.
    static func nowMilliseconds() -> UInt64 {
        UInt64(max(0, Date().timeIntervalSince1970 * 1000))
    }

    private static func check(_ duration: UInt64, _ config: TimingConfig) -> HostFunctionError? {
        if duration > config.maxSleepDuration {
            return HostFunctionError("sleep of \(duration) ms exceeds max_sleep_duration (\(config.maxSleepDuration) ms)")
        }
        if duration < config.minSleepDuration {
            return HostFunctionError("sleep of \(duration) ms is below min_sleep_duration (\(config.minSleepDuration) ms)")
        }
        return nil
    }
}
