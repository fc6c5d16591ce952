import ComponentModel

/// The programs an actor may run through its `filesystem` handler, and how they are run.
///
/// - `execute-command(dir, command, args)` runs `command` only when it is listed, exactly
///   as written, in `allowed_commands`; without that key no command runs at all. A bare
///   name is looked up in the host's `PATH`, an absolute path is used as it is, and other
///   spellings (`./tool`) are refused. The program runs directly, never through a shell,
///   with `args` passed as they are, in the folder `dir` (resolved like every path, so
///   inside the actor's folder), with standard input empty and an environment of only
///   `PATH` and `HOME` (the actor's folder): the host's other variables reach actors only
///   through the `environment` handler.
/// - `execute-nix-command(dir, command)` runs `nix develop --command <words>` (as upstream
///   Theater did), only when `nix` is in `allowed_commands`; `command` is split on
///   whitespace, with no quoting or expansion. Allowing `nix` lets the actor run anything
///   nix can, so grant it only to trusted actors.
///
/// Refusals (not allowed, a folder outside) are `err`; a program that cannot be started
/// or does not finish is `ok(error(message))`; one that ran is `ok(success(...))`.
struct FilesystemCommands {
    /// `PATH` for looking up commands when the runtime's environment has none.
    static let fallbackSearchPath = "/usr/local/bin:/usr/bin:/bin"

    /// The commands listed in `allowed_commands` (nil: none may run).
    let allowed: [String]?
    /// Where bare command names are looked up (`PATH`).
    let searchPath: String
    /// How programs are run (timeout, output cap).
    var runner = CommandRunner()

    /// `execute-command`.
    func execute(_ command: String, _ arguments: [String], in folder: String, root: ConfinedRoot,
                 context: ActorContext) async throws -> ComponentValue {
        if let refusal = refusal(of: command, function: "execute-command") { return refusal }
        return try await run(command, arguments, in: folder, root: root, function: "execute-command", context: context)
    }

    /// `execute-nix-command`.
    func executeNix(_ command: String, in folder: String, root: ConfinedRoot,
                    context: ActorContext) async throws -> ComponentValue {
        if let refusal = refusal(of: "nix", function: "execute-nix-command") { return refusal }
        let words = command.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !words.isEmpty else { return Self.refuse("execute-nix-command: the command is empty") }
        return try await run("nix", ["develop", "--command"] + words, in: folder, root: root,
                             function: "execute-nix-command", context: context)
    }

    /// The `err` for a command that may not run, or nil when it may.
    private func refusal(of command: String, function: String) -> ComponentValue? {
        guard let allowed, !allowed.isEmpty else {
            return Self.refuse("\(function) \"\(command)\": no commands are allowed; list the programs this actor "
                               + "may run in allowed_commands of its filesystem handler")
        }
        guard allowed.contains(command) else {
            let list = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            return Self.refuse("\(function) \"\(command)\": not in allowed_commands (\(list))")
        }
        return nil
    }

    private func run(_ command: String, _ arguments: [String], in folder: String, root: ConfinedRoot,
                     function: String, context: ActorContext) async throws -> ComponentValue {
        if ([command] + arguments).contains(where: { $0.utf8.contains(0) }) {
            return Self.refuse("\(function) \"\(command)\": the command and its arguments may not contain NUL bytes")
        }
        let directory: String
        do {
            let resolved = try root.resolve(folder)
            try root.requireFolder(resolved)
            directory = root.absolutePath(of: resolved)
        } catch {
            return Self.refuse("\(function) folder \(error.description)")
        }
        guard let executable = CommandRunner.locate(command, searchPath: searchPath) else {
            let why = command.hasPrefix("/") ? "it is not an executable file"
                : command.contains("/") ? "name a program by its bare name (looked up in PATH) or an absolute path"
                : "no such program in PATH (\(searchPath))"
            return .outcome(.success(CommandOutcome.failed("cannot run \(command): \(why)").value))
        }
        let runner = self.runner, environment = ["PATH": searchPath, "HOME": root.path]
        // A stop cuts the wait short: the program is killed and the call fails (recorded as
        // trapped, like an interrupted sleep).
        let outcome = try await context.interruptible {
            let outcome = await runner.run(executable, command: command, arguments: arguments, in: directory,
                                           environment: environment)
            try Task.checkCancellation()
            return outcome
        }
        return .outcome(.success(outcome.value))
    }

    private static func refuse(_ message: String) -> ComponentValue {
        .outcome(.failure(HostFunctionError(message)))
    }
}
