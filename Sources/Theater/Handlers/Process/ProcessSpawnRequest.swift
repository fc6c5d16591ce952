import ComponentModel

/// An `os-spawn` request: the actor's `process-config`, decoded and checked for values the
/// handler cannot use (empty program, NUL bytes, malformed variables, a chunked mode
/// without a chunk size). What it may run and where is checked by `ProcessPermissions`.
struct ProcessSpawnRequest {
    /// The program as the actor wrote it: a bare name (searched on the host's PATH), or a
    /// path (relative paths are relative to the manifest's folder).
    var program: String
    /// The arguments, passed as they are (no shell ever interprets them).
    var args: [String]
    /// The working folder as written, if given.
    var cwd: String?
    /// The process's whole environment (nothing of the host's is inherited); when a name
    /// repeats, the last value counts.
    var environment: [(name: String, value: String)]
    /// `buffer-size` as given (0: the handler's `max_output_buffer`).
    var bufferSize: UInt32
    /// How standard output is cut.
    var stdoutMode: OutputMode
    /// How standard error is cut.
    var stderrMode: OutputMode
    /// `execution-timeout` in milliseconds, if given.
    var executionTimeout: UInt64?

    /// The output buffer per stream: `buffer-size`, at most `maxOutputBuffer` (0 means
    /// `maxOutputBuffer`).
    func outputBuffer(maxOutputBuffer: Int) -> Int {
        bufferSize == 0 ? maxOutputBuffer : min(Int(bufferSize), maxOutputBuffer)
    }

    /// Decodes a `process-config` value. Throws `ComponentTrap` when the value does not have
    /// the record's shape (the host's types guarantee it) and `ProcessSpawnError.invalidConfig`
    /// for values of the right shape the handler refuses.
    init(decoding value: ComponentValue) throws {
        guard case .record(let fields) = value else {
            throw ComponentTrap("expected a process-config record, got a \(value.kindName)")
        }
        var byLabel: [String: ComponentValue] = [:]
        for field in fields { byLabel[field.label] = field.value }
        func field(_ label: String) throws -> ComponentValue {
            guard let value = byLabel[label] else { throw ComponentTrap("process-config has no field \(label)") }
            return value
        }
        program = try field("program").stringArgument()
        args = try Self.strings(try field("args"), "args")
        if case .option(let payload) = try field("cwd") {
            cwd = try payload?.stringArgument()
        } else {
            throw ComponentTrap("process-config.cwd must be an option")
        }
        environment = try Self.variables(try field("env"))
        guard case .u32(let buffer) = try field("buffer-size") else { throw ComponentTrap("buffer-size must be a u32") }
        bufferSize = buffer
        let chunkSize: UInt32?
        switch try field("chunk-size") {
        case .option(.some(.u32(let size))): chunkSize = size
        case .option(.none): chunkSize = nil
        default: throw ComponentTrap("chunk-size must be an option<u32>")
        }
        stdoutMode = try Self.mode(try field("stdout-mode"), chunkSize: chunkSize, stream: "stdout-mode")
        stderrMode = try Self.mode(try field("stderr-mode"), chunkSize: chunkSize, stream: "stderr-mode")
        switch try field("execution-timeout") {
        case .option(.some(.u64(let timeout))): executionTimeout = timeout
        case .option(.none): executionTimeout = nil
        default: throw ComponentTrap("execution-timeout must be an option<u64>")
        }
        try validate()
    }

    private func validate() throws {
        if program.isEmpty { throw ProcessSpawnError.invalidConfig("program is empty") }
        if program.contains("\0") { throw ProcessSpawnError.invalidConfig("program contains a NUL byte") }
        if let index = args.firstIndex(where: { $0.contains("\0") }) {
            throw ProcessSpawnError.invalidConfig("args[\(index)] contains a NUL byte")
        }
        if let cwd, cwd.isEmpty || cwd.contains("\0") {
            throw ProcessSpawnError.invalidConfig("cwd must be a non-empty path without NUL bytes")
        }
        for (name, value) in environment {
            if name.isEmpty || name.contains("=") || name.contains("\0") {
                throw ProcessSpawnError.invalidConfig("environment variable name \(name.debugDescription) must be non-empty, without = or NUL")
            }
            if value.contains("\0") {
                throw ProcessSpawnError.invalidConfig("the value of environment variable \(name) contains a NUL byte")
            }
        }
        if executionTimeout == 0 {
            throw ProcessSpawnError.invalidConfig("execution-timeout must be at least 1 ms (or none)")
        }
    }

    private static func strings(_ value: ComponentValue, _ name: String) throws -> [String] {
        guard case .list(let elements) = value else { throw ComponentTrap("\(name) must be a list<string>") }
        return try elements.map { try $0.stringArgument() }
    }

    private static func variables(_ value: ComponentValue) throws -> [(name: String, value: String)] {
        guard case .list(let elements) = value else { throw ComponentTrap("env must be a list of tuples") }
        return try elements.map { element in
            guard case .tuple(let parts) = element, parts.count == 2 else {
                throw ComponentTrap("env entries must be tuple<string, string>")
            }
            return (try parts[0].stringArgument(), try parts[1].stringArgument())
        }
    }

    private static func mode(_ value: ComponentValue, chunkSize: UInt32?, stream: String) throws -> OutputMode {
        guard case .variant(let name, _) = value else { throw ComponentTrap("\(stream) must be an output-mode") }
        switch name {
        case "raw": return .raw
        case "line-by-line": return .lineByLine
        case "json": return .json
        case "chunked":
            guard let chunkSize else {
                throw ProcessSpawnError.invalidConfig("\(stream) is chunked but chunk-size is none; give chunk-size")
            }
            guard chunkSize > 0 else { throw ProcessSpawnError.invalidConfig("chunk-size must be at least 1") }
            return .chunked(size: Int(chunkSize))
        default: throw ComponentTrap("unknown output-mode \(name)")
        }
    }
}
