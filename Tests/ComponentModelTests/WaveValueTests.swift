import Testing
@testable import ComponentModel

/// WAVE values: the syntax the CLI reads arguments in and prints results in.
@Suite struct WaveValueTests {
    @Test func readsScalarsOfEveryPrimitiveType() throws {
        #expect(try WAVE.parse("true", as: .bool) == .bool(true))
        #expect(try WAVE.parse(" false ", as: .bool) == .bool(false))
        #expect(try WAVE.parse("-128", as: .s8) == .s8(-128))
        #expect(try WAVE.parse("255", as: .u8) == .u8(255))
        #expect(try WAVE.parse("-32768", as: .s16) == .s16(-32768))
        #expect(try WAVE.parse("65535", as: .u16) == .u16(65535))
        #expect(try WAVE.parse("-2147483648", as: .s32) == .s32(.min))
        #expect(try WAVE.parse("4294967295", as: .u32) == .u32(.max))
        #expect(try WAVE.parse("-9223372036854775808", as: .s64) == .s64(.min))
        #expect(try WAVE.parse("18446744073709551615", as: .u64) == .u64(.max))
        #expect(try WAVE.parse("1.5", as: .f32) == .f32(1.5))
        #expect(try WAVE.parse("-2.5e3", as: .f64) == .f64(-2500))
        #expect(try WAVE.parse("7", as: .f64) == .f64(7))
        #expect(try WAVE.parse("-inf", as: .f64) == .f64(-.infinity))
        #expect(try WAVE.parse("'x'", as: .char) == .char("x"))
        #expect(try WAVE.parse("'\\u{1F600}'", as: .char) == .char("\u{1F600}"))
        #expect(try WAVE.parse("\"a\\n\\\"b\\\"\"", as: .string) == .string("a\n\"b\""))
    }

    @Test func nanReadsAsANaN() throws {
        guard case .f64(let value) = try WAVE.parse("nan", as: .f64) else { Issue.record("not an f64"); return }
        #expect(value.isNaN)
    }

    @Test func readsCompoundValues() throws {
        #expect(try WAVE.parse("[1, 2, 3,]", as: .list(.u8)) == .list([.u8(1), .u8(2), .u8(3)]))
        #expect(try WAVE.parse("[]", as: .list(.string)) == .list([]))
        #expect(try WAVE.parse("(1, \"a\")", as: .tuple([.u32, .string])) == .tuple([.u32(1), .string("a")]))
        let person = ABIType.record([ABIField("name", .string), ABIField("age", .u8), ABIField("nick", .option(.string))])
        #expect(try WAVE.parse("{age: 3, name: \"Ada\"}", as: person)
            == .record([ComponentField("name", .string("Ada")), ComponentField("age", .u8(3)),
                        ComponentField("nick", .option(nil))]))
        #expect(try WAVE.parse("some(3)", as: .option(.u32)) == .option(.u32(3)))
        #expect(try WAVE.parse("none", as: .option(.u32)) == .option(nil))
        #expect(try WAVE.parse("ok(\"x\")", as: .result(ok: .string, error: nil)) == .result(.ok(.string("x"))))
        #expect(try WAVE.parse("err", as: .result(ok: .string, error: nil)) == .result(.error(nil)))
        let shape = ABIType.variant([ABICase("circle", .f64), ABICase("point")])
        #expect(try WAVE.parse("circle(2)", as: shape) == .variant(caseName: "circle", payload: .f64(2)))
        #expect(try WAVE.parse("point", as: shape) == .variant(caseName: "point", payload: nil))
        #expect(try WAVE.parse("blue", as: .enum(["red", "blue"])) == .enum("blue"))
        #expect(try WAVE.parse("{read, write}", as: .flags(["read", "write", "exec"])) == .flags(["read", "write"]))
        #expect(try WAVE.parse("{}", as: .flags(["read"])) == .flags([]))
        #expect(try WAVE.parse("%none", as: .enum(["none", "all"])) == .enum("none"))
    }

    @Test func readsMultilineStringsWithoutTheClosingIndentation() throws {
        let text = "\"\"\"\n    first\n      second\n    \"\"\""
        #expect(try WAVE.parse(text, as: .string) == .string("first\n  second"))
    }

    @Test func formattedValuesReadBackUnchanged() throws {
        let type = ABIType.tuple([
            .list(.record([ABIField("none", .u32), ABIField("b-c", .option(.char))])),
            .string, .f32, .result(ok: nil, error: .enum(["ok", "bad"])), .flags(["x", "y"]),
        ])
        let value = ComponentValue.tuple([
            .list([.record([ComponentField("none", .u32(1)), ComponentField("b-c", .option(.char("'")))])]),
            .string("tab\there \u{1} \"q\" \\"), .f32(-0.25), .result(.error(.enum("ok"))), .flags(["y"]),
        ])
        let text = WAVE.format(value)
        #expect(text == "([{%none: 1, b-c: some('\\'')}], \"tab\\there \\u{1} \\\"q\\\" \\\\\", -0.25, err(%ok), {y})")
        #expect(try WAVE.parse(text, as: type) == value)
        #expect(WAVE.format(.f64(.nan)) == "nan")
        #expect(WAVE.format(.f64(-.infinity)) == "-inf")
    }

    @Test func readsACallOnceTheParameterTypesAreKnown() throws {
        let call = try WAVE.parseCall("greet(\"Ada\", [1, 2])")
        #expect(call.functionName == "greet")
        #expect(try call.arguments(for: [.string, .list(.u16)]) == [.string("Ada"), .list([.u16(1), .u16(2)])])
        #expect(try WAVE.parseCall("run()").arguments(for: []) == [])
        #expect(try WAVE.parseCall("ns:pkg/iface#f(1)").functionName == "ns:pkg/iface#f")
    }

    @Test func rejectsBadInputWithThePlaceAndTheReason() {
        func failure(_ text: String, _ type: ABIType) -> WaveError? {
            let result = Result { () throws(WaveError) in try WAVE.parse(text, as: type) }
            if case .failure(let error) = result { return error }
            return nil
        }
        #expect(failure("256", .u8)?.message.contains("out of range") == true)
        #expect(failure("x1", .u32)?.message.contains("expected an integer") == true)
        #expect(failure("0x10", .f64) != nil)
        #expect(failure("\"abc", .string)?.message == "unterminated string")
        #expect(failure("'ab'", .char) != nil)
        #expect(failure("{name: 1}", .record([ABIField("age", .u8)]))?.message.contains("no field 'name'") == true)
        #expect(failure("{}", .record([ABIField("age", .u8)]))?.message.contains("'age'") == true)
        #expect(failure("{age: 1, age: 2}", .record([ABIField("age", .u8)]))?.message.contains("twice") == true)
        #expect(failure("some", .option(.u8))?.message.contains("payload") == true)
        #expect(failure("none(1)", .option(.u8)) != nil)
        #expect(failure("green", .enum(["red"]))?.offset == 0)
        #expect(failure("[1, 2] 3", .list(.u8))?.offset == 7)
        #expect(failure("none", .enum(["none"]))?.message.contains("%none") == true)
        #expect(failure("'\\u{D800}'", .char) != nil)
        #expect(throws: WaveError.self) { try WAVE.parseCall("greet").arguments(for: []) }
        #expect(throws: WaveError.self) { try WAVE.parseCall("f(1)").arguments(for: [.u8, .u8]) }
        #expect(throws: WaveError.self) { try WAVE.parseCall("f(1, 2)").arguments(for: [.u8]) }
    }

    @Test func randomAndMutatedTextNeverCrashes() {
        let type = ABIType.tuple([.list(.record([ABIField("a", .option(.string)), ABIField("b", .flags(["x"]))])),
                                  .result(ok: .variant([ABICase("c", .char)]), error: .f64)])
        let seed = Array("([{a: some(\"\"\"\n x\n \"\"\"), b: {x}}, {b: {}}], ok(c('\\u{41}')))".unicodeScalars)
        let alphabet = Array("()[]{},:'\"\\%/ \nabcx0129-.u".unicodeScalars)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            var text = seed
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<text.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: text.remove(at: index)
                case 1: text.insert(alphabet.randomElement(using: &generator)!, at: index)
                default: text[index] = alphabet.randomElement(using: &generator)!
                }
                if text.isEmpty { break }
            }
            _ = try? WAVE.parse(String(String.UnicodeScalarView(text)), as: type)
        }
    }
}
