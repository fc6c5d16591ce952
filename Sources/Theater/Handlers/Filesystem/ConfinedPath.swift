/// A path argument of the `filesystem` handler resolved inside its `ConfinedRoot`: the
/// chain of names from the root to the target, with `.`, `..`, empty segments and every
/// symbolic link already taken care of, so each name but possibly the last is a real
/// folder below the root (as of the resolution; operations re-check every step).
struct ConfinedPath: Equatable {
    /// The argument as the actor passed it, for error messages.
    let argument: String
    /// The names from the root down to the target; empty for the root itself.
    let components: [String]
    /// Whether the argument ended with `/` (it must name a folder).
    let trailingSlash: Bool

    /// Whether the path is the root folder itself.
    var isRoot: Bool { components.isEmpty }
    /// The names of the folders above the target.
    var parent: ArraySlice<String> { components.dropLast() }
    /// The target's own name (nil for the root).
    var name: String? { components.last }
    /// The target relative to the root, e.g. `notes/today.txt` (empty for the root).
    var relativePath: String { components.joined(separator: "/") }

    /// An error about this path.
    func error(_ reason: FilesystemPathError.Reason) -> FilesystemPathError {
        FilesystemPathError(path: argument, reason: reason)
    }
}
