import Foundation
import Theater

/// One thing `theater watch` reports: a line of text for a person, or one JSON object per
/// line (JSON Lines) with `--json`. Every JSON event has `event` (its kind) and, where there
/// is one, `actor` (the id now running) and `build_seconds`.
enum WatchEvent {
    /// Watching began: `files` source files found.
    case watching(project: String, manifest: String, files: Int)
    /// These files changed (as the user reads them); a rebuild follows.
    case changed(files: [String])
    /// The first build succeeded and its actor started.
    case started(actor: String, seconds: Double)
    /// A rebuild succeeded and the running actor now runs the new component, state kept.
    case updated(actor: String, seconds: Double)
    /// A rebuild succeeded and a new actor replaced `previous`, for `reason` (the manifest
    /// changed, or the previous actor had ended); its state starts afresh.
    case replaced(previous: String, actor: String, seconds: Double, reason: String)
    /// The build failed; `actor` (if any) keeps running the previous build.
    case buildFailed(seconds: Double, error: String, actor: String?)
    /// The build succeeded but the server refused the update; `actor` keeps running.
    case updateRefused(actor: String, seconds: Double, error: String)
    /// The build succeeded but the server could not start the actor; none runs.
    case startFailed(seconds: Double, error: String)
    /// Watching ended (a signal); `actor`, if any, is left running.
    case stopped(actor: String?)

    /// The event as one line of text.
    func text(_ output: ClientOutput) -> String {
        switch self {
        case .watching(let project, let manifest, let files):
            return "watching \(project) (\(files) source file\(files == 1 ? "" : "s"), manifest \(manifest)); "
                + "Ctrl-C stops watching"
        case .changed(let files):
            let shown = files.prefix(5).joined(separator: ", ") + (files.count > 5 ? " and \(files.count - 5) more" : "")
            return output.dim("changed: \(shown); rebuilding")
        case .started(let actor, let seconds):
            return "built in \(Self.format(seconds)), actor \(output.cyan(actor)) \(output.green("started"))"
        case .updated(let actor, let seconds):
            return "rebuilt in \(Self.format(seconds)), actor \(output.cyan(actor)) \(output.green("updated"))"
        case .replaced(let previous, let actor, let seconds, let reason):
            return "rebuilt in \(Self.format(seconds)), \(reason): actor \(output.cyan(actor)) \(output.green("started")) "
                + "in place of \(previous)"
        case .buildFailed(let seconds, let error, let actor):
            return output.red("build failed after \(Self.format(seconds)):") + " \(error)"
                + (actor.map { "; actor \(output.cyan($0)) keeps running the previous build" } ?? "")
        case .updateRefused(let actor, let seconds, let error):
            return "rebuilt in \(Self.format(seconds)), " + output.red("but the server refused the update:")
                + " \(error); actor \(output.cyan(actor)) keeps running the previous build"
        case .startFailed(let seconds, let error):
            return "built in \(Self.format(seconds)), " + output.red("but the actor did not start:") + " \(error)"
        case .stopped(let actor):
            guard let actor else { return "stopped watching" }
            return "stopped watching; actor \(output.cyan(actor)) is still running (`theater stop \(actor)` stops it)"
        }
    }

    /// The event as a JSON object.
    var json: ManagementJSON {
        var fields: [(key: String, value: ManagementJSON)] = []
        func add(_ key: String, _ value: ManagementJSON) { fields.append((key: key, value: value)) }
        func seconds(_ value: Double) { add("build_seconds", .number(String(format: "%.3f", value))) }
        switch self {
        case .watching(let project, let manifest, let files):
            add("event", .string("watching")); add("project", .string(project)); add("manifest", .string(manifest))
            add("files", .integer(files))
        case .changed(let files):
            add("event", .string("changed")); add("files", .array(files.map { .string($0) }))
        case .started(let actor, let value):
            add("event", .string("started")); add("actor", .string(actor)); seconds(value)
        case .updated(let actor, let value):
            add("event", .string("updated")); add("actor", .string(actor)); seconds(value)
        case .replaced(let previous, let actor, let value, let reason):
            add("event", .string("replaced")); add("actor", .string(actor)); add("previous_actor", .string(previous))
            add("reason", .string(reason)); seconds(value)
        case .buildFailed(let value, let error, let actor):
            add("event", .string("build-failed")); add("actor", actor.map { .string($0) } ?? .null)
            add("error", .string(error)); seconds(value)
        case .updateRefused(let actor, let value, let error):
            add("event", .string("update-refused")); add("actor", .string(actor)); add("error", .string(error)); seconds(value)
        case .startFailed(let value, let error):
            add("event", .string("start-failed")); add("actor", .null); add("error", .string(error)); seconds(value)
        case .stopped(let actor):
            add("event", .string("stopped")); add("actor", actor.map { .string($0) } ?? .null)
            add("actor_running", .bool(actor != nil))
        }
        return .object(fields)
    }

    /// Seconds with one decimal: "2.1 s".
    static func format(_ seconds: Double) -> String {
        String(format: "%.1f s", seconds)
    }
}
