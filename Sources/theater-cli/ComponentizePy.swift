import Foundation

/// The `componentize-py` program, found on the PATH, which `theater build` runs to turn a
/// Python actor into a component.
struct ComponentizePy {
    /// The executable.
    let url: URL

    /// The version Theater's examples and tests are built with.
    static let testedVersion = "0.25.1"

    /// Finds `componentize-py` on `environment`'s PATH; a clear failure saying how to install
    /// it when it is not there.
    static func locate(environment: [String: String]) throws(CommandFailure) -> ComponentizePy {
        let path = environment["PATH"] ?? ""
        for folder in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("componentize-py")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return ComponentizePy(url: candidate)
            }
        }
        throw CommandFailure("""
            componentize-py is not installed (no componentize-py on the PATH); theater build needs it \
            to turn app.py into a component. Install it with: pip install componentize-py \
            (Theater is tested with \(testedVersion))
            """)
    }

    /// Runs `componentize-py -d wit -w WORLD componentize -p . app -o OUTPUT` in `project`,
    /// without a shell. Its output streams to this process's standard error as it comes
    /// (standard output stays for the command's own result); fails when it does not exit 0.
    /// `started` gets the process once it runs.
    func build(project: URL, world: String, output: URL, started: (Process) -> Void = { _ in }) throws(CommandFailure) {
        let arguments = ["-d", "wit", "-w", world, "componentize", "-p", ".", "app", "-o", output.path]
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = project
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.standardError
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            throw CommandFailure("cannot run \(url.path): \(error.localizedDescription)")
        }
        started(process)
        process.waitUntilExit()
        let command = "componentize-py " + arguments.joined(separator: " ")
        if process.terminationReason == .uncaughtSignal {
            throw CommandFailure("\(command) was killed by signal \(process.terminationStatus) (in \(project.path))")
        }
        guard process.terminationStatus == 0 else {
            throw CommandFailure("\(command) failed with status \(process.terminationStatus) (in \(project.path)); its errors are above")
        }
    }
}
