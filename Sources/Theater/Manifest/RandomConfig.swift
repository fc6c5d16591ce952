/// Settings of the `random` handler.
///
/// ```toml
/// [[handler]]
/// type = "random"
/// seed = 42            # optional: a fixed seed makes the sequence reproducible
/// max_bytes = 1048576  # optional: the most bytes one random-bytes call may ask for
/// max_int = 1000000    # optional: the largest bound random-range accepts
/// ```
public struct RandomConfig: Sendable, Equatable {
    /// A fixed seed, or nil: the runtime then draws one and records it in the chain.
    public var seed: UInt64?
    /// The most bytes one `random-bytes` call may return (default 1 MiB).
    public var maxBytes: UInt32
    /// The largest `max` a `random-range` call may pass, or nil for no bound.
    public var maxInt: UInt64?

    /// The default `maxBytes`: 1 MiB.
    public static let defaultMaxBytes: UInt32 = 1 << 20

    /// A configuration with the given values.
    public init(seed: UInt64? = nil, maxBytes: UInt32 = RandomConfig.defaultMaxBytes, maxInt: UInt64? = nil) {
        self.seed = seed
        self.maxBytes = maxBytes
        self.maxInt = maxInt
    }

    static let keys = ["seed", "max_bytes", "max_int"]

    init(reading settings: ManifestTableReader) throws(ManifestError) {
        let seed = try settings.integer("seed", in: 0...UInt64(Int64.max), example: "seed = 42")
        let maxBytes = try settings.integer(
            "max_bytes", in: 1...UInt64(UInt32.max), unit: "bytes", example: "max_bytes = 1048576")
        let maxInt = try settings.integer("max_int", in: 1...UInt64(Int64.max), example: "max_int = 1000000")
        self.init(seed: seed, maxBytes: maxBytes.map { UInt32($0) } ?? RandomConfig.defaultMaxBytes, maxInt: maxInt)
    }

    var canonicalSettings: [String: String] {
        var fields = ["max_bytes": CanonicalText.integer(maxBytes)]
        if let seed { fields["seed"] = CanonicalText.integer(seed) }
        if let maxInt { fields["max_int"] = CanonicalText.integer(maxInt) }
        return fields
    }
}
