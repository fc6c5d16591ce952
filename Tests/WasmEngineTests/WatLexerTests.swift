import Testing
@_spi(Text) @testable import WasmEngine

/// Tokenization of the text format: delimiters, comments, ids, strings and escapes.
@Suite struct WatLexerTests {
    func kinds(_ text: String) throws -> [WatToken.Kind] {
        try WatLexer.tokenize(text).map(\.kind)
    }

    @Test func parenthesesDelimitAtomsAndCommentsAreDropped() throws {
        let tokens = try kinds("(func(nop);;line\n(; block (; nested ;) ;)$f 0x1_0)")
        #expect(tokens == [.leftParen, .atom("func"), .leftParen, .atom("nop"), .rightParen,
                           .id("f"), .atom("0x1_0"), .rightParen, .endOfInput])
    }

    @Test func identifiersAcceptAllIdCharacters() throws {
        #expect(try kinds("$a!#$%&'*+-./:<=>?@\\^_`|~9") == [.id("a!#$%&'*+-./:<=>?@\\^_`|~9"), .endOfInput])
    }

    @Test func stringEscapesProduceBytes() throws {
        let tokens = try kinds(#""a\n\t\r\\\'\"\u{41}\u{1F600}\ff\00""#)
        let expected: [UInt8] = [0x61, 0x0A, 0x09, 0x0D, 0x5C, 0x27, 0x22, 0x41, 0xF0, 0x9F, 0x98, 0x80, 0xFF, 0x00]
        #expect(tokens == [.string(expected), .endOfInput])
    }

    @Test func stringsGluedToOtherCharactersAreReserved() throws {
        let tokens = try kinds(#"$l"a" "a""b""#)
        guard case .reserved = tokens[0], case .reserved = tokens[1] else {
            Issue.record("expected reserved tokens, got \(tokens)")
            return
        }
    }

    @Test func tokensRecordLinesAndColumns() throws {
        let tokens = try WatLexer.tokenize("(module\n  (func))")
        #expect(tokens[2].line == 2 && tokens[2].column == 3)
    }

    @Test func malformedStringsAndCommentsAreErrors() {
        #expect(throws: TextError.self) { try WatLexer.tokenize(#""abc"#) }
        #expect(throws: TextError.self) { try WatLexer.tokenize(#""\q""#) }
        #expect(throws: TextError.self) { try WatLexer.tokenize(#""\u{D800}""#) }
        #expect(throws: TextError.self) { try WatLexer.tokenize(#""\u{110000}""#) }
        #expect(throws: TextError.self) { try WatLexer.tokenize("\"tab\there\"") }
        #expect(throws: TextError.self) { try WatLexer.tokenize("(; open (; ;)") }
    }
}
