/// Why the `filesystem` handler refused or failed an operation on one path: the path as
/// the actor gave it and the reason, worded so the actor's author can act on it. The
/// handler returns it to the actor as `err("<operation> \"<path>\": <reason>")`.
struct FilesystemPathError: Error, Equatable, CustomStringConvertible {
    /// The path argument exactly as the actor passed it.
    let path: String
    /// What is wrong with it.
    let reason: Reason

    /// The ways a path can be refused or an operation on it fail.
    enum Reason: Equatable {
        /// `..` segments climb above the actor's folder.
        case climbsOut
        /// An absolute path that does not lie inside the actor's folder.
        case absoluteOutside
        /// A symbolic link along the path (named relative to the folder) leads outside.
        case linkLeadsOutside(link: String)
        /// More than `ConfinedRoot.maximumLinkHops` symbolic links, or a loop of them.
        case tooManyLinks
        /// The path holds a NUL byte.
        case nulByte
        /// The path holds a control character (newline, tab, ...), which file names
        /// written through this handler may not contain.
        case controlCharacter
        /// A segment is longer than a file name may be (bytes, limit).
        case nameTooLong(bytes: Int, limit: Int)
        /// The whole path is longer than a path may be (bytes, limit).
        case pathTooLong(bytes: Int, limit: Int)
        /// A segment other than the last (named relative to the folder) is a file.
        case notAFolder(String)
        /// Nothing exists at the path (or at the named folder above it).
        case notFound(String)
        /// Something already exists at the path.
        case alreadyExists
        /// The path names a folder where a file is needed.
        case isAFolder
        /// The path names a file where a folder is needed.
        case isAFile
        /// The path names a symbolic link where a folder is needed.
        case isALink
        /// The path names something other than a regular file (a device, a pipe, a socket).
        case notARegularFile
        /// The path names the actor's folder itself, which the operation cannot apply to.
        case isTheRoot
        /// The path ends with `/` but names a file.
        case trailingSlashOnFile
        /// The path ends with `/` (a folder) where a file is needed.
        case trailingSlashForFile
        /// The file has more than one hard link; another one may be outside the folder.
        case multipleLinks(Int)
        /// The file is bigger than one call may read (bytes, limit).
        case fileTooLarge(bytes: UInt64, limit: UInt64)
        /// A folder is nested deeper than `delete-dir` follows.
        case nestedTooDeeply(limit: Int)
        /// A folder on the path was replaced (e.g. by a symbolic link) while in use.
        case changedWhileInUse
        /// The system refused: the operation and `strerror` text.
        case system(operation: String, message: String)
    }

    var description: String { "\"\(path)\": \(reason.text)" }
}

extension FilesystemPathError.Reason {
    /// The reason as a phrase.
    var text: String {
        switch self {
        case .climbsOut: return "the path climbs out of the actor's folder with `..`"
        case .absoluteOutside:
            return "absolute paths must lie inside the actor's folder; use a path relative to it"
        case .linkLeadsOutside(let link):
            return "the symbolic link \"\(link)\" leads outside the actor's folder"
        case .tooManyLinks: return "too many symbolic links (or a loop of them) along the path"
        case .nulByte: return "the path contains a NUL byte"
        case .controlCharacter: return "the path contains a control character (newline, tab, ...)"
        case .nameTooLong(let bytes, let limit): return "a name in the path is \(bytes) bytes long; at most \(limit) are allowed"
        case .pathTooLong(let bytes, let limit): return "the path is \(bytes) bytes long; at most \(limit) are allowed"
        case .notAFolder(let prefix): return "\"\(prefix)\" is a file, not a folder"
        case .notFound(let what): return what.isEmpty ? "no such file or folder" : "\"\(what)\" does not exist"
        case .alreadyExists: return "something already exists there"
        case .isAFolder: return "it is a folder, not a file (use delete-dir / list-files for folders)"
        case .isAFile: return "it is a file, not a folder (delete it with delete-file)"
        case .isALink: return "it is a symbolic link, not a folder (delete it with delete-file)"
        case .notARegularFile: return "it is not a regular file (a device, pipe or socket)"
        case .isTheRoot: return "that is the actor's folder itself"
        case .trailingSlashOnFile: return "the path ends with / but names a file"
        case .trailingSlashForFile: return "the path ends with /, so it names a folder, not a file"
        case .multipleLinks(let count):
            return "the file has \(count) hard links; only files with a single link are read or written, since another link may lie outside the actor's folder"
        case .fileTooLarge(let bytes, let limit): return "the file is \(bytes) bytes; read-file reads at most \(limit) (the actor's message_size limit)"
        case .nestedTooDeeply(let limit): return "folders are nested more than \(limit) levels deep below it"
        case .changedWhileInUse: return "a folder on the path was replaced (by a symbolic link?) while in use"
        case .system(let operation, let message): return "\(operation) failed: \(message)"
        }
    }
}
