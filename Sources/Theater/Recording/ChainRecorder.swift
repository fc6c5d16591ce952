import ComponentModel
import Foundation

/// The one layer every input and output of an actor passes through: export calls, their
/// results, host calls and lifecycle events.
///
/// Live, it performs host calls, appends each event to the actor's chain (SHA-256 linked)
/// and buffers it for the chain file; `flush()` writes the buffer before an effect leaves
/// the actor. In replay, it performs nothing: every host call is answered from the recorded
/// chain after checking that the actor asked for the same thing, and every event the
/// replayed actor produces must hash exactly as recorded. The first difference is kept in
/// `divergence` and ends the replay.
///
/// Owned by one actor and only used from that actor's execution (one message at a time),
/// so it needs no lock.
public final class ChainRecorder {
    /// How events are produced.
    enum Mode {
        /// Record: `writer` persists (nil keeps the chain in memory only, to measure its cost).
        case live(writer: ChainWriter?)
        /// Compare against `recorded`, answering host calls from it.
        case replay(recorded: [ChainEvent])
    }

    private let mode: Mode
    private var linker = ChainLinker()
    /// The position in the recorded chain (replay).
    private var cursor = 0
    /// The first difference between the replayed and the recorded run.
    public private(set) var divergence: ReplayDivergence?
    /// Set when a replay ran past the end of a record that stops in the middle of a call
    /// (the recorded run was killed there): not a divergence, the end of the evidence.
    private(set) var reachedEndOfInterruptedRecord = false
    /// Whether hashing is skipped (live recording switched off entirely, for benchmarks).
    private let disabled: Bool

    init(mode: Mode, disabled: Bool = false) {
        self.mode = mode
        self.disabled = disabled
    }

    /// The hash of the last event.
    public var head: ChainHash? { linker.head }
    /// How many events the chain holds (0 with recording switched off).
    var eventCount: Int { Int(clamping: linker.nextSequence) }
    /// Where each event goes once recorded live (the actor's subscribers).
    var feed: ActorEventFeed?

    /// Appends `event` to the chain (live), or checks it against the record (replay).
    func record(_ event: RecordedEvent) throws {
        if disabled { return }
        switch mode {
        case .live(let writer):
            let timestamp = UInt64(Date().timeIntervalSince1970 * 1000)
            let appended = linker.append(type: event.typeName, payload: event.payloadBytes(), timestamp: timestamp)
            if let writer {
                do { try writer.append(appended) } catch { throw RecordingError.chainWrite("\(error)") }
            }
            feed?.publish(appended)
        case .replay(let recorded):
            guard divergence == nil else { throw RecordingError.diverged }
            guard cursor < recorded.count else {
                try endOfRecord(recorded, actual: event)
            }
            let expected = recorded[cursor]
            let appended = linker.append(type: event.typeName, payload: event.payloadBytes(), timestamp: expected.timestamp)
            guard appended.hash == expected.hash else {
                try diverge(ReplayDivergence(sequence: expected.sequence, expected: try? RecordedEvent(type: expected.type,
                                                                                                   payload: expected.payload),
                                         actual: event))
            }
            cursor += 1
        }
    }

    /// The replay needs an event past the end of the record: a divergence, unless the
    /// recorded run never stopped (it was killed mid-call), where the replay just ends.
    private func endOfRecord(_ recorded: [ChainEvent], actual: RecordedEvent) throws -> Never {
        if let last = recorded.last, last.type != RecordedEvent.TypeName.actorStopped {
            reachedEndOfInterruptedRecord = true
            throw RecordingError.diverged
        }
        try diverge(ReplayDivergence(sequence: UInt64(cursor), expected: nil, actual: actual))
    }

    /// Records a divergence and ends the replayed call.
    private func diverge(_ found: ReplayDivergence) throws -> Never {
        divergence = found
        // Unwinds the replayed Wasm call (as a trap); the replay driver reads `divergence`.
        throw RecordingError.diverged
    }

    /// A host call: live, performs it and records it with its results; in replay, answers it
    /// from the record. A host call that fails (traps the actor) is recorded as an
    /// `actor-error` of kind `host-trap`, so that replay fails it the same way.
    func hostCall(interface: String, function: String, arguments: [ComponentValue],
                  perform: () throws -> [ComponentValue]) throws -> [ComponentValue] {
        if let answer = try replayedAnswer(interface: interface, function: function, arguments: arguments) {
            return try answer.get()
        }
        let results: [ComponentValue]
        do {
            results = try perform()
        } catch {
            try record(.actorError(kind: RecordedErrorKind.hostTrap, message: "\(interface).\(function): \(Self.message(of: error))"))
            throw error
        }
        try record(.hostCall(interface: interface, function: function, arguments: arguments, results: results))
        return results
    }

    /// `hostCall` for a host function that waits (a request, a sleep): the Wasm execution is
    /// suspended meanwhile, no thread blocked.
    func hostCallAsync(interface: String, function: String, arguments: [ComponentValue],
                       perform: () async throws -> [ComponentValue]) async throws -> [ComponentValue] {
        if let answer = try replayedAnswer(interface: interface, function: function, arguments: arguments) {
            return try answer.get()
        }
        let results: [ComponentValue]
        do {
            results = try await perform()
        } catch {
            try record(.actorError(kind: RecordedErrorKind.hostTrap, message: "\(interface).\(function): \(Self.message(of: error))"))
            throw error
        }
        try record(.hostCall(interface: interface, function: function, arguments: arguments, results: results))
        return results
    }

    /// In replay, the recorded answer to a host call (after checking the call is the one
    /// recorded); nil when live.
    private func replayedAnswer(interface: String, function: String,
                                arguments: [ComponentValue]) throws -> Result<[ComponentValue], Error>? {
        guard case .replay(let recorded) = mode else { return nil }
        guard divergence == nil else { throw RecordingError.diverged }
        let asked = RecordedEvent.hostCall(interface: interface, function: function, arguments: arguments, results: [])
        if cursor >= recorded.count { try endOfRecord(recorded, actual: asked) }
        guard let expected = try? RecordedEvent(type: recorded[cursor].type,
                                                                        payload: recorded[cursor].payload) else {
            try diverge(ReplayDivergence(sequence: UInt64(cursor), expected: nil, actual: asked))
        }
        switch expected {
        case .hostCall(let recordedInterface, let recordedFunction, let recordedArguments, let results)
            where recordedInterface == interface && recordedFunction == function && recordedArguments == arguments:
            try record(expected)
            return .success(results)
        case .actorError(let kind, let message) where kind == RecordedErrorKind.hostTrap
            && message.hasPrefix("\(interface).\(function):"):
            try record(expected)
            return .failure(ComponentTrap(String(message.dropFirst(interface.count + function.count + 3))))
        default:
            try diverge(ReplayDivergence(sequence: recorded[cursor].sequence, expected: expected, actual: asked))
        }
    }

    /// Writes buffered events to the chain file (before an effect leaves the actor).
    func flush() throws {
        guard case .live(let writer?) = mode else { return }
        do { try writer.flush() } catch { throw RecordingError.chainWrite("\(error)") }
    }

    /// Flushes unless little is buffered: used between messages whose handling sent nothing
    /// out, so that a stream of messages costs one write per `batchBytes` rather than per
    /// message. (Anything that leaves the actor flushes first, whatever the buffer holds.)
    func flushIfBuffered(atLeast batchBytes: Int) throws {
        guard case .live(let writer?) = mode, writer.bufferedByteCount >= batchBytes else { return }
        try flush()
    }

    /// Flushes, fsyncs and closes the chain file.
    func close() throws {
        guard case .live(let writer?) = mode else { return }
        do { try writer.close() } catch { throw RecordingError.chainWrite("\(error)") }
    }

    /// The recorded events not yet replayed (replay).
    var unreplayedEvents: ArraySlice<ChainEvent> {
        guard case .replay(let recorded) = mode else { return [] }
        return recorded[min(cursor, recorded.count)...]
    }

    static func message(of error: Error) -> String {
        if let trap = error as? ComponentTrap { return trap.message }
        return "\(error)"
    }
}

/// The `kind` strings of `actor-error` events.
public enum RecordedErrorKind {
    /// A host function failed and trapped the actor.
    public static let hostTrap = "host-trap"
    /// An incoming message was refused (too large, mailbox full).
    public static let messageRejected = "message-rejected"
    /// A limit was crossed (state size, fuel, memory).
    public static let limitExceeded = "limit-exceeded"
    /// The actor's export returned `err`.
    public static let exportFailed = "export-failed"
    /// The actor trapped and its instance can no longer run.
    public static let trapped = "trapped"
    /// The actor could not be started (instantiation or a handler failed).
    public static let startFailed = "start-failed"
}

/// Failures of the recording layer itself.
enum RecordingError: Error, CustomStringConvertible {
    /// Writing the chain file failed (disk full, permissions): the actor must stop, since an
    /// unrecorded effect would break replay.
    case chainWrite(String)
    /// The replay has diverged from the record (details in `ChainRecorder.divergence`).
    case diverged

    var description: String {
        switch self {
        case .chainWrite(let message): return "cannot write the chain: \(message)"
        case .diverged: return "replay diverged from the recorded chain (or reached its end)"
        }
    }
}
