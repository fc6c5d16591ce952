import Foundation
import Testing
@testable import WasmEngine

/// Runs the decoder over every `(module binary ...)` of the official test suite's
/// Wasm 2.0 `.wast` files: modules outside `assert_malformed` must decode, and those
/// inside must throw a `DecodeError` whose message starts with the expected text.
@Suite struct DecoderSpecSuiteTests {
    static let suiteDirectory = SharedTestData.wasmTestsuite

    static var suiteIsAvailable: Bool {
        FileManager.default.fileExists(atPath: suiteDirectory)
    }

    @Test(.enabled(if: suiteIsAvailable))
    func binaryModulesOfTheSpecSuiteDecodeOrFailAsExpected() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.suiteDirectory)
            .filter { $0.hasSuffix(".wast") && !$0.hasPrefix("simd_") }
            .sorted()
        var checked = 0
        var failures: [String] = []
        for file in files {
            let text = try String(contentsOfFile: "\(Self.suiteDirectory)/\(file)", encoding: .utf8)
            for sample in WastBinaryModuleScanner.binaryModules(in: text) {
                checked += 1
                let location = "\(file):\(sample.line)"
                do {
                    _ = try Module(decoding: sample.bytes)
                    if let expected = sample.expectedMalformedMessage {
                        failures.append("\(location): decoded, expected \"\(expected)\"")
                    }
                } catch let error as DecodeError {
                    if let expected = sample.expectedMalformedMessage {
                        if !error.message.hasPrefix(expected) {
                            failures.append("\(location): \"\(error.message)\", expected \"\(expected)\"")
                        }
                    } else {
                        failures.append("\(location): unexpected \(error)")
                    }
                }
            }
        }
        #expect(checked > 500)
        #expect(failures.isEmpty, "\(failures.count) mismatches:\n\(failures.joined(separator: "\n"))")
    }
}

/// Finds `(module [$name] binary "..."...)` forms in `.wast` text, with the
/// `assert_malformed` message when the module is wrapped in one.
enum WastBinaryModuleScanner {
    struct Sample {
        var line: Int
        var bytes: [UInt8]
        var expectedMalformedMessage: String?
    }

    static func binaryModules(in text: String) -> [Sample] {
        let chars = Array(text.utf8)
        var samples: [Sample] = []
        var index = 0
        var line = 1
        var lineCountedUpTo = 0
        let moduleKeyword = Array("(module".utf8)
        while index + moduleKeyword.count <= chars.count {
            guard chars[index..<(index + moduleKeyword.count)].elementsEqual(moduleKeyword) else {
                index += 1
                continue
            }
            let moduleStart = index
            var cursor = index + moduleKeyword.count
            skipTrivia(chars, &cursor)
            if cursor < chars.count, chars[cursor] == UInt8(ascii: "$") {
                while cursor < chars.count, !isSpace(chars[cursor]) { cursor += 1 }
                skipTrivia(chars, &cursor)
            }
            let binaryKeyword = Array("binary".utf8)
            guard cursor + binaryKeyword.count <= chars.count,
                  chars[cursor..<(cursor + binaryKeyword.count)].elementsEqual(binaryKeyword) else {
                index = cursor
                continue
            }
            cursor += binaryKeyword.count
            var bytes: [UInt8] = []
            skipTrivia(chars, &cursor)
            while cursor < chars.count, chars[cursor] == UInt8(ascii: "\"") {
                bytes += readString(chars, &cursor)
                skipTrivia(chars, &cursor)
            }
            // Now at the module's closing parenthesis.
            cursor += 1
            var message: String?
            if precededByAssertMalformed(chars, moduleStart) {
                skipTrivia(chars, &cursor)
                message = String(decoding: readString(chars, &cursor), as: UTF8.self)
            }
            for c in chars[lineCountedUpTo..<moduleStart] where c == UInt8(ascii: "\n") { line += 1 }
            lineCountedUpTo = moduleStart
            samples.append(Sample(line: line, bytes: bytes, expectedMalformedMessage: message))
            index = cursor
        }
        return samples
    }

    private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09
    }

    private static func skipTrivia(_ chars: [UInt8], _ cursor: inout Int) {
        while cursor < chars.count {
            if isSpace(chars[cursor]) {
                cursor += 1
            } else if chars[cursor] == UInt8(ascii: ";"), cursor + 1 < chars.count, chars[cursor + 1] == UInt8(ascii: ";") {
                while cursor < chars.count, chars[cursor] != 0x0A { cursor += 1 }
            } else {
                return
            }
        }
    }

    private static func precededByAssertMalformed(_ chars: [UInt8], _ start: Int) -> Bool {
        var cursor = start - 1
        while cursor >= 0, isSpace(chars[cursor]) { cursor -= 1 }
        let keyword = Array("(assert_malformed".utf8)
        let from = cursor + 1 - keyword.count
        return from >= 0 && chars[from...cursor].elementsEqual(keyword)
    }

    /// Reads a string literal starting at its opening quote and returns its bytes.
    private static func readString(_ chars: [UInt8], _ cursor: inout Int) -> [UInt8] {
        var bytes: [UInt8] = []
        cursor += 1
        while cursor < chars.count, chars[cursor] != UInt8(ascii: "\"") {
            let c = chars[cursor]
            cursor += 1
            guard c == UInt8(ascii: "\\") else {
                bytes.append(c)
                continue
            }
            let escape = chars[cursor]
            cursor += 1
            switch escape {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "u"):
                // \u{hex}
                cursor += 1
                var scalar: UInt32 = 0
                while chars[cursor] != UInt8(ascii: "}") {
                    scalar = scalar * 16 + UInt32(hexValue(chars[cursor]))
                    cursor += 1
                }
                cursor += 1
                bytes += Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
            default:
                if let high = hexDigit(escape) {
                    bytes.append(high * 16 + hexValue(chars[cursor]))
                    cursor += 1
                } else {
                    bytes.append(escape)
                }
            }
        }
        cursor += 1
        return bytes
    }

    private static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func hexValue(_ c: UInt8) -> UInt8 { hexDigit(c) ?? 0 }
}
