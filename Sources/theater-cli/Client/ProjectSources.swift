import Foundation

/// Which files of an actor project `theater watch` watches: every `*.py` file in the project
/// (at any depth), everything under its `wit/` folder, and the manifest (wherever it is).
/// Not watched: hidden files and folders, `__pycache__`, virtual environments (folders
/// holding `pyvenv.cfg`), and the build output (the component file the manifest names),
/// which the build itself rewrites.
struct ProjectSources {
    /// The project folder.
    let project: URL
    /// The manifest file.
    let manifestURL: URL
    /// Files never watched, by absolute path (the build output).
    let ignored: Set<String>

    /// The most files one snapshot visits: past it the folder is surely not an actor project
    /// (a home folder, a checkout with its dependencies), and polling it would be costly.
    static let fileLimit = 20_000

    /// The folders skipped with all they hold.
    private static let skippedFolders: Set<String> = ["__pycache__", "node_modules"]

    /// The watched files as they are now. Files that vanish while being looked at are left out
    /// (the next snapshot sees the change); a project too large to watch is an error.
    func snapshot() throws(CommandFailure) -> SourceSnapshot {
        var snapshot = SourceSnapshot()
        let fileManager = FileManager.default
        let keys: [URLResourceKey] = [.isDirectoryKey, .isRegularFileKey]
        guard let walker = fileManager.enumerator(at: project, includingPropertiesForKeys: keys,
                                                  options: [.skipsHiddenFiles]) else {
            throw CommandFailure("cannot read the project folder \(project.path)")
        }
        let witFolder = project.appendingPathComponent("wit").standardizedFileURL.path + "/"
        var visited = 0
        for case let url as URL in walker {
            visited += 1
            if visited > Self.fileLimit {
                throw CommandFailure("\(project.path) holds more than \(Self.fileLimit) files: that is not an actor "
                                     + "project folder; give the folder with app.py and manifest.toml")
            }
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isDirectory == true {
                let isVirtualEnvironment = fileManager.fileExists(atPath: url.appendingPathComponent("pyvenv.cfg").path)
                if Self.skippedFolders.contains(url.lastPathComponent) || isVirtualEnvironment {
                    walker.skipDescendants()
                }
                continue
            }
            guard values?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasSuffix(".py") || path.hasPrefix(witFolder), !ignored.contains(path) else { continue }
            if let stamp = Self.stamp(path) { snapshot.files[path] = stamp }
        }
        let manifestPath = manifestURL.standardizedFileURL.path
        if let stamp = Self.stamp(manifestPath) { snapshot.files[manifestPath] = stamp }
        return snapshot
    }

    /// `path` as the user reads it: relative to the project when inside it.
    func display(_ path: String) -> String {
        let prefix = project.standardizedFileURL.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The modification time (to the nanosecond) and size of the file at `path`, nil when it
    /// cannot be read.
    private static func stamp(_ path: String) -> SourceSnapshot.Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        let modified = Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
        return SourceSnapshot.Stamp(modified: modified, size: UInt64(info.st_size))
    }
}
