/// Rows of text printed in aligned columns, for people reading a terminal.
///
/// Widths count characters of the plain text; cells may carry colour escapes, which are
/// not counted (pass the plain text as `width` source through `Cell`).
struct TextTable {
    /// One cell: what is printed and the plain text whose length aligns it.
    struct Cell: ExpressibleByStringLiteral {
        let printed: String
        let plain: String
        init(_ plain: String, printed: String? = nil) {
            self.plain = plain
            self.printed = printed ?? plain
        }
        init(stringLiteral value: String) { self.init(value) }
    }

    private let header: [Cell]
    private var rows: [[Cell]] = []

    /// A table with these column titles.
    init(_ header: [Cell]) { self.header = header }

    /// Adds a row (missing cells print empty).
    mutating func append(_ row: [Cell]) { rows.append(row) }

    /// The lines of the table: header, then rows; the last column is not padded.
    func lines() -> [String] {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        var widths = [Int](repeating: 0, count: columns)
        for row in [header] + rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.plain.count) }
        }
        return ([header] + rows).map { row in
            var line = ""
            for index in 0..<columns {
                let cell = index < row.count ? row[index] : Cell("")
                line += cell.printed
                if index < columns - 1 {
                    line += String(repeating: " ", count: widths[index] - cell.plain.count + 2)
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
