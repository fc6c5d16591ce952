import ComponentModel
import Foundation

/// `ntwk:theater/filesystem`: files and folders inside the one folder the manifest grants
/// (`path`, relative to the manifest's folder, or with `new_dir = true` a fresh folder
/// `files/<actor-id>/` in the data directory), and running the programs listed in
/// `allowed_commands` there.
///
/// Every path argument is resolved by `ConfinedRoot` and refused when it would leave the
/// folder (`..`, absolute paths elsewhere, symbolic links leading out, odd or over-long
/// names); refusals and failures come back as `err("<function> \"<path>\": <reason>")`.
/// Every result is recorded, so a replay reads nothing from disk and runs nothing.
enum FilesystemHandler {
    /// The interface for the actor of `context`. Live, the folder must exist and be a
    /// folder (or is created, with `new_dir`), else the actor fails to start; in replay and
    /// validation (no runtime) no folder is needed, since no function body runs.
    static func interface(_ context: ActorContext, config: FilesystemConfig,
                          environment: [String: String]) throws -> GrantedInterface {
        let root = try context.runtime.map { try confinedRoot(config, manifest: context.manifest, actorID: context.actorID,
                                                              dataDirectory: $0.dataDirectory) }
        let readLimit = context.manifest.limits.messageSize
        let commands = FilesystemCommands(allowed: config.allowedCommands,
                                          searchPath: environment["PATH"] ?? FilesystemCommands.fallbackSearchPath)
        let unit = TheaterTypes.unitResult
        var filesystem = RecordedInterface("filesystem", recorder: context.recorder)

        filesystem.function("read-file", [.string], TheaterTypes.result(TheaterTypes.bytes)) { arguments in
            let path = try arguments[0].stringArgument()
            return perform("read-file", root) { root throws(FilesystemPathError) in
                .bytes(try root.readFile(root.resolve(path), limit: readLimit))
            }
        }
        filesystem.function("write-file", [.string, .string], unit) { arguments in
            let path = try arguments[0].stringArgument(), content = try arguments[1].stringArgument()
            return perform("write-file", root) { root throws(FilesystemPathError) in
                try root.writeFile(root.resolve(path), Array(content.utf8))
                return nil
            }
        }
        filesystem.function("list-files", [.string], TheaterTypes.result(.list(.string))) { arguments in
            let path = try arguments[0].stringArgument()
            return perform("list-files", root) { root throws(FilesystemPathError) in
                .list(try root.listFiles(root.resolve(path)).map { .string($0) })
            }
        }
        filesystem.function("delete-file", [.string], unit) { arguments in
            let path = try arguments[0].stringArgument()
            return perform("delete-file", root) { root throws(FilesystemPathError) in
                try root.deleteFile(root.resolve(path, followFinalLink: false))
                return nil
            }
        }
        filesystem.function("create-dir", [.string], unit) { arguments in
            let path = try arguments[0].stringArgument()
            return perform("create-dir", root) { root throws(FilesystemPathError) in
                try root.createFolder(root.resolve(path, followFinalLink: false))
                return nil
            }
        }
        filesystem.function("delete-dir", [.string], unit) { arguments in
            let path = try arguments[0].stringArgument()
            return perform("delete-dir", root) { root throws(FilesystemPathError) in
                try root.deleteFolder(root.resolve(path, followFinalLink: false))
                return nil
            }
        }
        filesystem.function("path-exists", [.string], TheaterTypes.result(.bool)) { arguments in
            let path = try arguments[0].stringArgument()
            return perform("path-exists", root) { root throws(FilesystemPathError) in
                .bool(try root.exists(root.resolve(path)))
            }
        }
        filesystem.asyncFunction("execute-command", [.string, .string, .list(.string)],
                                 TheaterTypes.result(CommandOutcome.type)) { arguments in
            let folder = try arguments[0].stringArgument(), command = try arguments[1].stringArgument()
            guard case .list(let items) = arguments[2] else { throw ComponentTrap("execute-command: args is not a list") }
            let commandArguments = try items.map { try $0.stringArgument() }
            guard let root else { return noFolder("execute-command") }
            return try await commands.execute(command, commandArguments, in: folder, root: root, context: context)
        }
        filesystem.asyncFunction("execute-nix-command", [.string, .string],
                                 TheaterTypes.result(CommandOutcome.type)) { arguments in
            let folder = try arguments[0].stringArgument(), command = try arguments[1].stringArgument()
            guard let root else { return noFolder("execute-nix-command") }
            return try await commands.executeNix(command, in: folder, root: root, context: context)
        }
        return filesystem.granted
    }

    /// The folder of a live actor: the configured `path` (which must exist) or, with
    /// `new_dir`, `files/<actor-id>/` in the data directory, created now.
    static func confinedRoot(_ config: FilesystemConfig, manifest: ActorManifest, actorID: String,
                             dataDirectory: DataDirectory) throws(FilesystemRootError) -> ConfinedRoot {
        if let folder = config.resolvedPath(baseDirectory: manifest.baseDirectory) {
            return try ConfinedRoot(folder: folder)
        }
        let fresh = dataDirectory.filesURL(actorID: actorID)
        do {
            try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
        } catch {
            throw FilesystemRootError(path: fresh.path, problem: "cannot be created: \(error.localizedDescription)")
        }
        return try ConfinedRoot(folder: fresh)
    }

    /// Runs one file operation and wraps its result (or refusal) as `result<T, string>`.
    private static func perform(_ function: String, _ root: ConfinedRoot?,
                                _ body: (ConfinedRoot) throws(FilesystemPathError) -> ComponentValue?) -> ComponentValue {
        guard let root else { return noFolder(function) }
        do {
            return .outcome(.success(try body(root)))
        } catch {
            return .outcome(.failure(HostFunctionError("\(function) \(error.description)")))
        }
    }

    /// The answer when there is no folder: only possible when a body runs outside a live
    /// run, which the recorder never lets happen.
    private static func noFolder(_ function: String) -> ComponentValue {
        .outcome(.failure(HostFunctionError("\(function): the filesystem handler has no folder outside a live run")))
    }
}
