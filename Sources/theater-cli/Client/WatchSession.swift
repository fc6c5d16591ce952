import Foundation
import Theater
import TheaterServer

/// What `theater watch` does on each change: rebuild the project, then put the new build on
/// the server. Keeps the id of the actor it runs there.
///
/// - First successful build: `StartActor` with the manifest's path.
/// - Later builds: `UpdateActorComponent` with the new component's path (the actor keeps
///   its id and state); when the manifest itself changed, `StopActor` and a new
///   `StartActor` instead (the manifest may grant other handlers, set another state).
/// - A failed build, a refused update or a failed start is reported, and the actor running
///   (if any) is left as it is; the next change tries again.
///
/// Paths go to the server as they are on this machine: the server must see the same files
/// (it runs on the same machine, as during development).
final class WatchSession {
    /// The server.
    let server: ManagementClient
    /// How to build the project.
    let build: ActorProjectBuild
    /// Where events go.
    let output: ClientOutput
    /// The stop request, shared with the signal handler.
    let stop: WatchStop
    /// The actor this session runs on the server, once one started.
    private(set) var actorID: String?

    init(server: ManagementClient, build: ActorProjectBuild, output: ClientOutput, stop: WatchStop) {
        self.server = server
        self.build = build
        self.output = output
        self.stop = stop
    }

    /// Prints `event` (a line of text, or a JSON line).
    func report(_ event: WatchEvent) {
        if output.json {
            output.document(event.json)
        } else {
            output.line(event.text(output))
            fflush(stdout)
        }
    }

    /// Builds the project and deploys the build: starts the actor the first time, updates it
    /// afterwards, replaces it when `manifestChanged`. Throws only when the server is lost.
    func deploy(manifestChanged: Bool) async throws {
        let (outcome, seconds) = await runBuild()
        // A build ended by Ctrl-C is no failure to report.
        if stop.isRequested { return }
        switch outcome {
        case .failure(let failure):
            report(.buildFailed(seconds: seconds, error: failure.description, actor: actorID))
        case .success(let result):
            guard let current = actorID else {
                if let started = try await start(seconds: seconds) { report(.started(actor: started, seconds: seconds)) }
                return
            }
            if manifestChanged {
                try await replace(current, seconds: seconds, reason: "the manifest changed")
            } else {
                try await update(current, component: result.manifest.componentURL.path, seconds: seconds)
            }
        }
    }

    /// Runs the build on a thread of its own (it waits half a minute for componentize-py),
    /// timing it.
    private func runBuild() async -> (Result<ActorProjectBuild.Result, CommandFailure>, Double) {
        let build = self.build, stop = self.stop
        return await withCheckedContinuation { done in
            DispatchQueue.global().async {
                let start = Date()
                let outcome: Result<ActorProjectBuild.Result, CommandFailure>
                do throws(CommandFailure) {
                    outcome = .success(try build.run(environment: ProcessInfo.processInfo.environment,
                                                     started: { stop.building($0) }))
                } catch {
                    outcome = .failure(error)
                }
                stop.building(nil)
                done.resume(returning: (outcome, Date().timeIntervalSince(start)))
            }
        }
    }

    /// Sends `UpdateActorComponent`; an actor that has ended meanwhile is started anew.
    private func update(_ id: String, component: String, seconds: Double) async throws {
        switch try await call(.updateActorComponent(id: id, component: component)) {
        case .actorComponentUpdated:
            report(.updated(actor: id, seconds: seconds))
        case .error(.actorNotFound), .error(.actorNotRunning):
            try await replace(id, seconds: seconds, reason: "actor \(id) was no longer running")
        case .error(let error):
            report(.updateRefused(actor: id, seconds: seconds, error: error.description))
        case let other:
            throw unexpected(other, for: "UpdateActorComponent")
        }
    }

    /// Stops `previous` (if it still runs) and starts the actor anew.
    private func replace(_ previous: String, seconds: Double, reason: String) async throws {
        switch try await call(.stopActor(id: previous)) {
        case .actorStopped, .error(.actorNotFound), .error(.actorNotRunning): break
        case .error(let error):
            report(.updateRefused(actor: previous, seconds: seconds, error: "cannot stop it: \(error)"))
            return
        case let other:
            throw unexpected(other, for: "StopActor")
        }
        actorID = nil
        if let started = try await start(seconds: seconds) {
            report(.replaced(previous: previous, actor: started, seconds: seconds, reason: reason))
        }
    }

    /// Sends `StartActor` with the manifest's path; returns the new actor's id, or nil after
    /// reporting why it did not start.
    private func start(seconds: Double) async throws -> String? {
        let command = ManagementCommand.startActor(manifest: build.manifestURL.path, initialState: nil,
                                                   parent: false, subscribe: false)
        switch try await call(command) {
        case .actorStarted(let id):
            actorID = id
            return id
        case .error(let error):
            report(.startFailed(seconds: seconds, error: error.description))
            return nil
        case let other:
            throw unexpected(other, for: "StartActor")
        }
    }

    /// Sends `command`; a lost connection ends the watch with a message saying so.
    private func call(_ command: ManagementCommand) async throws -> ManagementResponse {
        do {
            return try await server.call(command)
        } catch {
            let running = actorID.map { "; actor \($0) may still be running there" } ?? ""
            throw CommandFailure("lost the server at \(await server.address): \(error)\(running)")
        }
    }
}
