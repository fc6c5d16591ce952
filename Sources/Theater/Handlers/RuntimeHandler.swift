import ComponentModel
import Foundation

/// `ntwk:theater/runtime`: logging, the actor's own chain and state, and shutting itself down.
enum RuntimeHandler {
    static func interface(_ context: ActorContext) -> GrantedInterface {
        var runtime = RecordedInterface("runtime", recorder: context.recorder)
        runtime.function("log", [.string], nil) { arguments in
            context.logSink(try arguments[0].stringArgument())
            return nil
        }
        runtime.function("get-state", [], TheaterTypes.bytes) { _ in
            .bytes(context.state ?? [])
        }
        runtime.function("shutdown", [.option(TheaterTypes.bytes)], TheaterTypes.unitResult) { arguments in
            context.shutdownRequested = .some(try arguments[0].optionalBytesArgument())
            return .outcome(.success(nil))
        }
        runtime.function("get-chain", [], TheaterTypes.chain) { _ in
            try chainValue(context)
        }
        return runtime.granted
    }

    /// The actor's chain so far as the WIT `chain` record (hashes shortened to their first
    /// 8 bytes, as upstream's `meta-event` has them).
    private static func chainValue(_ context: ActorContext) throws -> ComponentValue {
        try context.recorder.flush()
        guard let url = context.chainURL else { return .record([ComponentField("events", .list([]))]) }
        let events: [ChainEvent]
        do {
            events = try ChainReader.read(at: url).events
        } catch {
            throw ComponentTrap("cannot read the actor's chain: \(error)")
        }
        let metaEvents = events.map { event -> ComponentValue in
            let inner = ComponentValue.record([
                ComponentField("event-type", .string(event.type)),
                ComponentField("parent", .option(event.parentHash.map { .u64(shortHash($0)) })),
                ComponentField("data", .bytes(event.payload)),
            ])
            return .record([ComponentField("hash", .u64(shortHash(event.hash))), ComponentField("event", inner)])
        }
        return .record([ComponentField("events", .list(metaEvents))])
    }

    private static func shortHash(_ hash: ChainHash) -> UInt64 {
        hash.bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
