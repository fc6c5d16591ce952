import Foundation
import WasmEngine

/// Reads, parses and runs one `.wast` file; a file that cannot be read or parsed
/// counts as one failure so it can never pass silently.
enum ScriptFile {
    static func run(path: String, fuel: UInt64?) -> Tally {
        var tally = Tally()
        guard let data = FileManager.default.contents(atPath: path) else {
            tally.fail("file", line: 0, "cannot read \(path)")
            return tally
        }
        let script: WastScript
        do {
            script = try WastScript.parse(String(decoding: data, as: UTF8.self))
        } catch {
            tally.fail("file", line: 0, "cannot parse script: \(error)")
            return tally
        }
        do {
            let runner = try ScriptRunner(fuel: fuel)
            runner.run(script)
            return runner.tally
        } catch {
            tally.fail("file", line: 0, "cannot set up the spectest module: \(error)")
            return tally
        }
    }
}
