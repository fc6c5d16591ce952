import Testing
@testable import WasmEngine

/// Parsing `.wast` scripts into commands, values and expectations.
@Suite struct WastScriptTests {
    static let script = """
        (module $M (func (export "f") (param i32) (result i32) (local.get 0)))
        (register "m" $M)
        (invoke "f" (i32.const -1))
        (assert_return (invoke $M "f" (i32.const 7)) (i32.const 7))
        (assert_return (invoke "g" (f32.const -0x1p1) (f64.const inf))
          (f32.const nan:canonical) (f64.const nan:arithmetic) (f64.const -0.5))
        (assert_return (get "glob") (ref.null func) (ref.extern 3) (ref.extern) (ref.func) (ref.null))
        (assert_return (invoke "h" (ref.null extern) (ref.extern 2)) (either (i32.const 1) (i32.const 2)))
        (assert_trap (invoke "f" (i64.const 0xffff_ffff_ffff_ffff)) "unreachable")
        (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
        (assert_exhaustion (invoke "f") "call stack exhausted")
        (assert_malformed (module quote "(func (i32.const0))") "unknown operator")
        (assert_malformed (module binary "\\00asm") "unexpected end")
        (assert_invalid (module (func (result i32))) "type mismatch")
        (assert_unlinkable (module (import "x" "y" (func))) "unknown import")
        (assert_uninstantiable (module (func $s unreachable) (start $s)) "unreachable")
        (module (func (br $undefined)))
        """

    @Test func parsesEveryCommandWithLines() throws {
        let commands = try WastScript.parse(Self.script).commands
        #expect(commands.count == 16)

        guard case .module(let module) = commands[0], case .binary(let bytes) = module.source else {
            Issue.record("expected an encoded module"); return
        }
        #expect(module.name == "M" && module.line == 1 && bytes.starts(with: [0x00, 0x61, 0x73, 0x6D]))

        guard case .register(let name, let registered, let line) = commands[1] else { Issue.record("register"); return }
        #expect(name == "m" && registered == "M" && line == 2)

        guard case .action(.invoke(nil, "f", let arguments), 3) = commands[2] else { Issue.record("invoke"); return }
        #expect(arguments == [.i32(0xFFFF_FFFF)])

        guard case .assertReturn(.invoke("M", "f", [.i32(7)]), let expected, 4) = commands[3] else { Issue.record("assert_return"); return }
        #expect(expected == [.value(.i32(7))])

        guard case .assertReturn(.invoke(nil, "g", let floatArguments), let floats, 5) = commands[4] else { Issue.record("floats"); return }
        #expect(floatArguments == [.f32(0xC000_0000), .f64(0x7FF0_0000_0000_0000)])
        #expect(floats == [.f32NaN(.canonical), .f64NaN(.arithmetic), .value(.f64(0xBFE0_0000_0000_0000))])

        guard case .assertReturn(.get(nil, "glob"), let references, 7) = commands[5] else { Issue.record("get"); return }
        #expect(references == [.refNull(.funcref), .refExtern(3), .refExtern(nil), .refFunc, .refNull(nil)])

        guard case .assertReturn(.invoke(nil, "h", let referenceArguments), let either, 8) = commands[6] else { Issue.record("either"); return }
        #expect(referenceArguments == [.refNull(.externref), .refExtern(2)])
        #expect(either == [.either([.value(.i32(1)), .value(.i32(2))])])

        guard case .assertTrap(.invoke(nil, "f", [.i64(.max)]), "unreachable", 9) = commands[7] else { Issue.record("assert_trap"); return }
        guard case .assertTrapModule(let trapping, "unreachable", 10) = commands[8], case .binary = trapping.source else {
            Issue.record("assert_trap module"); return
        }
        guard case .assertExhaustion(.invoke(nil, "f", []), "call stack exhausted", 11) = commands[9] else { Issue.record("exhaustion"); return }
        guard case .assertMalformed(let quoted, "unknown operator", 12) = commands[10], case .quote(let text) = quoted.source else {
            Issue.record("malformed quote"); return
        }
        #expect(text == "(func (i32.const0))")
        guard case .assertMalformed(let binary, "unexpected end", 13) = commands[11], case .binary(let raw) = binary.source else {
            Issue.record("malformed binary"); return
        }
        #expect(raw == [0x00, 0x61, 0x73, 0x6D])
        guard case .assertInvalid(let invalid, "type mismatch", 14) = commands[12], case .binary = invalid.source else {
            Issue.record("assert_invalid must still encode"); return
        }
        guard case .assertUnlinkable(_, "unknown import", 15) = commands[13] else { Issue.record("unlinkable"); return }
        guard case .assertUninstantiable(_, "unreachable", 16) = commands[14] else { Issue.record("uninstantiable"); return }
        guard case .module(let broken) = commands[15], case .textError(let error) = broken.source else {
            Issue.record("a module that fails to encode becomes .textError"); return
        }
        #expect(error.message.hasPrefix("unknown label") && error.line == 17)
    }

    @Test func bareModuleFieldsFormOneModule() throws {
        let commands = try WastScript.parse(#"(func) (memory 0) (func (export "f"))"#).commands
        guard commands.count == 1, case .module(let module) = commands[0], case .binary = module.source else {
            Issue.record("expected a single module, got \(commands)"); return
        }
    }

    @Test func unparsableScriptsThrow() {
        #expect(throws: TextError.self) { try WastScript.parse("(assert_return (invoke \"f\")") }
        #expect(throws: TextError.self) { try WastScript.parse("(frobnicate)") }
        #expect(throws: TextError.self) { try WastScript.parse("(invoke \"f\" (i32.const 1x))") }
    }
}
