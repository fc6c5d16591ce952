import Foundation
import Testing
@testable import WasmEngine

/// Runs the validator over the `(module binary ...)` forms of the official suite (the
/// only ones usable before the text parser exists): modules that decode must validate,
/// except those wrapped in `assert_invalid`, which must be rejected.
@Suite struct ValidatorSpecBinaryModuleTests {
    static let suiteDirectory = SharedTestData.wasmTestsuite

    static var suiteIsAvailable: Bool {
        FileManager.default.fileExists(atPath: suiteDirectory)
    }

    @Test(.enabled(if: suiteIsAvailable))
    func binaryModulesValidateUnlessAssertedInvalid() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.suiteDirectory)
            .filter { $0.hasSuffix(".wast") && !$0.hasPrefix("simd_") }
            .sorted()
        var accepted = 0
        var rejected = 0
        var failures: [String] = []
        for file in files {
            let text = try String(contentsOfFile: "\(Self.suiteDirectory)/\(file)", encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for sample in WastBinaryModuleScanner.binaryModules(in: text) where sample.expectedMalformedMessage == nil {
                guard let module = try? Module(decoding: sample.bytes) else { continue }
                let line = sample.line - 1
                let expectInvalid = lines[line].contains("(assert_invalid")
                    || (line > 0 && lines[line - 1].trimmingCharacters(in: .whitespaces).hasPrefix("(assert_invalid"))
                do {
                    _ = try Validator.validate(module)
                    accepted += 1
                    if expectInvalid { failures.append("\(file):\(sample.line): accepted an invalid module") }
                } catch {
                    rejected += 1
                    if !expectInvalid { failures.append("\(file):\(sample.line): \(error)") }
                }
            }
        }
        #expect(accepted > 40)
        #expect(rejected >= 6)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
