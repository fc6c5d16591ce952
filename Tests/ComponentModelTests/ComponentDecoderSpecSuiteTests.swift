import Foundation
import Testing
@testable import ComponentModel

/// Runs the `(component binary ...)` cases of the Component Model's reference test
/// `tests/binary/binary.wast` (read from the shared spec checkout, not copied here).
@Suite struct ComponentDecoderSpecSuiteTests {
    static let suitePath = SharedTestData.componentModelTests + "/binary/binary.wast"
    static var suiteExists: Bool { FileManager.default.fileExists(atPath: suitePath) }

    @Test(.enabled(if: suiteExists, "needs the Component Model reference tests"))
    func binaryWastCasesDecodeOrFailAsTheSuiteExpects() throws {
        let text = try String(contentsOfFile: Self.suitePath, encoding: .utf8)
        let forms = try WastForms.parse(text)
        var checked = 0
        for form in forms {
            guard case .list(let items) = form, case .atom(let head)? = items.first else { continue }
            switch head {
            case "component":
                guard let bytes = WastForms.binaryModule(form) else { continue }
                let error = decodeError(bytes)
                #expect(error == nil, "well-formed component rejected: \(error.map(String.init(describing:)) ?? "")")
                checked += 1
            case "assert_malformed", "assert_invalid":
                guard items.count >= 3, let bytes = WastForms.binaryModule(items[1]),
                      case .string(let expectedBytes) = items[2] else { continue }
                let expected = String(decoding: expectedBytes, as: UTF8.self)
                let error = decodeError(bytes)
                if head == "assert_malformed" {
                    #expect(error != nil, "malformed component accepted; expected \"\(expected)\"")
                }
                if let error {
                    // Invalid (not malformed) components may be rejected early, but then
                    // with the suite's message too.
                    #expect(expected.isEmpty || error.message.contains(expected), "got \"\(error.message)\", expected \"\(expected)\"")
                }
                checked += 1
            default:
                continue
            }
        }
        #expect(checked >= 100)
    }
}

/// A minimal reader of `.wast` s-expressions, enough to pull out binary components.
enum WastForms {
    indirect enum Form {
        case atom(String)
        case string([UInt8])
        case list([Form])
    }

    struct ParseError: Error { let message: String }

    /// The bytes of a `(component ... binary "..."*)` form, or `nil` for other forms.
    static func binaryModule(_ form: Form) -> [UInt8]? {
        guard case .list(let items) = form, case .atom("component")? = items.first else { return nil }
        guard let binaryIndex = items.firstIndex(where: { if case .atom("binary") = $0 { return true } else { return false } }) else {
            return nil
        }
        var bytes: [UInt8] = []
        for item in items[(binaryIndex + 1)...] {
            guard case .string(let chunk) = item else { return nil }
            bytes += chunk
        }
        return bytes
    }

    /// Parses all top-level forms of a script.
    static func parse(_ text: String) throws -> [Form] {
        let chars = Array(text.utf8)
        var index = 0
        var stack: [[Form]] = [[]]
        while index < chars.count {
            let c = chars[index]
            if c == UInt8(ascii: ";") && index + 1 < chars.count && chars[index + 1] == UInt8(ascii: ";") {
                while index < chars.count && chars[index] != UInt8(ascii: "\n") { index += 1 }
            } else if c == UInt8(ascii: "(") && index + 1 < chars.count && chars[index + 1] == UInt8(ascii: ";") {
                var depth = 0
                repeat {
                    if chars[index] == UInt8(ascii: "(") && chars[index + 1] == UInt8(ascii: ";") { depth += 1; index += 2 }
                    else if chars[index] == UInt8(ascii: ";") && chars[index + 1] == UInt8(ascii: ")") { depth -= 1; index += 2 }
                    else { index += 1 }
                } while depth > 0 && index + 1 < chars.count
            } else if c == UInt8(ascii: "(") {
                stack.append([])
                index += 1
            } else if c == UInt8(ascii: ")") {
                guard stack.count > 1 else { throw ParseError(message: "unbalanced )") }
                let list = stack.removeLast()
                stack[stack.count - 1].append(.list(list))
                index += 1
            } else if c == UInt8(ascii: "\"") {
                index += 1
                var bytes: [UInt8] = []
                while index < chars.count && chars[index] != UInt8(ascii: "\"") {
                    if chars[index] == UInt8(ascii: "\\") {
                        let next = chars[index + 1]
                        switch next {
                        case UInt8(ascii: "n"): bytes.append(0x0A); index += 2
                        case UInt8(ascii: "t"): bytes.append(0x09); index += 2
                        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): bytes.append(next); index += 2
                        default:
                            let hex = String(decoding: chars[(index + 1)...(index + 2)], as: UTF8.self)
                            guard let value = UInt8(hex, radix: 16) else { throw ParseError(message: "bad escape \(hex)") }
                            bytes.append(value)
                            index += 3
                        }
                    } else {
                        bytes.append(chars[index])
                        index += 1
                    }
                }
                index += 1
                stack[stack.count - 1].append(.string(bytes))
            } else if c == UInt8(ascii: " ") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") {
                index += 1
            } else {
                let start = index
                while index < chars.count, !" \n\t\r()\"".utf8.contains(chars[index]) { index += 1 }
                stack[stack.count - 1].append(.atom(String(decoding: chars[start..<index], as: UTF8.self)))
            }
        }
        guard stack.count == 1 else { throw ParseError(message: "unbalanced (") }
        return stack[0]
    }
}
