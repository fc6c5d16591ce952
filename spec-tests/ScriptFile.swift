import ComponentModel
import Foundation
import WasmEngine

/// Reads, parses and runs one `.wast` file; a file that cannot be read or parsed
/// counts as one failure so it can never pass silently.
///
/// A script with `(component` forms is a Component Model script and goes to
/// `ComponentScriptRunner`; every other script is a core one (`ScriptRunner`).
enum ScriptFile {
    static func run(path: String, fuel: UInt64?) -> Tally {
        var tally = Tally()
        guard let data = FileManager.default.contents(atPath: path) else {
            tally.fail("file", line: 0, "cannot read \(path)")
            return tally
        }
        let text = String(decoding: data, as: UTF8.self)
        if isComponentScript(text) {
            return runComponentScript(text)
        }
        let script: WastScript
        do {
            script = try WastScript.parse(text)
        } catch {
            tally.fail("file", line: 0, "cannot parse script: \(error)")
            return tally
        }
        do {
            // The top-level suite is Wasm 2.0, which rules out what later proposals add.
            let runner = try ScriptRunner(fuel: fuel, features: path.contains("/proposals/") ? .all : .wasm2)
            runner.run(script)
            return runner.tally
        } catch {
            tally.fail("file", line: 0, "cannot set up the spectest module: \(error)")
            return tally
        }
    }

    /// Whether the script defines components (core scripts never say `(component`).
    static func isComponentScript(_ text: String) -> Bool {
        text.contains("(component")
    }

    private static func runComponentScript(_ text: String) -> Tally {
        let script: ComponentWastScript
        do {
            script = try ComponentWastScript.parse(text)
        } catch {
            var tally = Tally()
            tally.fail("file", line: 0, "cannot parse script: \(error)")
            return tally
        }
        let runner = ComponentScriptRunner()
        runner.run(script)
        return runner.tally
    }
}
