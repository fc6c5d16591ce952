import Foundation

/// The watched files of a project at one moment: each file's modification time and size,
/// by absolute path. Two snapshots differ when a file was added, removed, or changed its
/// modification time or size.
struct SourceSnapshot: Equatable {
    /// What identifies one version of a file.
    struct Stamp: Equatable {
        /// Modification time, seconds since 1970 (sub-second where the file system keeps it).
        let modified: Double
        /// Size in bytes.
        let size: UInt64
    }

    /// Every watched file's stamp, by absolute path.
    var files: [String: Stamp] = [:]

    /// The paths added, removed or changed since `earlier`, sorted.
    func changes(since earlier: SourceSnapshot) -> [String] {
        var changed = Set<String>()
        for (path, stamp) in files where earlier.files[path] != stamp { changed.insert(path) }
        for path in earlier.files.keys where files[path] == nil { changed.insert(path) }
        return changed.sorted()
    }
}
