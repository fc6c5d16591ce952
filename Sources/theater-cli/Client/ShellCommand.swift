import ArgumentParser
import Foundation
import Theater

/// `theater shell`: an interactive prompt (`theater> `) running the client commands against
/// one server: list, inspect, tree, state, events, start, stop, restart, message; plus
/// clear, help and exit (or quit).
///
/// Each line is split like a shell would (quotes work) and parsed by the same
/// ArgumentParser commands as the command line (`TheaterCommand.parseAsRoot`), with the
/// shell's `--address` put in, so the shell always matches the real commands. An error is
/// printed and the prompt comes back; the end of input (Ctrl-D) leaves with status 0.
struct ShellCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Start an interactive shell for working with the server's actors."
    )

    @OptionGroup var client: ClientOptions

    /// The commands the shell runs through the command line's parser, with a line of help.
    static let commands: [(name: String, usage: String, help: String)] = [
        ("list", "list", "List the running actors"),
        ("inspect", "inspect <id> [--detailed]", "Show detailed information about an actor"),
        ("tree", "tree [--root <id>] [--depth <n>]", "Show the actor hierarchy"),
        ("state", "state <id>", "Show the current state of an actor"),
        ("events", "events <id>", "Show events for an actor"),
        ("start", "start <manifest>", "Start an actor from a manifest"),
        ("stop", "stop <id>", "Stop a running actor"),
        ("restart", "restart <id>", "Restart an actor"),
        ("message", "message <id> <msg>", "Send a message to an actor (or: message <id> --data <msg> [--request])"),
    ]

    /// The prompt before each line.
    static let prompt = "theater> "

    func run() async throws {
        let address = try client.settings().address.description
        // Fail now, clearly, when no server answers, rather than at every line.
        try await client.withServer { _ in }
        let interactive = isatty(STDIN_FILENO) == 1
        if interactive { print("Theater shell, server \(address). Type help for the commands, exit to leave.") }
        while true {
            print(Self.prompt, terminator: "")
            fflush(stdout)
            guard let line = await LineReader.next() else {
                // End of input: leave on a fresh line.
                print("")
                return
            }
            let words: [String]
            do {
                words = try ShellWords.split(line)
            } catch {
                report("\(error)")
                continue
            }
            guard let name = words.first else { continue }
            switch name {
            case "exit", "quit":
                return
            case "help", "?":
                await help(words.dropFirst().first, address: address)
            case "clear":
                print("\u{1B}[2J\u{1B}[H", terminator: "")
            default:
                guard Self.commands.contains(where: { $0.name == name }) else {
                    report("unknown command '\(name)' (type help for the commands)")
                    continue
                }
                await execute(Self.arguments(for: words, address: address, json: client.json))
            }
            fflush(stdout)
        }
    }

    /// The command line for `words`: the command name, the shell's address (and `--json`),
    /// then the words the user typed, so that an `--address` typed in the line wins.
    /// `message <id> <text>` is the shell's short form of `message <id> --data <text>`.
    static func arguments(for words: [String], address: String, json: Bool) -> [String] {
        var rest = Array(words.dropFirst())
        if words.first == "message", rest.count == 2, !rest[1].hasPrefix("-") {
            rest.insert("--data", at: 1)
        }
        return [words[0], "--address", address] + (json ? ["--json"] : []) + rest
    }

    /// Parses and runs one command; prints its failure instead of ending the shell.
    private func execute(_ arguments: [String]) async {
        do {
            var command = try TheaterCommand.parseAsRoot(arguments)
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            report(failure.description)
        } catch {
            let message = TheaterCommand.fullMessage(for: error)
            if TheaterCommand.exitCode(for: error) == .success {
                print(message)  // --help
            } else {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
        }
    }

    /// `help`: the shell's commands; `help <command>`: that command's options.
    private func help(_ topic: String?, address: String) async {
        if let topic, Self.commands.contains(where: { $0.name == topic }) {
            await execute([topic, "--help"])
            return
        }
        var table = TextTable(["COMMAND", "WHAT IT DOES"])
        for command in Self.commands { table.append([TextTable.Cell(command.usage), TextTable.Cell(command.help)]) }
        table.append([TextTable.Cell("help [<command>]"), TextTable.Cell("Show this list, or a command's options")])
        table.append([TextTable.Cell("clear"), TextTable.Cell("Clear the screen")])
        table.append([TextTable.Cell("exit, quit"), TextTable.Cell("Leave the shell (so does Ctrl-D)")])
        table.lines().forEach { print($0) }
        if let topic { report("no command '\(topic)' in the shell") }
    }

    private func report(_ message: String) {
        fflush(stdout)
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
    }
}
