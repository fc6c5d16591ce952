#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The one folder a `filesystem` handler lets an actor use, and the resolution of the
/// actor's path arguments inside it.
///
/// Rules (the same for every operation):
/// - A path is relative to the folder. An absolute path is accepted only when it lies
///   inside the folder (spelled with the folder's real or configured path, as upstream
///   Theater accepted them); any other absolute path is refused.
/// - Empty segments (`a//b`, a trailing `/`) and `.` are ignored; `""` and `.` name the
///   folder itself. A trailing `/` requires a folder.
/// - `..` goes up one real folder (after symbolic links, as the kernel does) and is
///   refused when it would climb above the folder.
/// - Symbolic links are followed while they stay inside (absolute targets are treated
///   like absolute arguments); a path that passes through or ends at a link leading
///   outside is refused, even by operations that do not follow the last link (delete).
///   At most `maximumLinkHops` links are followed.
/// - NUL bytes and control characters are refused, as are names over
///   `maximumNameBytes` bytes and paths over `maximumPathBytes` bytes.
///
/// Resolution reads the folder's entries with `lstat`; the operations then walk the
/// resolved names from a descriptor of the root with `openat(O_NOFOLLOW)`, so a folder
/// swapped for a link between resolution and use is refused rather than followed.
struct ConfinedRoot: Sendable {
    /// The longest file name, in bytes (`NAME_MAX`).
    static let maximumNameBytes = 255
    /// The longest path, in bytes, both as given and once resolved (`PATH_MAX` - 1).
    static let maximumPathBytes = 4095
    /// The most symbolic links one resolution follows (Linux's limit).
    static let maximumLinkHops = 40

    /// The folder's real absolute path (no symbolic links).
    let path: String
    /// The segments of the spellings of the folder accepted at the start of absolute
    /// paths and link targets: its real path and the path it was configured with.
    private let spellings: [[String]]

    /// The folder at `folder`, which must exist and be a folder.
    init(folder: URL) throws(FilesystemRootError) {
        let given = folder.standardizedFileURL.path
        guard let real = given.withCString({ realpath($0, nil) }) else {
            let code = errno
            let problem = code == ENOENT ? "does not exist; create it, or use new_dir = true for a fresh folder"
                : "cannot be opened: \(String(cString: strerror(code)))"
            throw FilesystemRootError(path: given, problem: problem)
        }
        defer { free(real) }
        path = String(cString: real)
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw FilesystemRootError(path: given, problem: "is not a folder; the filesystem handler needs a folder")
        }
        spellings = [Self.segments(path), Self.segments(given)]
    }

    /// The absolute path of `confined` (for a command's working folder).
    func absolutePath(of confined: ConfinedPath) -> String {
        confined.isRoot ? path : path + "/" + confined.relativePath
    }

    /// Resolves an actor's path argument inside the folder, or explains why it is refused.
    /// With `followFinalLink` false a symbolic link at the end is kept as it is (to delete
    /// the link itself), though it must still not lead outside.
    func resolve(_ argument: String, followFinalLink: Bool = true) throws(FilesystemPathError) -> ConfinedPath {
        func refuse(_ reason: FilesystemPathError.Reason) -> FilesystemPathError {
            FilesystemPathError(path: argument, reason: reason)
        }
        if argument.utf8.contains(0) { throw refuse(.nulByte) }
        if argument.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw refuse(.controlCharacter)
        }
        let length = argument.utf8.count
        if length > Self.maximumPathBytes { throw refuse(.pathTooLong(bytes: length, limit: Self.maximumPathBytes)) }
        var segments = Self.segments(argument)
        if let long = segments.first(where: { $0.utf8.count > Self.maximumNameBytes }) {
            throw refuse(.nameTooLong(bytes: long.utf8.count, limit: Self.maximumNameBytes))
        }
        if argument.hasPrefix("/") {
            guard let inside = insideSegments(of: segments) else { throw refuse(.absoluteOutside) }
            segments = inside
        }
        let trailingSlash = argument.hasSuffix("/") && !segments.isEmpty
        var hops = 0
        let components = try walk(from: [], segments, followFinal: followFinalLink || trailingSlash,
                                  mustBeFolder: trailingSlash, hops: &hops, argument: argument)
        let resolvedLength = path.utf8.count + 1 + components.joined(separator: "/").utf8.count
        if resolvedLength > Self.maximumPathBytes {
            throw refuse(.pathTooLong(bytes: resolvedLength, limit: Self.maximumPathBytes))
        }
        return ConfinedPath(argument: argument, components: components, trailingSlash: trailingSlash)
    }

    /// Appends `segments` to the resolved names `start`, following links; returns the names.
    private func walk(from start: [String], _ segments: [String], followFinal: Bool, mustBeFolder: Bool,
                      hops: inout Int, argument: String) throws(FilesystemPathError) -> [String] {
        func refuse(_ reason: FilesystemPathError.Reason) -> FilesystemPathError {
            FilesystemPathError(path: argument, reason: reason)
        }
        var resolved = start
        var pending = Array(segments.reversed())
        while let segment = pending.popLast() {
            if segment == "." { continue }
            if segment == ".." {
                guard !resolved.isEmpty else { throw refuse(.climbsOut) }
                resolved.removeLast()
                continue
            }
            let isFinal = pending.isEmpty
            resolved.append(segment)
            let relative = resolved.joined(separator: "/")
            var info = stat()
            if lstat(path + "/" + relative, &info) != 0 {
                let code = errno
                switch code {
                case ENOENT: continue  // the rest cannot be a link: resolved by name
                case ENOTDIR: throw refuse(.notAFolder(resolved.dropLast().joined(separator: "/")))
                case ENAMETOOLONG:
                    throw refuse(.pathTooLong(bytes: path.utf8.count + 1 + relative.utf8.count, limit: Self.maximumPathBytes))
                default: throw refuse(.system(operation: "lstat", message: String(cString: strerror(code))))
                }
            }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFLNK {
                hops += 1
                guard hops <= Self.maximumLinkHops else { throw refuse(.tooManyLinks) }
                resolved.removeLast()
                let target = try followed(link: relative, from: resolved, mustBeFolder: isFinal && mustBeFolder,
                                          hops: &hops, argument: argument)
                if !isFinal || followFinal { resolved = target } else { resolved.append(segment) }
                continue
            }
            if kind != S_IFDIR {
                if !isFinal { throw refuse(.notAFolder(relative)) }
                if mustBeFolder { throw refuse(.trailingSlashOnFile) }
            }
        }
        return resolved
    }

    /// Where the link at `link` (relative to the folder; it sits in the folder `parent`)
    /// leads, resolved inside the folder; refused when it leads outside.
    private func followed(link: String, from parent: [String], mustBeFolder: Bool, hops: inout Int,
                          argument: String) throws(FilesystemPathError) -> [String] {
        let outside = FilesystemPathError(path: argument, reason: .linkLeadsOutside(link: link))
        let target = try readLink(path + "/" + link, argument: argument)
        var start = parent
        var segments = Self.segments(target)
        if target.hasPrefix("/") {
            guard let inside = insideSegments(of: segments) else { throw outside }
            start = []
            segments = inside
        }
        do {
            return try walk(from: start, segments, followFinal: true, mustBeFolder: mustBeFolder, hops: &hops,
                            argument: argument)
        } catch {
            switch error.reason {
            case .climbsOut, .absoluteOutside, .linkLeadsOutside: throw outside
            default: throw error
            }
        }
    }

    /// The target of the symbolic link at `linkPath`.
    private func readLink(_ linkPath: String, argument: String) throws(FilesystemPathError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(linkPath, &buffer, buffer.count - 1)
        guard count >= 0 else {
            throw FilesystemPathError(path: argument, reason: .system(operation: "readlink",
                                                                      message: String(cString: strerror(errno))))
        }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The segments of an absolute path below the folder, or nil when it is not inside
    /// (compared segment by segment with each accepted spelling of the folder).
    private func insideSegments(of segments: [String]) -> [String]? {
        for spelling in spellings where segments.count >= spelling.count && Array(segments.prefix(spelling.count)) == spelling {
            return Array(segments.dropFirst(spelling.count))
        }
        return nil
    }

    /// The non-empty `/`-separated segments of a path.
    private static func segments(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
