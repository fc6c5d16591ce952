import ArgumentParser
import ComponentModel
import Foundation

/// `theater wit ...`: work with WIT packages (the interface language of components).
struct WitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wit",
        abstract: "Check WIT packages.",
        subcommands: [WitCheckCommand.self]
    )
}

/// `theater wit check PATH`: parses and resolves a WIT package (a folder of `.wit` files
/// with an optional `deps/` folder, or a single `.wit` file) and prints it, or the first error.
struct WitCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and resolve a WIT package, then print it in canonical form.",
        discussion: """
        PATH is a folder of .wit files forming one package, with its dependencies in \
        PATH/deps/ (each a .wit file or a folder), or a single .wit file. On success the \
        resolved package is printed; on failure the error names the file, line and column.
        """
    )

    @Argument(help: "A WIT package folder or a single .wit file.")
    var path: String

    func run() throws {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw CommandFailure("no such file or folder: \(path)")
        }
        let package: WitPackage
        do {
            if isFolder.boolValue {
                package = try WitResolver.resolve(directory: url)
            } else {
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw CommandFailure("cannot read \(path)")
                }
                package = try WitPackage.parse(source: String(decoding: data, as: UTF8.self), fileName: url.lastPathComponent)
            }
        } catch let error as WitError {
            throw CommandFailure("\(error)")
        }
        print(WitPrinter.render(package), terminator: "")
    }
}
