import Foundation

extension ActorManifest {
    /// Checks that the component file the manifest names exists and is a file, before
    /// anything starts. The error names the manifest's `component` line, so that a wrong
    /// path is reported where it was written, not as a bare file-system error.
    ///
    /// Not part of `load`: manifests parsed from text (tests, a replay's recorded manifest,
    /// whose component comes from the content store) need no file.
    public func requireComponentFile() throws(ManifestError) {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: componentURL.path, isDirectory: &isFolder)
        if exists, !isFolder.boolValue { return }
        let sourceMap = try? ManifestSourceMap(scanning: sourceText)
        let key = sourceMap?.line(of: ManifestPath([.key("component")])) != nil ? "component" : "component_path"
        let line = sourceMap?.line(of: ManifestPath([.key(key)]))
        let problem = exists ? "\(componentURL.path) is a folder, not a component file"
                             : "no component file at \(componentURL.path)"
        throw ManifestError(
            file: fileName, line: line, field: key,
            message: "\(problem) (a relative path is relative to the manifest's folder, \(baseDirectory.path)); "
                + "build the component, or correct the path")
    }
}
