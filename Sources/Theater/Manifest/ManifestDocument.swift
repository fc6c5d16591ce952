import TOMLKit

/// Turns manifest text into a tree of `ManifestNode`s: checks the raw text, parses it
/// with TOMLKit, attaches source lines and substitutes `${VAR}` in every string.
///
/// The checks before TOMLKit exist because TOMLKit hands the text to toml++ as a C
/// string: a NUL byte would silently cut the document short, and a `\u0000` escape would
/// turn into a truncated key that TOMLKit then force-unwraps.
enum ManifestDocument {
    /// The largest manifest accepted. Manifests are a few hundred bytes; anything near
    /// this size is a mistake (a binary or a data file given as the manifest).
    static let maximumTextBytes = 1 << 20

    /// Parses `text` into its root table node.
    static func parse(
        text: String, fileName: String, environment: [String: String]
    ) throws(ManifestError) -> ManifestNode {
        try checkRawText(text, fileName: fileName)
        let sourceMap: ManifestSourceMap
        do {
            sourceMap = try ManifestSourceMap(scanning: text)
        } catch {
            throw ManifestError(file: fileName, line: error.line, field: nil, message: error.message)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ManifestError(
                file: fileName, line: error.source.begin.line, field: nil,
                message: "invalid TOML: \(error.description)\(hint(for: error.description, at: error.source.begin.line, in: text))")
        } catch {
            throw ManifestError(file: fileName, line: nil, field: nil, message: "invalid TOML: \(error)")
        }
        var converter = Converter(fileName: fileName, sourceMap: sourceMap, environment: environment)
        return try converter.node(for: table.tomlValue, at: ManifestPath(), depth: 0)
    }

    private static func checkRawText(_ text: String, fileName: String) throws(ManifestError) {
        let bytes = text.utf8
        if bytes.count > maximumTextBytes {
            throw ManifestError(
                file: fileName, line: nil, field: nil,
                message: "the manifest is \(bytes.count) bytes; a manifest may be at most \(maximumTextBytes) bytes (put large initial state in a separate file named by init_state)")
        }
        let text = Array(bytes)
        var line = 1
        for (index, byte) in text.enumerated() {
            if byte == 0 {
                throw ManifestError(
                    file: fileName, line: line, field: nil,
                    message: "the manifest contains a NUL byte; it must be UTF-8 TOML text, not binary data")
            }
            if byte == UInt8(ascii: "\n") { line += 1 }
            if byte == UInt8(ascii: "0"), endsWithNulEscape(text[...index]) {
                throw ManifestError(
                    file: fileName, line: line, field: nil,
                    message: "the escape for the NUL character is not allowed in a manifest; remove it")
            }
        }
    }

    /// Whether `prefix` ends in `\u0000` or `\U00000000`.
    private static func endsWithNulEscape(_ prefix: ArraySlice<UInt8>) -> Bool {
        let short = "\\u0000".utf8, long = "\\U00000000".utf8
        return prefix.suffix(short.count).elementsEqual(short) || prefix.suffix(long.count).elementsEqual(long)
    }

    /// Extra advice for the commonest syntax mistakes: a string left open (toml++ then
    /// complains about the line break inside it), and, in manifests copied from older
    /// documentation, an inline table (`config = { ... }`) spread over several lines.
    private static func hint(for message: String, at line: Int, in text: String) -> String {
        if message.contains("control characters") {
            return "; is a closing quote missing on this line?"
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let window = lines.prefix(max(line, 0)).suffix(12)
        var openBraces = 0
        for candidate in window {
            for character in candidate where character == "{" || character == "}" {
                openBraces += character == "{" ? 1 : -1
            }
        }
        guard openBraces > 0 else { return "" }
        return "; an inline table { ... } must stay on one line in TOML: write it on one line, or use the [[handler]] form with one key per line"
    }

    /// Walks TOMLKit's tree; a struct so that it can carry the context without globals.
    private struct Converter {
        let fileName: String
        let sourceMap: ManifestSourceMap
        let environment: [String: String]

        mutating func node(
            for value: TOMLValueConvertible, at path: ManifestPath, depth: Int
        ) throws(ManifestError) -> ManifestNode {
            let line = sourceMap.line(of: path)
            if depth > ManifestSourceMap.maximumNesting {
                throw ManifestError(
                    file: fileName, line: line, field: path.description,
                    message: "nesting deeper than \(ManifestSourceMap.maximumNesting) levels")
            }
            let converted: ManifestNode.Value
            switch value.type {
            case .string:
                do {
                    converted = .string(try VariableSubstitution.expand(value.string ?? "", environment: environment))
                } catch {
                    throw ManifestError(file: fileName, line: line, field: path.description, message: error.message)
                }
            case .int: converted = .integer(value.int ?? 0)
            case .double: converted = .float(value.double ?? 0)
            case .bool: converted = .boolean(value.bool ?? false)
            case .date, .time, .dateTime: converted = .dateTime(value.debugDescription)
            case .array:
                guard let array = value.array else { converted = .array([]); break }
                var elements: [ManifestNode] = []
                elements.reserveCapacity(array.count)
                for index in 0..<array.count {
                    elements.append(try node(for: array[index], at: path.appending(index: index), depth: depth + 1))
                }
                converted = .array(elements)
            case .table:
                guard let table = value.table else { converted = .table([:]); break }
                var entries: [String: ManifestNode] = [:]
                for key in table.keys {
                    guard let child = table[key] else { continue }
                    entries[key] = try node(for: child, at: path.appending(key: key), depth: depth + 1)
                }
                converted = .table(entries)
            }
            return ManifestNode(value: converted, path: path, line: line)
        }
    }
}
