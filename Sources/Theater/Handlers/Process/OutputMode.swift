/// How a process's output is cut into `process-handlers` calls (the WIT `output-mode`,
/// with the chunk size `chunked` needs).
enum OutputMode: Equatable, Sendable {
    /// Each read as it arrives (at most the buffer size at a time).
    case raw
    /// One call per line, without its line break (`\n`, or `\r\n`).
    case lineByLine
    /// One call per line holding a complete JSON value (newline-delimited JSON); blank lines
    /// and lines that are not JSON are skipped, so the actor only ever receives JSON.
    case json
    /// Calls of exactly `size` bytes; the last one, at the end of the output, may be shorter.
    case chunked(size: Int)

    /// The WIT case names, in declaration order.
    static let caseNames = ["raw", "line-by-line", "json", "chunked"]
}
