import Foundation
import Testing
@testable import ComponentModel

/// Runs the validator over a directory of component binaries produced from the
/// reference `.wast` files by an external text encoder (a local test aid, not part of
/// the package). The directory holds `manifest.tsv` lines `file<TAB>kind<TAB>source
/// <TAB>message` with kind `valid`, `invalid` or `unlinkable`. Set
/// `COMPONENT_VALIDATION_CORPUS` to the directory to run it; the summary is printed and
/// written to `report.txt` there.
@Suite struct ComponentValidationCorpusTests {
    static let directory = ProcessInfo.processInfo.environment["COMPONENT_VALIDATION_CORPUS"]

    @Test(.enabled(if: directory != nil, "set COMPONENT_VALIDATION_CORPUS to a directory of binaries"))
    func corpusComponentsValidateAsTheSuiteExpects() throws {
        let directory = try #require(Self.directory)
        let manifest = try String(contentsOfFile: directory + "/manifest.tsv", encoding: .utf8)
        var counts: [String: Int] = [:]
        var report: [String] = []
        for line in manifest.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4 else { continue }
            let (file, kind, source, expected) = (fields[0], fields[1], fields[2], fields[3])
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file)))
            var outcome: String
            do {
                let component = try Component(decoding: bytes)
                _ = try ComponentValidator.validate(component)
                outcome = "accepted"
            } catch let error as ComponentValidationError {
                outcome = "rejected: " + error.message
            } catch {
                outcome = "malformed: \(error)"
            }
            let accepted = outcome == "accepted"
            let verdict: String
            switch kind {
            case "valid", "unlinkable":
                verdict = accepted ? "ok" : "FAIL"
            default:
                if accepted { verdict = "FAIL" } else if outcome.contains(expected) { verdict = "ok" } else { verdict = "wrong-message" }
                if outcome.hasPrefix("rejected: " + expected) { counts["invalid message is a prefix", default: 0] += 1 }
            }
            counts["\(kind) \(verdict)", default: 0] += 1
            if verdict != "ok" { report.append("\(verdict)\t\(kind)\t\(source)\texpected: \(expected)\tgot: \(outcome)") }
        }
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
        try (summary + "\n\n" + report.joined(separator: "\n") + "\n").write(toFile: directory + "/report.txt", atomically: true, encoding: .utf8)
        print(summary)
        #expect(counts.keys.allSatisfy { $0.hasSuffix(" ok") || $0.hasSuffix("prefix") }, "see \(directory)/report.txt")
    }
}
