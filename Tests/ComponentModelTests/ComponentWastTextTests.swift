import Testing
@testable import ComponentModel
import WasmEngine

/// Component scripts parse into commands, and their value literals into `ComponentValue`s.
@Suite struct ComponentWastTextTests {
    /// The single argument of the first `assert_return`'s invoke and its expected results.
    private func literals(_ arguments: String, _ results: String = "") throws -> (arguments: [ComponentValue], results: [ComponentValue]) {
        let script = try ComponentWastScript.parse("(assert_return (invoke \"f\" \(arguments)) \(results))")
        guard case .assertReturn(.invoke(_, _, let values), let expected, _) = script.commands.first else {
            Issue.record("not an assert_return")
            return ([], [])
        }
        return (values, expected)
    }

    @Test func numericLiterals() throws {
        let parsed = try literals("""
            (bool.const true) (s8.const -1) (u8.const 255) (s16.const -32768) (u16.const 0xffff)
            (s32.const -7) (u32.const 0xffffffff) (s64.const -9223372036854775808) (u64.const 18446744073709551615)
            (f32.const 5) (f64.const -0.5) (f32.const nan) (f64.const inf)
            """)
        #expect(parsed.arguments == [
            .bool(true), .s8(-1), .u8(255), .s16(-32768), .u16(0xFFFF), .s32(-7), .u32(.max), .s64(.min), .u64(.max),
            .f32(5), .f64(-0.5), .f32(Float(bitPattern: 0x7FC0_0000)), .f64(.infinity),
        ])
    }

    @Test func textAndStructuredLiterals() throws {
        let parsed = try literals("""
            (char.const "⛳") (str.const "a\\u{1F370}") (list.const (u32.const 1) (u32.const 2)) (list.const)
            (tuple.const (str.const "x") (bool.const false))
            (record.const (field "s" str.const "v=") (field "n" u32.const 7) (field "l" list.const (u8.const 1)))
            (variant.const "a" (u32.const 42)) (variant.const "b") (enum.const "red")
            (option.none) (option.some (u32.const 5)) (result.ok (str.const "yo")) (result.err) (flags.const "a" "c")
            """, "(str.const \"\")")
        #expect(parsed.arguments == [
            .char("⛳"), .string("a🍰"), .list([.u32(1), .u32(2)]), .list([]),
            .tuple([.string("x"), .bool(false)]),
            .record([ComponentField("s", .string("v=")), ComponentField("n", .u32(7)), ComponentField("l", .list([.u8(1)]))]),
            .variant(caseName: "a", payload: .u32(42)), .variant(caseName: "b", payload: nil), .enum("red"),
            .option(nil), .option(.u32(5)), .result(.ok(.string("yo"))), .result(.error(nil)), .flags(["a", "c"]),
        ])
        #expect(parsed.results == [.string("")])
    }

    @Test func outOfRangeAndMalformedLiteralsAreTextErrors() {
        for bad in ["(u8.const 256)", "(u32.const -1)", "(s8.const 128)", "(char.const \"ab\")", "(bool.const yes)",
                    "(nope.const 1)", "(u32.const x)"] {
            #expect(throws: TextError.self, "\(bad)") { try literals(bad) }
        }
    }

    @Test func scriptCommands() throws {
        let script = try ComponentWastScript.parse("""
            (component $A (type $t u32))
            (component definition $D (import "f" (func)))
            (component instance $i $D)
            (assert_invalid (component (export "x" (func 9))) "index out of bounds")
            (assert_malformed (component quote "(type $x)") "unexpected token")
            (assert_malformed (component binary "\\00asm") "unexpected end")
            (assert_trap (invoke $i "run" (u32.const 1)) "unreachable")
            (assert_unlinkable (component (import "missing" (func))) "missing")
            (invoke "go")
            """)
        #expect(script.commands.count == 9)
        guard case .component(let a) = script.commands[0], case .component(let d) = script.commands[1] else {
            Issue.record("expected two components"); return
        }
        #expect(a.name == "A" && !a.isDefinition && a.line == 1)
        #expect(d.name == "D" && d.isDefinition)
        guard case .instance("i", "D", 3) = script.commands[2] else { Issue.record("instance command"); return }
        guard case .assertMalformed(let quoted, "unexpected token", 5) = script.commands[4], case .quote("(type $x)") = quoted.source else {
            Issue.record("quoted malformed component"); return
        }
        guard case .assertTrap(.invoke("i", "run", [.u32(1)]), "unreachable", 7) = script.commands[6] else {
            Issue.record("assert_trap on a named instance"); return
        }
        guard case .action(.invoke(nil, "go", []), 9) = script.commands[8] else { Issue.record("bare invoke"); return }
    }

    @Test func textErrorsInComponentsDoNotStopTheScript() throws {
        let script = try ComponentWastScript.parse("""
            (component (export "x" (func $missing)))
            (component)
            """)
        guard case .component(let broken) = script.commands[0], case .textError(let error) = broken.source else {
            Issue.record("expected a text error"); return
        }
        #expect(error.line == 1 && error.column == 30)
        #expect(error.message.contains("$missing"))
        guard case .component(let fine) = script.commands[1], case .binary = fine.source else {
            Issue.record("expected the second component to encode"); return
        }
    }
}
