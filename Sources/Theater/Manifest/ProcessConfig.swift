/// Settings of the `process` handler: which OS programs the actor may start and how
/// many at once. These are upstream Theater's settings (the seed documents predate the
/// handler).
///
/// ```toml
/// [[handler]]
/// type = "process"
/// max_processes = 10              # running at once (default 10)
/// max_output_buffer = 1048576     # bytes of stdout/stderr buffered per process (default 1 MiB)
/// allowed_programs = ["git", "ls"] # optional; any program when absent
/// allowed_paths = ["workdir"]      # optional; working folders the processes may use
///                                  # (the manifest's folder only when absent)
/// ```
/// How the `process` handler applies them: `ProcessHandler`, `ProcessPermissions`.
public struct ProcessConfig: Sendable, Equatable {
    /// How many of the actor's processes may run at the same time (default 10).
    public var maxProcesses: Int
    /// How many bytes of a process's output (per stream) may wait on the host for the actor
    /// to handle them (default 1 MiB); a spawn's `buffer-size` can only lower it.
    public var maxOutputBuffer: Int
    /// The programs the actor may start, or nil for any.
    public var allowedPrograms: [String]?
    /// The working folders processes may run in and below (relative to the manifest's
    /// folder, symlinks followed), or nil for the manifest's folder only.
    public var allowedPaths: [String]?

    /// The default number of processes at once.
    public static let defaultMaxProcesses = 10
    /// The default output buffer: 1 MiB.
    public static let defaultMaxOutputBuffer = 1 << 20

    /// A configuration with the given values.
    public init(
        maxProcesses: Int = ProcessConfig.defaultMaxProcesses,
        maxOutputBuffer: Int = ProcessConfig.defaultMaxOutputBuffer,
        allowedPrograms: [String]? = nil, allowedPaths: [String]? = nil
    ) {
        self.maxProcesses = maxProcesses
        self.maxOutputBuffer = maxOutputBuffer
        self.allowedPrograms = allowedPrograms
        self.allowedPaths = allowedPaths
    }

    static let keys = ["max_processes", "max_output_buffer", "allowed_programs", "allowed_paths"]

    init(reading settings: ManifestTableReader) throws(ManifestError) {
        let processes = try settings.integer("max_processes", in: 1...10_000, example: "max_processes = 10")
        let buffer = try settings.integer(
            "max_output_buffer", in: 1...(1 << 32), unit: "bytes", example: "max_output_buffer = 1048576")
        self.init(
            maxProcesses: processes.map { Int($0) } ?? ProcessConfig.defaultMaxProcesses,
            maxOutputBuffer: buffer.map { Int($0) } ?? ProcessConfig.defaultMaxOutputBuffer,
            allowedPrograms: try settings.stringArray("allowed_programs", example: "allowed_programs = [\"git\"]"),
            allowedPaths: try settings.stringArray("allowed_paths", example: "allowed_paths = [\"workdir\"]"))
    }

    var canonicalSettings: [String: String] {
        var fields = [
            "max_processes": CanonicalText.integer(maxProcesses),
            "max_output_buffer": CanonicalText.integer(maxOutputBuffer),
        ]
        if let allowedPrograms { fields["allowed_programs"] = CanonicalText.strings(allowedPrograms) }
        if let allowedPaths { fields["allowed_paths"] = CanonicalText.strings(allowedPaths) }
        return fields
    }
}
