import ComponentModel

/// `wasi:random/random`, `wasi:random/insecure` and `wasi:random/insecure-seed`, all drawn
/// from deterministic generators seeded by `WASIConfiguration.seed` (a replayed run sees
/// the same numbers).
extension WASIHost {
    func randomInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define("get-random-bytes", [.u64], .list(.u8)) { arguments in
            let count = try Self.checkedLength(arguments[0])
            return [.bytes(self.secureRandom.nextBytes(count))]
        }
        instance.define("get-random-u64", [], .u64) { _ in [.u64(self.secureRandom.next())] }
        return instance
    }

    func insecureRandomInterface() -> HostInstance {
        var instance = HostInstance()
        instance.define("get-insecure-random-bytes", [.u64], .list(.u8)) { arguments in
            let count = try Self.checkedLength(arguments[0])
            return [.bytes(self.insecureRandom.nextBytes(count))]
        }
        instance.define("get-insecure-random-u64", [], .u64) { _ in [.u64(self.insecureRandom.next())] }
        return instance
    }

    func insecureSeedInterface() -> HostInstance {
        var instance = HostInstance()
        // The same pair on every call, as WASI intends (a seed for hash-map keys).
        var generator = DeterministicRandom(seed: configuration.seed ^ 0xBB67_AE85_84CA_A73B)
        let seed = (generator.next(), generator.next())
        instance.define("insecure-seed", [], .tuple([.u64, .u64])) { _ in [.tuple([.u64(seed.0), .u64(seed.1)])] }
        return instance
    }

    private static func checkedLength(_ value: ComponentValue) throws -> Int {
        let length = try value.u64Argument()
        guard length <= requestLimit else {
            throw ComponentTrap("random bytes request of \(length) bytes exceeds the host's limit of \(requestLimit)")
        }
        return Int(length)
    }
}

/// A small, fast, deterministic 64-bit generator (SplitMix64): the same seed always
/// yields the same sequence, on every machine.
struct DeterministicRandom: RandomNumberGenerator {
    private var state: UInt64

    /// A generator starting from `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` random bytes (little-endian words of the sequence).
    mutating func nextBytes(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            var word = next()
            for _ in 0..<min(8, count - bytes.count) {
                bytes.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return bytes
    }
}
