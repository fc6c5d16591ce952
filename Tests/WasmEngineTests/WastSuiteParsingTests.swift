import Foundation
import Testing
@testable import WasmEngine

/// Parses every top-level non-SIMD script of the official suite and checks that the text
/// compiler accepts what it must (modules outside `assert_malformed`) and rejects what the
/// suite marks as malformed text.
@Suite struct WastSuiteParsingTests {
    static let suiteDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/wasm-testsuite").standardizedFileURL

    static func scriptFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: suiteDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "wast" && !$0.lastPathComponent.hasPrefix("simd_") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Compiles a module that must be well-formed text; returns a failure description or nil.
    static func encodingFailure(_ module: WastModule) -> String? {
        switch module.source {
        case .binary: return nil
        case .textError(let error): return "line \(module.line): \(error)"
        case .quote(let text):
            do { _ = try WAT.encodeModule(text); return nil } catch { return "line \(module.line): quote: \(error)" }
        }
    }

    @Test func everyScriptParsesAndWellFormedModulesEncode() throws {
        let files = try Self.scriptFiles()
        #expect(files.count == 90)
        var failures: [String] = []
        var commandCount = 0
        var moduleCount = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let script: WastScript
            do {
                script = try WastScript.parse(text)
            } catch {
                failures.append("\(file.lastPathComponent): \(error)")
                continue
            }
            commandCount += script.commands.count
            for command in script.commands {
                let module: WastModule
                switch command {
                case .module(let m): module = m
                case .assertInvalid(let m, _, _), .assertUnlinkable(let m, _, _),
                     .assertUninstantiable(let m, _, _), .assertTrapModule(let m, _, _):
                    module = m
                default: continue
                }
                moduleCount += 1
                if let failure = Self.encodingFailure(module) {
                    failures.append("\(file.lastPathComponent): \(failure)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(40).joined(separator: "\n"))")
        #expect(commandCount > 20_000)
        #expect(moduleCount > 1_000)
    }

    @Test func malformedQuotedModulesAreRejected() throws {
        var accepted: [String] = []
        var checked = 0
        for file in try Self.scriptFiles() {
            let script = try WastScript.parse(try String(contentsOf: file, encoding: .utf8))
            for command in script.commands {
                guard case .assertMalformed(let module, let message, let line) = command else { continue }
                switch module.source {
                case .quote(let text):
                    checked += 1
                    if (try? WAT.encodeModule(text)) != nil {
                        accepted.append("\(file.lastPathComponent):\(line) (\(message)): \(text)")
                    }
                case .textError:
                    checked += 1
                case .binary:
                    continue
                }
            }
        }
        #expect(checked > 400)
        #expect(accepted.isEmpty, "\(accepted.count) accepted:\n\(accepted.prefix(40).joined(separator: "\n"))")
    }
}
