import ComponentModel

/// `ntwk:theater/random`: random bytes, integers in a range, floats and UUIDs, from a
/// generator seeded by the manifest's `seed` (or a seed the runtime draws and records in
/// the actor's first event). Every value is recorded, so replay needs no generator.
enum RandomHandler {
    static func interface(_ context: ActorContext, config: RandomConfig, seed: UInt64) -> GrantedInterface {
        var generator = DeterministicRandom(seed: seed)
        var random = RecordedInterface("random", recorder: context.recorder)
        random.function("random-bytes", [.u32], TheaterTypes.result(TheaterTypes.bytes)) { arguments in
            guard case .u32(let length) = arguments[0] else { throw ComponentTrap("random-bytes expects a u32") }
            guard length <= config.maxBytes else {
                return .outcome(.failure(HostFunctionError("random-bytes: \(length) bytes exceeds max_bytes (\(config.maxBytes))")))
            }
            return .outcome(.success(.bytes(generator.nextBytes(Int(length)))))
        }
        random.function("random-range", [.u64, .u64], TheaterTypes.result(.u64)) { arguments in
            let low = try arguments[0].u64Argument(), high = try arguments[1].u64Argument()
            guard low < high else {
                return .outcome(.failure(HostFunctionError("random-range: min (\(low)) must be less than max (\(high))")))
            }
            if let maxInt = config.maxInt, high > maxInt {
                return .outcome(.failure(HostFunctionError("random-range: max \(high) exceeds max_int (\(maxInt))")))
            }
            return .outcome(.success(.u64(low + generator.next(below: high - low))))
        }
        random.function("random-float", [], TheaterTypes.result(.f64)) { _ in
            // 53 random bits: uniform in [0, 1).
            .outcome(.success(.f64(Double(generator.next() >> 11) / Double(1 << 53))))
        }
        random.function("generate-uuid", [], TheaterTypes.result(.string)) { _ in
            .outcome(.success(.string(ActorID.uuidV4(from: generator.nextBytes(16)))))
        }
        return random.granted
    }
}

extension DeterministicRandom {
    /// A uniform value in `0..<bound` (bound > 0), without modulo bias.
    mutating func next(below bound: UInt64) -> UInt64 {
        let threshold = (0 &- bound) % bound
        while true {
            let value = next()
            if value >= threshold { return value % bound }
        }
    }
}
