import ArgumentParser
import Foundation
import Theater
import TheaterServer

/// `theater channel open ID --message M`: opens a channel to actor ID with M as the first
/// message (the actor's `handle-channel-open` accepts or rejects it), prints the channel id,
/// then prints each message the actor sends on it. Each line read from standard input is
/// sent on the channel. End of input or Ctrl-C closes the channel; the actor closing it (or
/// ending) ends the command.
///
/// With `--json` it prints one JSON document at the end: the channel id, the actor, the
/// messages received and who closed the channel.
struct ChannelOpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a channel to an actor, print what it sends, send it lines from standard input."
    )

    @Argument(help: "The actor's id.")
    var id: String

    @Option(name: .long, help: "The first message (UTF-8 text), which the actor sees when it decides to accept.")
    var message: String

    @OptionGroup var client: ClientOptions

    /// What the session loop handles, in arrival order.
    private enum Item: Sendable {
        /// A frame from the server.
        case frame(ManagementResponse)
        /// The connection ended.
        case connectionEnded
        /// A line of standard input.
        case line(String)
        /// Standard input ended.
        case endOfInput
        /// Ctrl-C (or SIGTERM).
        case interrupted
    }

    func run() async throws {
        try await client.withServer(session)
    }

    private func session(_ server: ManagementClient) async throws {
        let output = client.output
        let opened: ManagementResponse
        do {
            opened = try await server.call(.openChannel(actorID: .actor(id), initialMessage: Array(message.utf8)))
        } catch {
            throw CommandFailure("\(error)")
        }
        switch opened {
        case .channelOpened: break
        case .error(.channelRejected):
            throw CommandFailure("actor \(id) rejected the channel (its handle-channel-open refused the message \"\(message)\")")
        case .error(let error):
            throw CommandFailure(ManagementClient.explain(error, actorID: id))
        default:
            throw unexpected(opened, for: "OpenChannel")
        }
        guard case .channelOpened(let channelID, _) = opened else { return }
        if !output.json { output.line("channel \(output.cyan(channelID)) open to actor \(id)") }
        // Lines go out as they come, also into a pipe or file (which would buffer them).
        fflush(stdout)

        let (items, sink) = AsyncStream<Item>.makeStream()
        let watcher = SignalWatcher(signals: [SIGINT, SIGTERM]) { sink.yield(.interrupted) }
        defer { watcher.cancel() }
        let reader = Task {
            while true {
                do {
                    sink.yield(.frame(try await server.next()))
                } catch {
                    sink.yield(.connectionEnded)
                    return
                }
            }
        }
        defer { reader.cancel() }
        LineReader.start { line in sink.yield(line.map(Item.line) ?? .endOfInput) }

        var received: [[UInt8]] = []
        var closing = false
        for await item in items {
            switch item {
            case .frame(.channelMessage(let channel, _, let bytes)) where channel == channelID:
                received.append(bytes)
                if !output.json {
                    output.line(String(decoding: bytes, as: UTF8.self))
                    fflush(stdout)
                }
            case .frame(.channelClosed(let channel)) where channel == channelID:
                if !output.json { output.line(output.dim(closing ? "channel closed" : "the actor closed the channel")) }
                finish(channelID, received: received, closedBy: closing ? "client" : "actor", output: output)
                return
            case .frame(.error(let error)):
                FileHandle.standardError.write(Data("Error: \(ManagementClient.explain(error, actorID: id))\n".utf8))
            case .frame:
                break  // MessageSent: the line went out
            case .line(let line):
                if !closing { try await server.send(.sendOnChannel(channelID: channelID, message: Array(line.utf8))) }
            case .endOfInput, .interrupted:
                if !closing {
                    closing = true
                    try await server.send(.closeChannel(channelID: channelID))
                }
            case .connectionEnded:
                throw CommandFailure("the server closed the connection before the channel was closed")
            }
        }
    }

    private func finish(_ channelID: String, received: [[UInt8]], closedBy: String, output: ClientOutput) {
        guard output.json else { return }
        output.document(.object([
            (key: "channel_id", value: .string(channelID)),
            (key: "actor_id", value: .string(id)),
            (key: "messages", value: .array(received.map { bytes in
                .object([(key: "text", value: .string(String(decoding: bytes, as: UTF8.self))), (key: "bytes", value: .bytes(bytes))])
            })),
            (key: "closed_by", value: .string(closedBy)),
        ]))
    }
}
