/// Settings of the `timing` handler: the bounds on one `sleep` call.
///
/// ```toml
/// [[handler]]
/// type = "timing"
/// max_sleep_duration = 3600000   # ms, default one hour
/// min_sleep_duration = 1         # ms, default 1
/// ```
public struct TimingConfig: Sendable, Equatable {
    /// The longest sleep an actor may ask for, in milliseconds (default 3 600 000, an hour).
    public var maxSleepDuration: UInt64
    /// The shortest sleep an actor may ask for, in milliseconds (default 1).
    public var minSleepDuration: UInt64

    /// The defaults: at most an hour, at least a millisecond.
    public static let defaults = TimingConfig(maxSleepDuration: 3_600_000, minSleepDuration: 1)

    /// A configuration with the given bounds (milliseconds).
    public init(maxSleepDuration: UInt64, minSleepDuration: UInt64) {
        self.maxSleepDuration = maxSleepDuration
        self.minSleepDuration = minSleepDuration
    }

    static let keys = ["max_sleep_duration", "min_sleep_duration"]

    init(reading settings: ManifestTableReader) throws(ManifestError) {
        let range: ClosedRange<UInt64> = 0...UInt64(Int64.max)
        let maximum = try settings.integer(
            "max_sleep_duration", in: range, unit: "ms", example: "max_sleep_duration = 3600000")
        let minimum = try settings.integer(
            "min_sleep_duration", in: range, unit: "ms", example: "min_sleep_duration = 1")
        self.init(
            maxSleepDuration: maximum ?? TimingConfig.defaults.maxSleepDuration,
            minSleepDuration: minimum ?? TimingConfig.defaults.minSleepDuration)
        if minSleepDuration > maxSleepDuration {
            let node = settings.take("min_sleep_duration") ?? settings.take("max_sleep_duration") ?? settings.node
            throw settings.error(
                at: node,
                "min_sleep_duration (\(minSleepDuration) ms) is larger than max_sleep_duration (\(maxSleepDuration) ms); make the minimum at most the maximum")
        }
    }

    var canonicalSettings: [String: String] {
        [
            "max_sleep_duration": CanonicalText.integer(maxSleepDuration),
            "min_sleep_duration": CanonicalText.integer(minSleepDuration),
        ]
    }
}
