import Foundation

/// Expands the command line's paths into the list of `.wast` files to run.
enum ScriptFinder {
    /// A path that is neither a `.wast` file nor a folder.
    struct NotFound: Error, CustomStringConvertible {
        let path: String
        var description: String { "no such file or folder: \(path)" }
    }

    static func files(for options: HarnessOptions) throws -> [String] {
        var result: [String] = []
        let manager = FileManager.default
        for path in options.paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { throw NotFound(path: path) }
            if !isFolder.boolValue {
                result.append(path)
                continue
            }
            let names: [String]
            if options.recursive {
                names = (manager.enumerator(atPath: path)?.allObjects as? [String]) ?? []
            } else {
                names = try manager.contentsOfDirectory(atPath: path)
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            result += names.filter { $0.hasSuffix(".wast") }.sorted().map { base + $0 }
        }
        return result.filter { file in
            let name = (file as NSString).lastPathComponent
            return !options.excludes.contains { fnmatch($0, name, 0) == 0 }
        }
    }
}
