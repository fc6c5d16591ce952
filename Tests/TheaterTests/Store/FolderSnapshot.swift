import Foundation

/// Everything under a folder at one moment: each entry's absolute path with its kind, and
/// for regular files their size and modification time. Symbolic links are recorded, not
/// followed. Comparing two snapshots shows what was created or changed in between, to
/// check that an operation touched nothing outside the place it may write to.
struct FolderSnapshot {
    /// What is recorded of one entry.
    struct Entry: Equatable {
        var kind: FileAttributeType
        var size: UInt64
        var modified: Date?
    }

    /// The entries by absolute path.
    let entries: [String: Entry]

    /// Snapshots `folder` (recursively), skipping the subtrees at `excluding`.
    init(of folder: URL, excluding: [String] = []) throws {
        var entries: [String: Entry] = [:]
        let manager = FileManager.default
        var pending = [folder.standardizedFileURL.path]
        while let path = pending.popLast() {
            for name in try manager.contentsOfDirectory(atPath: path) {
                let child = path + "/" + name
                if excluding.contains(child) { continue }
                let attributes = try manager.attributesOfItem(atPath: child)
                let kind = attributes[.type] as? FileAttributeType ?? .typeUnknown
                let isFile = kind == .typeRegular
                entries[child] = Entry(kind: kind, size: isFile ? (attributes[.size] as? UInt64 ?? 0) : 0,
                                       modified: isFile ? attributes[.modificationDate] as? Date : nil)
                if kind == .typeDirectory { pending.append(child) }
            }
        }
        self.entries = entries
    }

    /// Paths present now that were not in `earlier`, sorted.
    func added(since earlier: FolderSnapshot) -> [String] {
        entries.keys.filter { earlier.entries[$0] == nil }.sorted()
    }

    /// Paths in both whose kind, size or modification time differ, and paths that are gone, sorted.
    func changed(since earlier: FolderSnapshot) -> [String] {
        earlier.entries.compactMap { path, entry in entries[path] == entry ? nil : path }.sorted()
    }
}
