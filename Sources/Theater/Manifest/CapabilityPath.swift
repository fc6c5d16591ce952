import Foundation

/// An absolute path reduced to its components without touching the disk, for comparing
/// the folders two manifests grant.
///
/// `.` and empty components are dropped and `..` removes the component before it (at
/// the root it stays at the root), so `/a/b/../c` is `/a/c`. Symlinks are not followed:
/// the check compares what the manifests say, and the filesystem handler resolves
/// symlinks when it uses the folder. Containment compares whole components, so `/a/bc`
/// is not inside `/a/b`.
struct CapabilityPath: Equatable, CustomStringConvertible {
    /// The components below the root, in order.
    let components: [String]

    /// `path` made absolute against `base` (the manifest's folder) unless it already is,
    /// then normalised.
    init(_ path: String, relativeTo base: URL) {
        let absolute = path.hasPrefix("/") ? path : base.path + "/" + path
        var components: [String] = []
        for component in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(String(component))
            }
        }
        self.components = components
    }

    /// Whether this path is `folder` itself or somewhere below it.
    func isInside(_ folder: CapabilityPath) -> Bool {
        components.count >= folder.components.count
            && zip(components, folder.components).allSatisfy { $0 == $1 }
    }

    var description: String { "/" + components.joined(separator: "/") }
}
