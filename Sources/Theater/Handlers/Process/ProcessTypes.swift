import ComponentModel

/// The WIT types of `ntwk:theater/process` (INTERFACES.md) as Canonical ABI types.
enum ProcessTypes {
    /// `variant output-mode { raw, line-by-line, json, chunked }`.
    static let outputMode = ABIType.variant(OutputMode.caseNames.map { ABICase($0) })

    /// `record process-config { program, args, cwd, env, buffer-size, stdout-mode, stderr-mode,
    /// chunk-size, execution-timeout }`.
    static let processConfig = ABIType.record([
        ABIField("program", .string),
        ABIField("args", .list(.string)),
        ABIField("cwd", .option(.string)),
        ABIField("env", .list(.tuple([.string, .string]))),
        ABIField("buffer-size", .u32),
        ABIField("stdout-mode", outputMode),
        ABIField("stderr-mode", outputMode),
        ABIField("chunk-size", .option(.u32)),
        ABIField("execution-timeout", .option(.u64)),
    ])

    /// `record process-status { pid: u64, running: bool, exit-code: option<s32>, start-time: u64 }`.
    static let processStatus = ABIType.record([
        ABIField("pid", .u64),
        ABIField("running", .bool),
        ABIField("exit-code", .option(.s32)),
        ABIField("start-time", .u64),
    ])
}
