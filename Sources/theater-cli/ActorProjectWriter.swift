import Foundation

/// Writes a new actor project for `theater create`: `DIR/NAME/` with `app.py`,
/// `manifest.toml`, `README.md` and `wit/` (the project's WIT, from `ProjectWIT`).
struct ActorProjectWriter {
    let name: ActorProjectName
    let template: ActorTemplate

    /// The files of the project, by path relative to its folder.
    var files: [(path: String, text: String)] {
        var files: [(path: String, text: String)] = [
            ("app.py", template.application(name: name.description)),
            ("manifest.toml", template.manifest(name: name.description)),
            ("README.md", ActorTemplateReadme.text(name: name.description, template: template)),
        ]
        files += ProjectWIT.files.map { ("wit/" + $0.name, $0.text) }
        return files
    }

    /// Writes the project into a new folder `NAME` under `parent` and returns that folder.
    /// Refuses an existing file or folder of that name; a project half-written because of a
    /// write error is removed again.
    func write(under parent: URL) throws(CommandFailure) -> URL {
        let fileManager = FileManager.default
        let folder = parent.appendingPathComponent(name.description, isDirectory: true)
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            throw CommandFailure("\(folder.path) already exists; choose another name or --output-dir, or remove it first")
        }
        if fileManager.fileExists(atPath: parent.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw CommandFailure("--output-dir \(parent.path) is a file, not a folder")
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            // Not withIntermediateDirectories: if the folder appeared since the check, this fails
            // instead of writing into someone else's files.
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw CommandFailure("cannot create \(folder.path): \(error.localizedDescription)")
        }
        do {
            try fileManager.createDirectory(at: folder.appendingPathComponent("wit"), withIntermediateDirectories: false)
            for file in files {
                try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.path), options: .withoutOverwriting)
            }
        } catch {
            try? fileManager.removeItem(at: folder)
            throw CommandFailure("cannot write the project in \(folder.path): \(error.localizedDescription)")
        }
        return folder
    }
}
