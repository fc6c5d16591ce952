import Foundation
import Testing
@testable import ComponentModel
import WasmEngine

/// Malformed component text is a `TextError` with a position, never a crash.
@Suite struct ComponentTextErrorTests {
    @Test func errorsCarryLineAndColumn() {
        let cases: [(String, Int, Int)] = [
            ("(component\n  (type $t u32)\n  (type $t u8))", 3, 4),
            ("(component (import \"f\" (func (param \"a\" nope))))", 1, 41),
            ("(component (instance (instantiate $nothing)))", 1, 35),
            ("(component (canon lift (core func 0) (func)) extra)", 1, 46),
            ("(component (type (flags \"a\" 1)))", 1, 29),
        ]
        for (text, line, column) in cases {
            do {
                _ = try ComponentWAT.encode(text)
                Issue.record("expected a TextError for \(text)")
            } catch let error as TextError {
                #expect(error.line == line && error.column == column, "\(text): \(error)")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func componentsNestedTooDeeplyAreAnErrorNotAStackOverflow() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "(component ", count: depth) + String(repeating: ")", count: depth)
        }
        _ = try ComponentWAT.encode(nested(100))
        do {
            _ = try ComponentWAT.encode(nested(100_000))
            Issue.record("100,000 nested components should be refused")
        } catch let error as TextError {
            #expect(error.message == "components and types nest more than 100 levels deep")
        }
    }

    @Test func unsupportedFeaturesSaySo() throws {
        for text in ["(component (core func (canon task.return)))", "(component (import \"v\" (value u32)))"] {
            #expect(throws: TextError.self) { try ComponentWAT.encode(text) }
            do { _ = try ComponentWAT.encode(text) } catch let error as TextError {
                #expect(error.message.hasPrefix("not supported"), "\(error)")
            }
        }
    }

    /// Deletes, duplicates and truncates tokens of valid components (the suite's, when
    /// present, and some built in); encoding must throw `TextError` or produce bytes
    /// that the decoder accepts or rejects with `ComponentDecodeError`.
    @Test func mutatedComponentsNeverCrash() throws {
        var seeds = [
            #"(component (core module $m (func (export "f") (result i32) i32.const 1)) (core instance $i (instantiate $m)) (func (export "f") (result u32) (canon lift (core func $i "f"))))"#,
            #"(component $C (type $r (resource (rep i32))) (import "i" (instance $i (export "t" (type (sub resource))))) (component (alias outer $C $r (type $x))))"#,
        ]
        let suite = "/work/shared/component-model/tests/validation/resources.wast"
        if let text = try? String(contentsOfFile: suite, encoding: .utf8) {
            seeds += text.components(separatedBy: "\n(component definition").dropFirst().prefix(10).map { "(component" + $0 }
        }
        var generator = SeededRandom(seed: 0xC0FFEE)
        var checked = 0
        for seed in seeds {
            let characters = Array(seed)
            for _ in 0..<40 {
                var mutated = characters
                let position = Int(generator.next() % UInt64(max(mutated.count, 1)))
                switch generator.next() % 4 {
                case 0: mutated.removeSubrange(position..<min(mutated.count, position + 1 + Int(generator.next() % 6)))
                case 1: mutated.insert(contentsOf: ["(", ")", "$", "\"", " ", "0"][Int(generator.next() % 6)].map { $0 }, at: position)
                case 2: mutated = Array(mutated.prefix(position))
                default: mutated.insert(contentsOf: mutated[position..<min(mutated.count, position + 8)], at: position)
                }
                do {
                    let bytes = try ComponentWAT.encode(String(mutated))
                    do { _ = try Component(decoding: bytes) } catch is ComponentDecodeError {}
                } catch let error as TextError {
                    #expect(error.line >= 1 && error.column >= 1)
                }
                checked += 1
            }
        }
        #expect(checked >= 80)
    }
}

