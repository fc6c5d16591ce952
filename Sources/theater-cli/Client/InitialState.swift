import Foundation
import Theater

/// The `--initial-state` of `theater start`: the bytes of a file when the text names an
/// existing one, else JSON text (checked) whose UTF-8 bytes are the state.
enum InitialState {
    /// The state bytes `argument` stands for; a `CommandFailure` when it is neither an
    /// existing file nor valid JSON.
    static func bytes(_ argument: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else {
                throw CommandFailure("--initial-state \(argument) is a directory; give a file or JSON text")
            }
            do {
                return Array(try Data(contentsOf: URL(fileURLWithPath: argument)))
            } catch {
                throw CommandFailure("cannot read the initial state file \(argument): \(error.localizedDescription)")
            }
        }
        let bytes = Array(argument.utf8)
        do {
            _ = try ManagementJSONParser.parse(bytes)
        } catch {
            throw CommandFailure("--initial-state is neither an existing file nor valid JSON (\(error)); "
                + "quote JSON text for the shell, e.g. --initial-state '{\"count\": 1}'")
        }
        return bytes
    }
}
