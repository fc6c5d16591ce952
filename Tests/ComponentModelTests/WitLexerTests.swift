import Testing
@testable import ComponentModel

@Suite struct WitLexerTests {
    func tokens(_ source: String) throws -> [WitToken] {
        var lexer = WitLexer(source: source, file: "t.wit")
        var out: [WitToken] = []
        while true {
            let t = try lexer.next()
            if case .end = t.kind { return out }
            out.append(t)
        }
    }

    func lexError(_ source: String) -> WitError? {
        do { _ = try tokens(source); return nil } catch let e as WitError { return e } catch { return nil }
    }

    @Test func keywordsIdentifiersAndEscapedKeywords() throws {
        let ts = try tokens("record %record my-type XML a1-b2")
        #expect(ts.map(\.kind) == [
            .keyword(.record), .identifier("record", explicit: true), .identifier("my-type", explicit: false),
            .identifier("XML", explicit: false), .identifier("a1-b2", explicit: false),
        ])
    }

    @Test func operatorsAndIntegers() throws {
        let ts = try tokens("= , : ; ( ) { } < > * -> / . @ _ 42")
        #expect(ts.map(\.display) == ["=", ",", ":", ";", "(", ")", "{", "}", "<", ">", "*", "->", "/", ".", "@", "_", "42"])
    }

    @Test func commentsNestAndDocsAreKept() throws {
        let ts = try tokens("""
        // plain
        /* outer /* inner */ still comment */
        /// first doc
        /// second doc
        a
        /** block doc */ b
        //// not a doc
        c
        """)
        #expect(ts.count == 3)
        #expect(ts[0].docs == ["first doc", "second doc"])
        #expect(ts[1].docs == ["block doc"])
        #expect(ts[2].docs.isEmpty)
    }

    @Test func positionsAreLineAndColumn() throws {
        let ts = try tokens("a\n  bb\n\tc")
        #expect(ts.map(\.location.line) == [1, 2, 3])
        #expect(ts.map(\.location.column) == [1, 3, 2])
    }

    @Test func invalidKebabNamesAreRejectedWithPosition() {
        for (source, column) in [("  foo--bar", 3), ("x Foo", 3), ("a-1b", 1), ("ab-", 1), ("%-a", 1)] {
            let e = lexError(source)
            #expect(e != nil, "\(source)")
            #expect(e?.line == 1)
            #expect(e?.column == column, "\(source): \(String(describing: e))")
        }
    }

    @Test func unterminatedCommentAndBadCharacters() {
        #expect(lexError("a /* never /* closed */")?.message.contains("unterminated block comment") == true)
        #expect(lexError("a\n  $")?.column == 3)
        #expect(lexError("a \u{202E} b")?.message.contains("bidirectional") == true)
        #expect(lexError("a \u{07} b")?.message.contains("control character") == true)
        #expect(lexError("a - b")?.message.contains("->") == true)
    }

    @Test func stringLiteralsUnescape() throws {
        let ts = try tokens(#""a\t\u{2603}\41""#)
        #expect(ts.first?.kind == .string("a\t\u{2603}A"))
        #expect(lexError("\"open") != nil)
    }

    @Test func semverVersions() throws {
        var lexer = WitLexer(source: "1.2.3-rc.1+build.7 rest", file: "t.wit")
        let (v, _) = try lexer.lexVersion(allowLeadingSpace: false)
        #expect(v == WitVersion(major: 1, minor: 2, patch: 3, prerelease: ["rc", "1"], build: ["build", "7"]))
        #expect(v.description == "1.2.3-rc.1+build.7")
        for bad in ["1.2", "01.2.3", "1.2.3-", "1.2.3-01", "1.2.x"] {
            if case .success = WitVersion.parse(bad) { Issue.record("\(bad) accepted") }
        }
        let order = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0", "1.0.1"]
            .map { try! WitVersion.parse($0).get() }
        #expect(order == order.sorted())
    }
}
