import Foundation
import Testing
@testable import WasmEngine

/// The text parsers must be total: any text, however mangled, either parses or throws a
/// `TextError`; never a trap or a hang. Inputs are the suite's own commands, mutated by
/// a seeded PRNG so that a failure reproduces.
@Suite struct WatHostileInputTests {
    typealias Xorshift = HostileInputTests.Xorshift

    /// Fragments that stress the lexer and the parsers' expectations.
    static let fragments = [
        "(", ")", "\"", ";;", "(;", ";)", "$x", "0x", "nan:0x1", "1e999", "-", "+", "_", ".", "\\", "\\u{",
        "module", "func", "param", "result", "i32.const", "f64.const", "block", "end", "else", "br_table",
        "(module quote \"", "(assert_return", "(invoke \"", "offset=", "align=3", "inf", "0x1p", "\u{0}", "é",
    ]

    /// The top-level commands of a script: each line that starts with `(` begins one.
    static func commands(in text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("(") && !current.isEmpty {
                result.append(current)
                current = ""
            }
            current += line + "\n"
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static func mutate(_ text: String, _ rng: inout Xorshift) -> String {
        var bytes = Array(text.utf8)
        switch rng.below(5) {
        case 0 where !bytes.isEmpty:
            let start = rng.below(bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + rng.below(20)))
        case 1:
            let fragment = Array(fragments[rng.below(fragments.count)].utf8)
            bytes.insert(contentsOf: fragment, at: rng.below(bytes.count + 1))
        case 2 where !bytes.isEmpty:
            bytes = Array(bytes.prefix(rng.below(bytes.count)))
        case 3 where !bytes.isEmpty:
            bytes[rng.below(bytes.count)] = rng.byte()
        default:
            if !bytes.isEmpty {
                let start = rng.below(bytes.count)
                let slice = bytes[start..<min(bytes.count, start + rng.below(30))]
                bytes.insert(contentsOf: slice, at: rng.below(bytes.count + 1))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(.enabled(if: DecoderSpecSuiteTests.suiteIsAvailable))
    func mutatedSuiteCommandsParseOrThrowTextError() throws {
        let directory = DecoderSpecSuiteTests.suiteDirectory
        var rng = Xorshift(seed: 0x7E47_0001)
        var parsed = 0, rejected = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        where file.hasSuffix(".wast") && !file.hasPrefix("simd_") {
            let commands = Self.commands(in: try String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8))
            for iteration in 0..<(40 * HostileInputTests.scale) {
                guard !commands.isEmpty else { break }
                var text = commands[rng.below(commands.count)]
                for _ in 0...rng.below(3) { text = Self.mutate(text, &rng) }
                do {
                    let script = try WastScript.parse(text)
                    parsed += 1
                    for command in script.commands {
                        if case .assertMalformed(let module, _, _) = command, case .quote(let quoted) = module.source {
                            _ = try? WAT.encodeModule(quoted)
                        }
                    }
                } catch is TextError {
                    rejected += 1
                } catch {
                    Issue.record("\(file) iteration \(iteration): non-TextError \(error)")
                }
                do { _ = try WAT.encodeModule(text) } catch is TextError {} catch {
                    Issue.record("\(file) iteration \(iteration): WAT threw a non-TextError \(error)")
                }
            }
        }
        // Both outcomes must occur, or the mutations are not exercising the parsers.
        #expect(parsed > 100)
        #expect(rejected > 100)
    }
}
