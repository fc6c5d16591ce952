import ArgumentParser
import Foundation
import Theater

/// `theater run MANIFEST`: starts an actor in this process, delivers the given messages in
/// order, prints each request's response, then shuts down and closes the chain. Without
/// messages it runs until the actor shuts itself down or the process is interrupted.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an actor from its manifest, recording its chain.",
        discussion: """
        Messages are delivered in the order given: each --send to the actor's handle-send, \
        each --request to handle-request, whose response is printed on its own line. Once \
        every actor is idle (at most 10 s later), the actors are stopped, children first. With no messages, the actor runs until it shuts itself down, \
        or until SIGINT/SIGTERM. The chain is written to DIR/chains/<actor-id>.chain and the \
        component to DIR/store/, DIR being --data-dir, else $THEATER_HOME, else ~/.theater.
        """
    )

    @Argument(help: "The actor's manifest (TOML).")
    var manifest: String

    @Option(name: .long, help: "The data directory (chains and content store).")
    var dataDir: String?

    @Option(name: .long, help: "A message for handle-send (repeatable; order kept with --request).")
    var send: [String] = []

    @Option(name: .long, help: "A message for handle-request; its response is printed (repeatable).")
    var request: [String] = []

    @Flag(name: .long, help: "Print one JSON document: actor id, chain, responses.")
    var json = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let actorManifest: ActorManifest
        do {
            actorManifest = try ActorManifest.load(path: manifest, environment: environment)
            try actorManifest.requireComponentFile()
        } catch {
            throw CommandFailure("\(error)")
        }
        let runtime = try TheaterRuntime(dataDirectory: DataDirectory.resolve(explicit: dataDir, environment: environment),
                                         environment: environment)
        runtime.logSink = { name, _, line in
            FileHandle.standardError.write(Data("[\(name)] \(line)\n".utf8))
        }
        // From here on SIGINT/SIGTERM stop the actors in order and close their chains (an
        // actor still starting is stopped once its init returns).
        let signals = SignalWatcher(signals: [SIGINT, SIGTERM]) {
            Task { await runtime.shutdown(reason: "interrupted") }
        }
        defer { signals.cancel() }
        let actor: ActorRuntime
        do {
            actor = try await runtime.start(actorManifest)
        } catch {
            await runtime.shutdown()
            throw CommandFailure("cannot start \(actorManifest.name): \(error)")
        }
        let chain = actor.chainURL?.path ?? "(not recorded)"
        if !json {
            FileHandle.standardError.write(Data("started \(actorManifest.name) as \(actor.id)\nchain: \(chain)\n".utf8))
        }

        // The messages come from the command line itself: `TheaterCommand.main` takes them out
        // before ArgumentParser parses, so `send` and `request` are empty there (they stay
        // declared for the help text). They are still used when this command is parsed by other means.
        let scanned = RunMessageArguments.split(Array(CommandLine.arguments.dropFirst())).messages
        let messages = scanned.isEmpty
            ? send.map(OrderedMessage.send) + request.map(OrderedMessage.request) : scanned
        var responses: [String] = []
        var failure: String?
        if messages.isEmpty {
            failure = await waitForEnd(of: actor, in: runtime)
        } else {
            for message in messages {
                switch message {
                case .send(let text):
                    if let error = runtime.send(to: actor.id, Array(text.utf8)) { failure = "send \"\(text)\": \(error)" }
                case .request(let text):
                    switch await runtime.request(to: actor.id, Array(text.utf8)) {
                    case .success(let response):
                        let line = String(decoding: response, as: UTF8.self)
                        responses.append(line)
                        if !json { print(line) }
                    case .failure(let error):
                        failure = "request \"\(text)\": \(error)"
                    }
                }
                if failure != nil { break }
            }
            // What the messages set off (messages between actors, a failure and the restarts
            // it causes) plays out before the actors are stopped.
            await runtime.waitUntilIdle(timeout: .seconds(10))
            await runtime.shutdown(reason: "theater run finished its messages")
            if failure == nil, case .failed(let message)? = await actor.exitStatus() { failure = message }
        }
        if json {
            var document: [String: Any] = ["actor_id": actor.id, "name": actorManifest.name, "chain": chain,
                                           "responses": responses]
            if let failure { document["error"] = failure }
            let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
        if let failure {
            throw CommandFailure(failure)
        }
    }

    /// Runs until the actor ends by itself or the process gets SIGINT/SIGTERM; returns the
    /// actor's failure, if it failed.
    private func waitForEnd(of actor: ActorRuntime, in runtime: TheaterRuntime) async -> String? {
        for await notice in runtime.actorExits where notice.actorID == actor.id {
            await runtime.shutdown(reason: "the actor \(actor.name) ended")
            if case .failed(let message) = notice.exit { return message }
            return nil
        }
        return nil
    }
}
