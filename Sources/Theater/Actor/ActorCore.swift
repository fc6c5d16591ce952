import ComponentModel
import Foundation

/// The part of an actor that both a live run and a replay drive: the sandboxed instance,
/// the shared context (state, recorder) and the one way an export is called, recorded
/// (`export-call`, then the host calls it makes, then `export-return`).
///
/// `ActorRuntime` feeds it messages from a mailbox; `ChainReplayer` feeds it the export
/// calls of a recorded chain. Used by one task at a time.
final class ActorCore {
    let instance: ActorInstance
    let context: ActorContext
    let limits: ActorLimits
    /// Set once the instance trapped: a trapped component instance cannot be entered again.
    private(set) var failure: String?

    init(instance: ActorInstance, context: ActorContext, limits: ActorLimits) {
        self.instance = instance
        self.context = context
        self.limits = limits
        context.callBudget = instance.budget
    }

    /// Calls `export` with `parameters` (and the current state), recording the call and its
    /// outcome. Returns the export's result; a trap, a crossed limit or the actor's own
    /// `err` is returned as `.failure`, recorded, never thrown. Throws only when recording
    /// itself fails (the chain cannot be written, or a replay diverged).
    ///
    /// `replayingCut`: in a replay, the recorded cut of this call (deadline, stop), so that it
    /// stops at the same instruction.
    func invoke(_ export: ActorExport, _ parameters: [ComponentValue],
                replayingCut: (fuel: UInt64, message: String)? = nil) async throws -> Result<ComponentValue?, CallFailure> {
        if let failure { return .failure(.actorFailed(failure)) }
        let recorder = context.recorder
        try recorder.record(.exportCall(function: export.description, arguments: parameters))
        let result: ExportResult
        do {
            result = try await instance.call(export, state: context.state, parameters: parameters,
                                             replayingCut: replayingCut)
        } catch let cut as CallInterrupted {
            if recorder.divergence != nil { throw RecordingError.diverged }
            failure = cut.message
            try recorder.record(.exportReturn(function: export.description,
                                              outcome: .interrupted(fuel: cut.fuel, message: cut.message)))
            return .failure(.trapped(cut.message))
        } catch {
            if recorder.divergence != nil { throw RecordingError.diverged }
            if let recording = error as? RecordingError { throw recording }
            let message = ChainRecorder.message(of: error)
            if error is ActorCallError {
                try recorder.record(.exportReturn(function: export.description, outcome: .failed(message: message)))
                return .failure(.exportFailed(message))
            }
            failure = message
            try recorder.record(.exportReturn(function: export.description, outcome: .trapped(message: message)))
            return .failure(.trapped(message))
        }
        switch result {
        case .failed(let message):
            try recorder.record(.exportReturn(function: export.description, outcome: .failed(message: message)))
            return .failure(.exportFailed(message))
        case .ok(let state, let extra):
            if let state, UInt64(state.count) > limits.stateSize {
                let message = "the new state of \(state.count) bytes exceeds the state_size limit of \(limits.stateSize) bytes"
                try recorder.record(.exportReturn(function: export.description, outcome: .trapped(message: message)))
                return .failure(.limitExceeded(message))
            }
            context.state = state
            let hash = state.map { ChainHash.sha256($0) }
            try recorder.record(.exportReturn(function: export.description,
                                              outcome: .ok(stateHash: hash, stateSize: UInt64(state?.count ?? 0),
                                                           result: extra)))
            return .success(extra)
        }
    }
}

/// Why a call into an actor did not return a result.
public enum CallFailure: Error, Equatable, CustomStringConvertible, Sendable {
    /// The export returned `err(message)` (or the actor lacks the export).
    case exportFailed(String)
    /// The actor trapped (including running out of fuel); it cannot run again.
    case trapped(String)
    /// The call crossed a limit (state size); the state is unchanged.
    case limitExceeded(String)
    /// The actor had already failed.
    case actorFailed(String)

    public var description: String {
        switch self {
        case .exportFailed(let message): return "the actor returned an error: \(message)"
        case .trapped(let message): return "the actor trapped: \(message)"
        case .limitExceeded(let message): return message
        case .actorFailed(let message): return "the actor has failed earlier: \(message)"
        }
    }
}
