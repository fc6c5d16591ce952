import Foundation

/// Settings of the `filesystem` handler: the one folder the actor may use, and the
/// programs it may run there with `execute-command`.
///
/// ```toml
/// [[handler]]
/// type = "filesystem"
/// path = "data/my-actor"               # an existing folder, relative to the manifest's folder
/// # new_dir = true                     # or: a fresh folder <data dir>/files/<actor id>/
/// allowed_commands = ["git", "ls"]     # optional; no command may run when absent
/// ```
///
/// Exactly one of `path` and `new_dir = true` must be given. File operations are always
/// available inside the folder; `allowed_commands` lists programs (bare names looked up
/// in `PATH`, or absolute paths), never file operations. `execute-nix-command` needs
/// `"nix"` in the list.
public struct FilesystemConfig: Sendable, Equatable {
    /// The folder as written in the manifest (after `${VAR}` substitution), or nil with
    /// `newDir`. A relative path is relative to the manifest's folder: resolve it with
    /// `resolvedPath(baseDirectory:)`.
    public var path: String?
    /// Whether the runtime makes a new, empty folder for the actor instead of `path`.
    public var newDir: Bool
    /// The programs `execute-command` may run, exactly as the actor names them, or nil
    /// when it may run none (the secure default).
    public var allowedCommands: [String]?

    /// A configuration with the given values.
    public init(path: String? = nil, newDir: Bool = false, allowedCommands: [String]? = nil) {
        self.path = path
        self.newDir = newDir
        self.allowedCommands = allowedCommands
    }

    /// `path` made absolute against `baseDirectory` (the manifest's folder), or nil
    /// when there is no path.
    public func resolvedPath(baseDirectory: URL) -> URL? {
        guard let path else { return nil }
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        return baseDirectory.appendingPathComponent(path).standardizedFileURL
    }

    static let keys = ["path", "new_dir", "allowed_commands"]

    init(reading settings: ManifestTableReader) throws(ManifestError) {
        let path = try settings.nonEmptyString("path", example: "path = \"data\"")
        let newDir = try settings.bool("new_dir", example: "new_dir = true") ?? false
        let commands = try settings.stringArray("allowed_commands", example: "allowed_commands = [\"git\"]")
        if path != nil && newDir, let node = settings.take("new_dir") {
            throw settings.error(at: node, "path and new_dir = true both choose the actor's folder; keep one of them")
        }
        if path == nil && !newDir {
            throw ManifestError(
                file: settings.fileName, line: settings.line, field: settings.field("path"),
                message: "missing; the filesystem handler needs a folder: add path = \"data\" or new_dir = true")
        }
        self.init(path: path, newDir: newDir, allowedCommands: commands)
    }

    var canonicalSettings: [String: String] {
        var fields = ["new_dir": CanonicalText.bool(newDir)]
        if let path { fields["path"] = CanonicalText.string(path) }
        if let allowedCommands { fields["allowed_commands"] = CanonicalText.strings(allowedCommands) }
        return fields
    }
}
