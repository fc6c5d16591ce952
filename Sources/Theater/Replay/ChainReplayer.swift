import ComponentModel
import Foundation

/// Re-runs an actor from its chain and proves the run identical: instantiates the
/// recorded component (or a new version of it), makes the recorded export calls in order
/// with the recorded arguments, answers every host call from the record after checking the
/// actor asked for the same thing, and requires every event it produces to hash exactly as
/// recorded. Stops at the first difference.
public struct ChainReplayer {
    /// The chain to replay.
    public let chainURL: URL
    /// A component to replay instead of the recorded one (a new version of the actor).
    public let replacementComponent: URL?
    /// Where the recorded component's bytes are (the content store of the run's data directory).
    public let contentStore: ContentStore

    /// A replayer of the chain at `chainURL`.
    public init(chainURL: URL, replacementComponent: URL?, contentStore: ContentStore) {
        self.chainURL = chainURL
        self.replacementComponent = replacementComponent
        self.contentStore = contentStore
    }

    /// Replays the chain: `.identical` with the event count and head, or `.diverged`.
    /// Throws `ReplayError` when the chain cannot be replayed at all (corrupt, no component).
    public func replay() async throws -> ReplayOutcome {
        switch ChainVerifier.verify(at: chainURL) {
        case .verified: break
        case .failed(let failure): throw ReplayError.corruptChain(failure.description)
        }
        let recorded: [ChainEvent]
        do {
            recorded = try ChainReader.read(at: chainURL).events
        } catch {
            throw ReplayError.corruptChain("\(error)")
        }
        guard let first = recorded.first, case .actorStarted(let start)? = try? RecordedEvent(type: first.type,
                                                                                             payload: first.payload) else {
            throw ReplayError.notReplayable("the chain does not begin with an actor-started event")
        }
        let manifest: ActorManifest
        do {
            manifest = try ActorManifest.parseRecorded(text: start.manifest,
                                                       fileName: "<manifest recorded in \(chainURL.lastPathComponent)>",
                                                       baseDirectory: chainURL.deletingLastPathComponent(),
                                                       environment: start.environment, initialState: start.initialState)
        } catch {
            throw ReplayError.notReplayable("the recorded manifest does not parse: \(error)")
        }
        let component = try loadComponent(hash: start.componentHash)

        let recorder = ChainRecorder(mode: .replay(recorded: recorded))
        let context = ActorContext(actorID: start.actorID, manifest: manifest, recorder: recorder, chainURL: nil,
                                   runtime: nil, logSink: { _ in })
        context.state = start.initialState
        // The first event is the record of the original run; it is re-emitted as it is, so a
        // new component version diverges where its behaviour does, not at its hash.
        try recordOrDiverge(recorder) { try recorder.record(.actorStarted(start)) }

        let instance: ActorInstance
        do {
            instance = try ActorSandbox.instantiate(component, manifest: manifest, context: context,
                                                    randomSeed: start.randomSeed, environment: [:], output: .discard)
        } catch {
            return try failedStart(error, recorded: recorded, recorder: recorder)
        }
        let core = ActorCore(instance: instance, context: context, limits: manifest.limits)

        while let next = recorder.unreplayedEvents.first {
            let event: RecordedEvent
            do {
                event = try RecordedEvent(type: next.type, payload: next.payload)
            } catch {
                throw ReplayError.corruptChain("event \(next.sequence) does not decode: \(error)")
            }
            switch event {
            case .exportCall(let function, let arguments):
                guard let export = ActorExport(recordedName: function) else {
                    throw ReplayError.notReplayable("event \(next.sequence) calls unknown export \(function)")
                }
                do {
                    _ = try await core.invoke(export, arguments, replayingCut: recordedCut(after: next, in: recorder))
                } catch {
                    if let divergence = recorder.divergence { return .diverged(divergence) }
                    if recorder.reachedEndOfInterruptedRecord { return .identical(events: recorded.count, head: recorder.head) }
                    throw ReplayError.notReplayable("\(error)")
                }
                if let divergence = recorder.divergence { return .diverged(divergence) }
                if recorder.reachedEndOfInterruptedRecord { return .identical(events: recorded.count, head: recorder.head) }
            case .actorError, .actorStopped, .supervision:
                // Decided by the runtime outside the actor (a refused message, a stop, what became
                // of a child): re-emitted.
                if let divergence = try recordOrDiverge(recorder, { try recorder.record(event) }) {
                    return .diverged(divergence)
                }
            case .actorStarted, .exportReturn, .hostCall:
                // The actor should have produced this inside an export call, but did not.
                return .diverged(ReplayDivergence(sequence: next.sequence, expected: event, actual: nil))
            }
        }
        return .identical(events: recorded.count, head: recorder.head)
    }

    /// The recorded cut (deadline, stop) of the call that `call` begins, if it was cut: its
    /// `export-return` is the next one in the record, as an actor's calls do not overlap.
    private func recordedCut(after call: ChainEvent, in recorder: ChainRecorder) -> (fuel: UInt64, message: String)? {
        for event in recorder.unreplayedEvents.dropFirst() where event.type == RecordedEvent.TypeName.exportReturn {
            guard case .exportReturn(_, .interrupted(let fuel, let message))? = try? RecordedEvent(type: event.type,
                                                                                                 payload: event.payload)
            else { return nil }
            return (fuel, message)
        }
        return nil
    }

    /// The replayed actor could not start. Identical when the recorded run could not start
    /// either (its `start-failed` event and what follows are re-emitted as recorded);
    /// otherwise the first divergence.
    private func failedStart(_ error: Error, recorded: [ChainEvent], recorder: ChainRecorder) throws -> ReplayOutcome {
        let failure = RecordedEvent.actorError(kind: RecordedErrorKind.startFailed, message: "\(error)")
        guard recorded.count > 1, let next = try? RecordedEvent(type: recorded[1].type, payload: recorded[1].payload),
              case .actorError(let kind, _) = next, kind == RecordedErrorKind.startFailed else {
            return .diverged(ReplayDivergence(sequence: 1, expected: recorded.count > 1
                                                  ? try? RecordedEvent(type: recorded[1].type, payload: recorded[1].payload) : nil,
                                              actual: failure))
        }
        for event in recorded.dropFirst() {
            let decoded = try RecordedEvent(type: event.type, payload: event.payload)
            if let divergence = try recordOrDiverge(recorder, { try recorder.record(decoded) }) { return .diverged(divergence) }
        }
        return .identical(events: recorded.count, head: recorder.head)
    }

    @discardableResult
    private func recordOrDiverge(_ recorder: ChainRecorder, _ body: () throws -> Void) throws -> ReplayDivergence? {
        do {
            try body()
            return nil
        } catch {
            if let divergence = recorder.divergence { return divergence }
            throw error
        }
    }

    private func loadComponent(hash: String) throws -> ValidatedComponent {
        let bytes: [UInt8]
        if let replacementComponent {
            bytes = try ComponentLoader.read(replacementComponent)
        } else {
            do {
                bytes = try contentStore.get(hash)
            } catch {
                throw ReplayError.notReplayable("the recorded component \(hash) is not in the content store "
                                                + "\(contentStore.root.path) (\(error)); pass --data-dir, or --component FILE")
            }
        }
        return try ComponentLoader.validate(bytes)
    }
}

/// The result of a replay.
public enum ReplayOutcome: Equatable {
    /// Every event was reproduced exactly.
    case identical(events: Int, head: ChainHash?)
    /// The first difference.
    case diverged(ReplayDivergence)
}

/// Why a chain cannot be replayed at all.
public enum ReplayError: Error, CustomStringConvertible {
    /// The chain fails verification or does not decode.
    case corruptChain(String)
    /// Something the replay needs is missing or unusable.
    case notReplayable(String)

    public var description: String {
        switch self {
        case .corruptChain(let message): return "the chain is corrupt: \(message)"
        case .notReplayable(let message): return "cannot replay: \(message)"
        }
    }
}
