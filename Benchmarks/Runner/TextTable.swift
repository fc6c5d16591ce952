/// A plain-text table with aligned columns: the first column left-aligned (names), the
/// others right-aligned (numbers).
struct TextTable {
    let headers: [String]
    private(set) var rows: [[String]] = []

    init(headers: [String]) { self.headers = headers }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// A separator line under the rows added so far (e.g. before a summary row).
    mutating func addSeparator() { rows.append([]) }

    func render() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        var lines = [line(headers), rule]
        for row in rows {
            lines.append(row.isEmpty ? rule : line(row + Array(repeating: "", count: max(0, headers.count - row.count))))
        }
        return lines.joined(separator: "\n")
    }
}

/// Number formatting shared by the reports.
enum Format {
    /// Seconds in a readable unit: "812.3 ms", "1.254 s", "57.1 us".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "-" }
        if seconds >= 1 { return fixed(seconds, 3) + " s" }
        if seconds >= 0.001 { return fixed(seconds * 1e3, 1) + " ms" }
        return fixed(seconds * 1e6, 1) + " us"
    }

    /// A sample's median with its range: "812.3 ms (790.2-850.0)", all in the median's unit.
    static func samples(_ samples: Samples) -> String {
        guard !samples.isEmpty else { return "-" }
        let median = samples.median
        let (scale, unit, digits): (Double, String, Int) =
            median >= 1 ? (1, "s", 3) : median >= 0.001 ? (1e3, "ms", 1) : (1e6, "us", 1)
        let middle = fixed(median * scale, digits) + " " + unit
        if samples.count == 1 { return middle }
        return middle + " (" + fixed(samples.min * scale, digits) + "-" + fixed(samples.max * scale, digits) + ")"
    }

    /// A ratio such as "3.42x".
    static func ratio(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        return fixed(value, 2) + "x"
    }

    /// A signed percentage such as "+12.5%".
    static func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "-" }
        return (fraction >= 0 ? "+" : "") + fixed(fraction * 100, 1) + "%"
    }

    /// `value` with exactly `digits` decimals (no Foundation formatter needed).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "-" }
        var factor = 1.0
        for _ in 0..<digits { factor *= 10 }
        let rounded = (abs(value) * factor).rounded()
        let whole = Int(rounded / factor)
        let fraction = Int(rounded - Double(whole) * factor)
        let sign = value < 0 && rounded != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
}
