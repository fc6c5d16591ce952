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
        each --request to handle-request, whose response is printed on its own line. Then \
        the actor is stopped. With no messages, the actor runs until it shuts itself down, \
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
        } catch {
            throw CommandFailure("\(error)")
        }
        let runtime = try TheaterRuntime(dataDirectory: DataDirectory.resolve(explicit: dataDir, environment: environment),
                                         environment: environment)
        runtime.logSink = { name, _, line in
            FileHandle.standardError.write(Data("[\(name)] \(line)\n".utf8))
        }
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

        let messages = OrderedMessages.parse(CommandLine.arguments, sends: send, requests: request)
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
        let signals = SignalWatcher(signals: [SIGINT, SIGTERM]) {
            Task { await runtime.shutdown(reason: "interrupted") }
        }
        defer { signals.cancel() }
        for await notice in runtime.actorExits where notice.actorID == actor.id {
            await runtime.shutdown(reason: "the actor \(actor.name) ended")
            if case .failed(let message) = notice.exit { return message }
            return nil
        }
        return nil
    }
}

/// The `--send` and `--request` messages in the order they stand on the command line
/// (ArgumentParser keeps each option's values in order, but not their interleaving).
enum OrderedMessage: Equatable {
    case send(String)
    case request(String)
}

enum OrderedMessages {
    static func parse(_ arguments: [String], sends: [String], requests: [String]) -> [OrderedMessage] {
        var kinds: [Bool] = []   // true: send
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--send" || argument.hasPrefix("--send=") { kinds.append(true) }
            if argument == "--request" || argument.hasPrefix("--request=") { kinds.append(false) }
            if argument == "--send" || argument == "--request" { index += 1 }
            index += 1
        }
        var sendIterator = sends.makeIterator(), requestIterator = requests.makeIterator()
        var ordered: [OrderedMessage] = []
        for isSend in kinds {
            if isSend, let text = sendIterator.next() { ordered.append(.send(text)) }
            if !isSend, let text = requestIterator.next() { ordered.append(.request(text)) }
        }
        // Anything the scan missed (should not happen) keeps its per-option order at the end.
        while let text = sendIterator.next() { ordered.append(.send(text)) }
        while let text = requestIterator.next() { ordered.append(.request(text)) }
        return ordered
    }
}
