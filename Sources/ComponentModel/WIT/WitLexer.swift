/// Splits WIT source text into tokens on demand.
///
/// The lexer is a value type holding a position, so the parser can copy it to look ahead
/// without consuming input. Semantic versions (`1.2.3-rc.1+b`) do not fit the token
/// grammar (`-` and `+` are not operators), so the parser asks for them explicitly with
/// `lexVersion()` right after an `@` or `version =`.
struct WitLexer {
    private let text: [Unicode.Scalar]
    let file: String
    private(set) var offset = 0
    private var line = 1
    private var column = 1

    init(source: String, file: String) {
        self.text = Array(source.unicodeScalars)
        self.file = file
    }

    var location: WitLocation { WitLocation(file: file, line: line, column: column) }

    private func peekScalar(_ ahead: Int = 0) -> Unicode.Scalar? {
        offset + ahead < text.count ? text[offset + ahead] : nil
    }

    private mutating func advance() {
        if text[offset] == "\n" { line += 1; column = 1 } else { column += 1 }
        offset += 1
    }

    private func error(_ message: String, at location: WitLocation? = nil) -> WitError {
        WitError(location ?? self.location, message)
    }

    /// Rejects the scalars WIT.md forbids anywhere in a file: control codes other than
    /// tab, newline and carriage return, and bidirectional overrides (which can make text
    /// display differently from how it parses).
    private func checkAllowed(_ c: Unicode.Scalar) throws {
        let v = c.value
        let control = (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (v >= 0x7F && v < 0xA0)
        let bidi = (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
        if control { throw error("control character U+\(String(v, radix: 16, uppercase: true)) is not allowed in WIT") }
        if bidi { throw error("bidirectional formatting character U+\(String(v, radix: 16, uppercase: true)) is not allowed in WIT") }
    }

    /// Skips whitespace and comments, collecting doc comments.
    private mutating func skipTrivia(docs: inout [String]) throws -> Bool {
        var skipped = false
        while let c = peekScalar() {
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                advance(); skipped = true
            } else if c == "/" && peekScalar(1) == "/" {
                let isDoc = peekScalar(2) == "/" && peekScalar(3) != "/"
                advance(); advance()
                if isDoc { advance() }
                var content = String.UnicodeScalarView()
                while let d = peekScalar(), d != "\n" {
                    try checkAllowed(d)
                    content.append(d); advance()
                }
                if isDoc {
                    var s = String(content)
                    if s.hasSuffix("\r") { s.removeLast() }
                    if s.hasPrefix(" ") { s.removeFirst() }
                    docs.append(s)
                }
                skipped = true
            } else if c == "/" && peekScalar(1) == "*" {
                try skipBlockComment(docs: &docs)
                skipped = true
            } else {
                break
            }
        }
        return skipped
    }

    /// Block comments nest; `/** ... */` (but not `/**/`) is a doc comment.
    private mutating func skipBlockComment(docs: inout [String]) throws {
        let start = location
        let isDoc = peekScalar(2) == "*" && peekScalar(3) != "/" && peekScalar(3) != "*"
        advance(); advance()
        if isDoc { advance() }
        var depth = 1
        var content = String.UnicodeScalarView()
        while depth > 0 {
            guard let c = peekScalar() else {
                throw error("unterminated block comment: add the closing '*/'", at: start)
            }
            if c == "/" && peekScalar(1) == "*" {
                depth += 1; advance(); advance(); content.append(contentsOf: "/*".unicodeScalars)
            } else if c == "*" && peekScalar(1) == "/" {
                depth -= 1; advance(); advance()
                if depth > 0 { content.append(contentsOf: "*/".unicodeScalars) }
            } else {
                try checkAllowed(c)
                content.append(c); advance()
            }
        }
        if isDoc {
            let lines = String(content).split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0).trimmedDocLine
            }
            var trimmed = Array(lines.drop(while: { $0.isEmpty }))
            while trimmed.last?.isEmpty == true { trimmed.removeLast() }
            docs.append(contentsOf: trimmed)
        }
    }

    /// Returns the next token.
    mutating func next() throws -> WitToken {
        var docs: [String] = []
        let space = try skipTrivia(docs: &docs)
        let loc = location
        let start = offset
        func token(_ kind: WitToken.Kind) -> WitToken {
            WitToken(kind: kind, location: loc, docs: docs, spaceBefore: space || start == 0, start: start, end: offset)
        }
        guard let c = peekScalar() else { return token(.end) }
        try checkAllowed(c)
        switch c {
        case "=", ",", ":", ";", "(", ")", "{", "}", "<", ">", "*", "/", ".", "@", "_":
            advance()
            if c == "_", let n = peekScalar(), n.isIdentifierContinuation {
                throw error("identifiers cannot start with '_'; WIT names are kebab-case", at: loc)
            }
            return token(.symbol(String(c)))
        case "-":
            advance()
            guard peekScalar() == ">" else { throw error("unexpected '-'; did you mean '->'?", at: loc) }
            advance()
            return token(.symbol("->"))
        case "\"":
            return token(.string(try lexString()))
        case "%":
            advance()
            guard let n = peekScalar(), n.isIdentifierStart else {
                throw error("'%' must be followed by an identifier", at: loc)
            }
            let name = try lexIdentifier(start: loc)
            return token(.identifier(name, explicit: true))
        default:
            if c.properties.numericType != nil, ("0"..."9").contains(c) {
                var digits = ""
                while let d = peekScalar(), ("0"..."9").contains(d) { digits.unicodeScalars.append(d); advance() }
                return token(.integer(digits))
            }
            if c.isIdentifierStart {
                let name = try lexIdentifier(start: loc)
                if let keyword = WitKeyword(rawValue: name) { return token(.keyword(keyword)) }
                return token(.identifier(name, explicit: false))
            }
            throw error("unexpected character '\(c.escaped(asASCII: false))'", at: loc)
        }
    }

    /// Lexes `[A-Za-z][A-Za-z0-9-]*` and checks that it is a kebab-case label.
    private mutating func lexIdentifier(start: WitLocation) throws -> String {
        var name = String.UnicodeScalarView()
        while let c = peekScalar(), c.isIdentifierContinuation { name.append(c); advance() }
        let s = String(name)
        if let problem = WitName.kebabProblem(s) {
            throw error("invalid identifier '\(s)': \(problem)", at: start)
        }
        return s
    }

    /// Lexes a double-quoted string with the escapes of the core text format's `name`.
    private mutating func lexString() throws -> String {
        let start = location
        advance()
        var out = String.UnicodeScalarView()
        while true {
            guard let c = peekScalar() else { throw error("unterminated string literal", at: start) }
            if c == "\n" { throw error("unterminated string literal: strings cannot span lines", at: start) }
            try checkAllowed(c)
            advance()
            if c == "\"" { return String(out) }
            guard c == "\\" else { out.append(c); continue }
            let escLoc = location
            guard let e = peekScalar() else { throw error("unterminated string literal", at: start) }
            advance()
            switch e {
            case "t": out.append("\t")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "\"", "'", "\\": out.append(e)
            case "u":
                guard peekScalar() == "{" else { throw error("expected '{' after '\\u'", at: escLoc) }
                advance()
                var hex = ""
                while let h = peekScalar(), h.properties.isASCIIHexDigit { hex.unicodeScalars.append(h); advance() }
                guard peekScalar() == "}", !hex.isEmpty, hex.count <= 6, let v = UInt32(hex, radix: 16),
                      let scalar = Unicode.Scalar(v) else {
                    throw error("invalid unicode escape; write \\u{HEX} with a valid scalar value", at: escLoc)
                }
                advance()
                out.append(scalar)
            default:
                guard e.properties.isASCIIHexDigit, let l = peekScalar(), l.properties.isASCIIHexDigit else {
                    throw error("invalid escape '\\\(e)'", at: escLoc)
                }
                advance()
                // Two hex digits denote a byte; only ASCII bytes make a whole scalar on their own.
                let byte = UInt8(String(e) + String(l), radix: 16)!
                guard byte < 0x80 else { throw error("escape '\\\(e)\(l)' is not a complete UTF-8 character", at: escLoc) }
                out.append(Unicode.Scalar(byte))
            }
        }
    }

    /// Lexes a semantic version right at the current position (no whitespace allowed before
    /// it after `@`, but allowed after `version =`).
    mutating func lexVersion(allowLeadingSpace: Bool) throws -> (WitVersion, WitLocation) {
        if allowLeadingSpace {
            var ignored: [String] = []
            _ = try skipTrivia(docs: &ignored)
        }
        let loc = location
        var s = String.UnicodeScalarView()
        // A '.' belongs to the version only when more version text follows, so that
        // `use a:b/c@1.0.0.{x}` ends the version before `.{`.
        while let c = peekScalar(), c.isIdentifierContinuation || c == "+" || (c == "." && peekScalar(1)?.isIdentifierContinuation == true) {
            s.append(c); advance()
        }
        guard !s.isEmpty else { throw error("expected a version such as 1.0.0", at: loc) }
        switch WitVersion.parse(String(s)) {
        case let .success(v): return (v, loc)
        case let .failure(e): throw error("invalid version '\(String(s))': \(e.reason)", at: loc)
        }
    }
}

private extension String {
    /// A block doc comment line without its surrounding blanks and decorative `*`s.
    var trimmedDocLine: String {
        let junk: Set<Character> = [" ", "\t", "\r", "*"]
        var s = Substring(self)
        while let f = s.first, junk.contains(f) { s.removeFirst() }
        while let l = s.last, junk.contains(l) { s.removeLast() }
        return String(s)
    }
}

extension Unicode.Scalar {
    var isIdentifierStart: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isIdentifierContinuation: Bool { isIdentifierStart || ("0"..."9").contains(self) || self == "-" }
}
