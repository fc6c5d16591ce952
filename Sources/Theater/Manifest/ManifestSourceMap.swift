/// The line on which each key, table header and array element of a manifest starts.
///
/// TOMLKit reports positions only for syntax errors, so semantic errors ("unknown key",
/// "expected an integer") find their line here. The scanner walks the text once with a
/// small TOML tokenizer: table headers (`[limits]`, `[[handler]]`, with array-of-tables
/// indices counted as TOML does), dotted keys, inline tables, arrays and all four string
/// forms (so that a `#` or `[` inside a string is not mistaken for syntax).
///
/// It runs *before* TOMLKit and also guards it:
/// - it bounds nesting: toml++ limits nested arrays and inline tables but not dotted
///   keys or header paths, and a document like `a.a.a.…` a million levels deep would
///   exhaust the stack when its tree is built or freed;
/// - it rejects the two malformed shapes that trip toml++'s internal assertions (found
///   by fuzzing toml++ 3.x as bundled with TOMLKit 0.6): a table header whose first
///   character after `[` or `[[` (and spaces) cannot start a key, such as `[=` or `[{`,
///   and an array element starting with `}` (`x = [}`). In a debug build they abort the
///   process; in a release build they are undefined behaviour.
/// On other text that is not valid TOML the scanner never traps and always terminates;
/// its line answers there do not matter because TOMLKit rejects such text next.
struct ManifestSourceMap {
    /// The deepest nesting of keys, tables and arrays a manifest may use. Real manifests
    /// need four levels (`handlers[0].config.allowed_vars[1]`).
    static let maximumNesting = 32

    /// Text the scanner refuses before TOMLKit sees it: too deep, or one of the shapes
    /// TOMLKit cannot take.
    struct Failure: Error {
        let line: Int
        let message: String

        static func tooDeep(line: Int) -> Failure {
            Failure(
                line: line,
                message: "nesting deeper than \(ManifestSourceMap.maximumNesting) levels of keys, tables or arrays; a manifest needs at most four")
        }
    }

    private var lines: [ManifestPath: Int] = [:]

    /// The line where the key, header or array element at `path` was first written.
    func line(of path: ManifestPath) -> Int? {
        lines[path]
    }

    /// Scans `text`; throws when it nests deeper than `maximumNesting`.
    init(scanning text: String) throws(Failure) {
        var scanner = Scanner(bytes: Array(text.utf8))
        try scanner.scanDocument()
        lines = scanner.lines
    }
}

/// The tokenizer behind `ManifestSourceMap`; see there for what it records.
private struct Scanner {
    let bytes: [UInt8]
    var position = 0
    var line = 1
    var lines: [ManifestPath: Int] = [:]
    /// How many `[[x]]` headers were seen so far for each array-of-tables path.
    var arrayTableCounts: [ManifestPath: Int] = [:]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var atEnd: Bool { position >= bytes.count }
    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }
    private func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private mutating func advance() {
        guard position < bytes.count else { return }
        if bytes[position] == UInt8(ascii: "\n") { line += 1 }
        position += 1
    }

    private mutating func record(_ path: ManifestPath, line recordedLine: Int) {
        if lines[path] == nil { lines[path] = recordedLine }
    }

    mutating func scanDocument() throws(ManifestSourceMap.Failure) {
        var table = ManifestPath()
        while true {
            skipWhitespace(includingNewlines: true)
            guard let byte = current else { return }
            let start = position
            if byte == UInt8(ascii: "[") {
                table = try scanHeader()
            } else {
                try scanKeyValue(in: table)
            }
            skipToEndOfLine()
            if position == start { advance() }
        }
    }

    /// Reads `[a.b]` or `[[a.b]]` and returns the table path it opens.
    private mutating func scanHeader() throws(ManifestSourceMap.Failure) -> ManifestPath {
        let headerLine = line
        let isArray = peek(1) == UInt8(ascii: "[")
        advance()
        if isArray { advance() }
        // Only spaces and tabs, exactly what toml++ skips here.
        while current == UInt8(ascii: " ") || current == UInt8(ascii: "\t") { advance() }
        if let first = current, !ManifestPath.isBareKeyByte(first), first != UInt8(ascii: "\""),
            first != UInt8(ascii: "'"), first != UInt8(ascii: "]")
        {
            throw ManifestSourceMap.Failure(
                line: line,
                message: "invalid TOML: a table header must start with a name: write [name] or [[name]]")
        }
        let keys = try scanKey()
        var path = ManifestPath()
        for (offset, key) in keys.enumerated() {
            path.append(.key(key))
            // An earlier array of tables in the prefix means its latest element.
            if offset < keys.count - 1, let count = arrayTableCounts[path], count > 0 {
                path.append(.index(count - 1))
            }
        }
        if isArray {
            let index = arrayTableCounts[path, default: 0]
            arrayTableCounts[path] = index + 1
            path.append(.index(index))
        }
        record(path, line: headerLine)
        return path
    }

    /// Reads `key = value` and records the key (and every dotted prefix of it).
    private mutating func scanKeyValue(in table: ManifestPath) throws(ManifestSourceMap.Failure) {
        let keyLine = line
        let keys = try scanKey()
        guard !keys.isEmpty else { return }
        var path = table
        for key in keys {
            path.append(.key(key))
            record(path, line: keyLine)
        }
        try checkDepth(path)
        skipWhitespace(includingNewlines: false)
        guard current == UInt8(ascii: "=") else { return }
        advance()
        skipWhitespace(includingNewlines: false)
        try scanValue(at: path, depth: path.components.count)
    }

    private func checkDepth(_ path: ManifestPath) throws(ManifestSourceMap.Failure) {
        if path.components.count > ManifestSourceMap.maximumNesting {
            throw ManifestSourceMap.Failure.tooDeep(line: line)
        }
    }

    private mutating func scanValue(at path: ManifestPath, depth: Int) throws(ManifestSourceMap.Failure) {
        if depth > ManifestSourceMap.maximumNesting { throw ManifestSourceMap.Failure.tooDeep(line: line) }
        guard let byte = current else { return }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            _ = scanString()
        case UInt8(ascii: "{"):
            advance()
            while !atEnd {
                let start = position
                skipWhitespace(includingNewlines: true)
                if current == UInt8(ascii: "}") { advance(); return }
                let keyLine = line
                let keys = try scanKey()
                var entry = path
                for key in keys {
                    entry.append(.key(key))
                    record(entry, line: keyLine)
                }
                try checkDepth(entry)
                skipWhitespace(includingNewlines: false)
                if current == UInt8(ascii: "=") {
                    advance()
                    skipWhitespace(includingNewlines: false)
                    try scanValue(at: entry, depth: depth + keys.count)
                }
                skipWhitespace(includingNewlines: true)
                if current == UInt8(ascii: ",") { advance() }
                if position == start { advance() }
            }
        case UInt8(ascii: "["):
            advance()
            var index = 0
            while !atEnd {
                let start = position
                skipWhitespace(includingNewlines: true)
                if current == UInt8(ascii: "]") { advance(); return }
                if current == UInt8(ascii: "}") {
                    throw ManifestSourceMap.Failure(
                        line: line, message: "invalid TOML: } inside an array; close the array with ]")
                }
                let element = path.appending(index: index)
                record(element, line: line)
                try scanValue(at: element, depth: depth + 1)
                index += 1
                skipWhitespace(includingNewlines: true)
                if current == UInt8(ascii: ",") { advance() }
                if position == start { advance() }
            }
        default:
            // A number, boolean or date: up to the next delimiter.
            while let next = current, !Scanner.endsBareValue(next) { advance() }
        }
    }

    private static func endsBareValue(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
            || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "#")
    }

    /// Reads a possibly dotted key; returns its parts (empty when there is no key here).
    private mutating func scanKey() throws(ManifestSourceMap.Failure) -> [String] {
        var keys: [String] = []
        while true {
            skipWhitespace(includingNewlines: false)
            guard let byte = current else { break }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                keys.append(scanString())
            } else {
                let start = position
                while let next = current, ManifestPath.isBareKeyByte(next) {
                    advance()
                }
                guard position > start else { break }
                keys.append(String(decoding: bytes[start..<position], as: UTF8.self))
            }
            if keys.count > ManifestSourceMap.maximumNesting { throw ManifestSourceMap.Failure.tooDeep(line: line) }
            skipWhitespace(includingNewlines: false)
            guard current == UInt8(ascii: ".") else { break }
            advance()
        }
        return keys
    }

    /// Skips a string of any of the four TOML forms and returns its text; escapes other
    /// than `\"` and `\\` are kept as written (only keys use the result, and keys with
    /// other escapes are vanishingly rare in manifests).
    private mutating func scanString() -> String {
        guard let quote = current else { return "" }
        let isBasic = quote == UInt8(ascii: "\"")
        let isMultiline = peek(1) == quote && peek(2) == quote
        if isMultiline { advance(); advance(); advance() } else { advance() }
        var text: [UInt8] = []
        while let byte = current {
            if isBasic && byte == UInt8(ascii: "\\") {
                advance()
                if let escaped = current {
                    if escaped != UInt8(ascii: "\"") && escaped != UInt8(ascii: "\\") {
                        text.append(UInt8(ascii: "\\"))
                    }
                    text.append(escaped)
                    advance()
                }
                continue
            }
            if byte == quote {
                if !isMultiline { advance(); break }
                if peek(1) == quote && peek(2) == quote {
                    advance(); advance(); advance()
                    // Up to two more quotes may belong to the content.
                    while current == quote { advance() }
                    break
                }
            }
            if byte == UInt8(ascii: "\n") && !isMultiline { break }
            text.append(byte)
            advance()
        }
        return String(decoding: text, as: UTF8.self)
    }

    private mutating func skipWhitespace(includingNewlines: Bool) {
        while let byte = current {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                advance()
            } else if includingNewlines && byte == UInt8(ascii: "\n") {
                advance()
            } else if includingNewlines && byte == UInt8(ascii: "#") {
                skipToEndOfLine()
            } else {
                return
            }
        }
    }

    /// Skips the rest of the current line, including a comment, but not the newline.
    private mutating func skipToEndOfLine() {
        while let byte = current, byte != UInt8(ascii: "\n") { advance() }
    }
}
