import ComponentModel
import Foundation

/// What a supervisor keeps between the ends of its children: its settings and its restart
/// intensity. Owned by the supervisor's `ActorRuntime`.
struct SupervisorState {
    let config: SupervisorConfig
    var intensity: RestartIntensity

    init(config: SupervisorConfig) {
        self.config = config
        intensity = RestartIntensity(maxRestarts: config.maxRestarts, period: .seconds(config.maxSeconds))
    }
}

/// The supervisor's side of a child's end, handled in the supervisor's message loop (one
/// item, like a message) so that everything it decides is recorded in order in its chain:
///
/// 1. a `supervision` event says what happened (`child-failed`, `child-exited`,
///    `child-stopped`), and the supervisor's own export is called when it has it
///    (`handle-child-error`, `handle-child-exit`, `handle-child-external-stop`);
/// 2. the child's restart type decides whether it is restarted: `permanent` always,
///    `transient` only after a failure, `temporary` never; a child stopped from outside
///    is never restarted (whoever stopped it meant it);
/// 3. the restart intensity is checked: one restart too many and the supervisor gives up:
///    it stops its children (newest first) and fails, and its own supervisor handles that;
/// 4. the strategy picks who restarts: `one-for-one` the child alone, `one-for-all` every
///    child, `rest-for-one` the child and those started after it. The others are stopped
///    newest first, then all are started again in start order (a `temporary` one among the
///    others is not restarted: it is dropped, as in OTP).
extension ActorRuntime {
    /// Handles the end of child incarnation `child`; true when the supervisor itself must stop
    /// (it gave up, or its own handler trapped).
    func superviseChildEnd(_ child: ActorRuntime, _ exit: ActorExit) async throws -> Bool {
        guard let runtime = core.context.runtime, let entry = runtime.supervision.child(child.id),
              entry.parentID == id, entry.actor === child, !entry.managed else {
            return false  // An incarnation already replaced, or a stop this supervisor made itself.
        }
        let recorder = core.context.recorder
        let notification: (action: String, export: ActorExport, parameters: [ComponentValue])
        switch exit {
        case .failed(let message):
            notification = (SupervisionAction.childFailed, .handleChildError,
                            [.string(child.id), Self.witActorError(message)])
        case .shutdown(let data):
            notification = (SupervisionAction.childExited, .handleChildExit,
                            [.string(child.id), .option(data.map { .bytes($0) })])
        case .stopped:
            notification = (SupervisionAction.childStopped, .handleChildExternalStop, [.string(child.id)])
        }
        try recorder.record(.supervision(action: notification.action, childID: child.id, detail: exit.description))
        if core.instance.implements(notification.export) {
            let result = try await invoke(notification.export, notification.parameters)
            if case .failure(.trapped(let message)) = result {
                await finish(.failed("the actor trapped: \(message)"))
                return true
            }
        }

        guard Self.restarts(entry.restart, after: exit) else {
            runtime.supervision.remove(child.id)
            try recorder.record(.supervision(action: SupervisionAction.childNotRestarted, childID: child.id,
                                             detail: Self.whyNotRestarted(entry.restart, exit)))
            return false
        }
        return try await restart(after: entry, runtime: runtime)
    }

    /// Restarts `failed` and, by the strategy, its siblings; true when the supervisor gave up.
    private func restart(after failed: SupervisionTree.Child, runtime: TheaterRuntime) async throws -> Bool {
        var state = supervisorState ?? SupervisorState(config: core.context.manifest.supervisorConfig)
        defer { supervisorState = state }
        let recorder = core.context.recorder
        guard state.intensity.allowRestart() else {
            try await giveUp(runtime, reason: "\(state.intensity.description) (max_restarts = "
                             + "\(state.config.maxRestarts), max_seconds = \(state.config.maxSeconds))")
            return true
        }
        let siblings = runtime.supervision.children(of: id)
        let affected: [SupervisionTree.Child]
        switch state.config.strategy {
        case .oneForOne: affected = [failed]
        case .oneForAll: affected = siblings
        case .restForOne: affected = Array(siblings.drop { $0.id != failed.id })
        }
        let cause = "\(state.config.strategy.rawValue): \(failed.id) ended"
        for other in affected.reversed() where other.id != failed.id {
            runtime.supervision.update(other.id) { $0.managed = true }
            await runtime.stop(other.id, reason: "restarted by its supervisor (\(cause))", grace: other.shutdownTimeout)
        }
        for member in affected {
            if member.id != failed.id && member.restart == .temporary {
                runtime.supervision.remove(member.id)
                try recorder.record(.supervision(action: SupervisionAction.childNotRestarted, childID: member.id,
                                                 detail: "temporary child stopped by \(cause)"))
                continue
            }
            // A restart that fails counts as one more restart; the intensity ends the attempts.
            while true {
                switch await runtime.restartChild(member.id) {
                case .success(let incarnation):
                    try recorder.record(.supervision(action: SupervisionAction.childRestarted, childID: member.id,
                                                     detail: "incarnation \(incarnation) (\(cause))"))
                case .failure(let error):
                    try recorder.record(.supervision(action: SupervisionAction.restartFailed, childID: member.id,
                                                     detail: error.description))
                    guard state.intensity.allowRestart() else {
                        try await giveUp(runtime, reason: "\(state.intensity.description) (max_restarts = "
                                         + "\(state.config.maxRestarts), max_seconds = \(state.config.maxSeconds))")
                        return true
                    }
                    continue
                }
                break
            }
        }
        return false
    }

    /// Records that the supervisor gives up, stops its children newest first and fails.
    private func giveUp(_ runtime: TheaterRuntime, reason: String) async throws {
        try core.context.recorder.record(.supervision(action: SupervisionAction.gaveUp, childID: "", detail: reason))
        for child in runtime.supervision.children(of: id).reversed() {
            runtime.supervision.update(child.id) { $0.managed = true }
            await runtime.stop(child.id, reason: "its supervisor \(id) gave up", grace: child.shutdownTimeout)
            runtime.supervision.remove(child.id)
        }
        await finish(.failed("restart intensity exceeded: \(reason)"))
    }

    /// Whether a child of restart type `type` is restarted after `exit`.
    static func restarts(_ type: RestartType, after exit: ActorExit) -> Bool {
        switch (type, exit) {
        case (_, .stopped): return false
        case (.permanent, _): return true
        case (.transient, .failed): return true
        case (.transient, _), (.temporary, _): return false
        }
    }

    private static func whyNotRestarted(_ type: RestartType, _ exit: ActorExit) -> String {
        if case .stopped = exit { return "stopped from outside: not restarted" }
        switch type {
        case .temporary: return "temporary child: never restarted"
        case .transient: return "transient child exited normally"
        case .permanent: return "permanent child"
        }
    }

    /// The `wit-actor-error` given to `handle-child-error`: `internal`, with the message.
    private static func witActorError(_ message: String) -> ComponentValue {
        .record([ComponentField("error-type", .enum("internal")),
                 ComponentField("data", .option(.bytes(Array(message.utf8))))])
    }
}

extension ActorManifest {
    /// The settings of its `supervisor` handler (defaults when it has none).
    var supervisorConfig: SupervisorConfig {
        for handler in handlers {
            if case .supervisor(let config) = handler { return config }
        }
        return SupervisorConfig()
    }
}
