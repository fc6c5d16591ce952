import Foundation

/// A strict reader of the Prometheus text exposition format (0.0.4), for checking what
/// the metrics endpoint serves: every line is a `# HELP`, a `# TYPE`, another comment or
/// a sample `name{label="value",...} value`; names and label names are valid, label values
/// use only the escapes `\\`, `\"` and `\n`, each family's TYPE comes once and before its
/// samples, and every value parses as a number.
struct PrometheusText {
    /// One sample line.
    struct Sample: Equatable {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    /// A line that breaks the format, with its number (from 1) and what is wrong.
    struct Violation: Error, CustomStringConvertible {
        let line: Int
        let problem: String
        var description: String { "line \(line): \(problem)" }
    }

    /// The samples in order.
    private(set) var samples: [Sample] = []
    /// Each family's TYPE.
    private(set) var types: [String: String] = [:]

    /// Parses `text`; throws the first violation.
    init(_ text: String) throws {
        var sampled: Set<String> = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 3, parts[0] == "#", parts[1] == "TYPE" || parts[1] == "HELP" else { continue }
                guard Self.isMetricName(parts[2]) else { throw Violation(line: number, problem: "bad metric name `\(parts[2])`") }
                if parts[1] == "TYPE" {
                    guard parts.count == 4, ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[3]) else {
                        throw Violation(line: number, problem: "bad TYPE line `\(line)`")
                    }
                    guard types[parts[2]] == nil else { throw Violation(line: number, problem: "second TYPE for \(parts[2])") }
                    guard !sampled.contains(parts[2]) else {
                        throw Violation(line: number, problem: "TYPE for \(parts[2]) after its samples")
                    }
                    types[parts[2]] = parts[3]
                }
                continue
            }
            let sample = try Self.sample(Array(line.utf8), line: number)
            let family = family(of: sample.name)
            guard types[family] != nil else {
                throw Violation(line: number, problem: "sample \(sample.name) before (or without) its family's TYPE")
            }
            sampled.insert(family)
            samples.append(sample)
        }
    }

    /// The value of the one sample named `name` whose labels include `labels`.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        let matching = samples.filter { sample in
            sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value }
        }
        return matching.count == 1 ? matching[0].value : nil
    }

    /// The samples named `name`.
    func samples(named name: String) -> [Sample] { samples.filter { $0.name == name } }

    private func family(of name: String) -> String {
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if let type = types[base], type == "histogram" || type == "summary" { return base }
        }
        return name
    }

    static func isMetricName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first == ":" || isLetter(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0 == ":" || isLetter($0) || isDigit($0) }
    }

    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || isLetter(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || isLetter($0) || isDigit($0) }
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    /// `name{labels} value [timestamp]`.
    private static func sample(_ bytes: [UInt8], line: Int) throws -> Sample {
        var position = 0
        func fail(_ problem: String) -> Violation { Violation(line: line, problem: problem) }
        func take(while predicate: (UInt8) -> Bool) -> String {
            let start = position
            while position < bytes.count, predicate(bytes[position]) { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }
        let nameChar: (UInt8) -> Bool = { $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: " ") }
        let name = take(while: nameChar)
        guard isMetricName(name) else { throw fail("bad metric name `\(name)`") }
        var labels: [String: String] = [:]
        if position < bytes.count, bytes[position] == UInt8(ascii: "{") {
            position += 1
            while position < bytes.count, bytes[position] != UInt8(ascii: "}") {
                let label = take(while: { $0 != UInt8(ascii: "=") })
                guard isLabelName(label) else { throw fail("bad label name `\(label)`") }
                guard labels[label] == nil else { throw fail("label \(label) twice") }
                position += 1
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw fail("label value not quoted") }
                position += 1
                var value: [UInt8] = []
                while true {
                    guard position < bytes.count else { throw fail("unterminated label value") }
                    let byte = bytes[position]
                    position += 1
                    if byte == UInt8(ascii: "\"") { break }
                    if byte == UInt8(ascii: "\\") {
                        guard position < bytes.count else { throw fail("escape at the end of the line") }
                        switch bytes[position] {
                        case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\"))
                        case UInt8(ascii: "\""): value.append(UInt8(ascii: "\""))
                        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                        default: throw fail("unknown escape \\\(Character(Unicode.Scalar(bytes[position])))")
                        }
                        position += 1
                    } else {
                        value.append(byte)
                    }
                }
                labels[label] = String(decoding: value, as: UTF8.self)
                if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1 }
            }
            guard position < bytes.count else { throw fail("unterminated label set") }
            position += 1
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: " ") else { throw fail("no space before the value") }
        let rest = String(decoding: bytes[(position + 1)...], as: UTF8.self).split(separator: " ")
        guard rest.count == 1 || rest.count == 2 else { throw fail("expected a value and an optional timestamp") }
        guard let value = number(String(rest[0])) else { throw fail("value `\(rest[0])` is not a number") }
        if rest.count == 2, Int64(rest[1]) == nil { throw fail("timestamp `\(rest[1])` is not an integer") }
        return Sample(name: name, labels: labels, value: value)
    }

    private static func number(_ text: String) -> Double? {
        switch text {
        case "+Inf": return .infinity
        case "-Inf": return -.infinity
        case "NaN": return .nan
        default:
            guard !text.isEmpty, text.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }) else { return nil }
            return Double(text)
        }
    }
}
