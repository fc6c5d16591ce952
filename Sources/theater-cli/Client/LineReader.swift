import Foundation

/// Reads standard input line by line on a thread of its own (a blocking read must not hold
/// one of the few threads async code runs on) and hands each line, then nil at the end, to
/// a callback.
enum LineReader {
    /// Starts reading; `deliver` gets each line without its newline, then nil once.
    static func start(_ deliver: @escaping @Sendable (String?) -> Void) {
        let thread = Thread {
            while let line = readLine(strippingNewline: true) { deliver(line) }
            deliver(nil)
        }
        thread.start()
    }

    /// The next line (nil at the end of input), read off the async threads.
    static func next() async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: readLine(strippingNewline: true)) }
        }
    }
}
