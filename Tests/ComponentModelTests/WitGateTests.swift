import Testing
@testable import ComponentModel

@Suite struct WitGateTests {
    @Test func gatesAreRecorded() throws {
        let p = try WitTesting.parse("""
        package examples:calc@0.1.2;
        @since(version = 0.1.0)
        interface calc {
            @since(version = 0.1.0)
            variant calc-error { integer-overflow, unexpected }
            @since(version = 0.1.0)
            @deprecated(version = 0.1.2)
            add-one: func(x: s32) -> result<s32, calc-error>;
            /// By convention, feature flags are prefixed with the package name.
            @unstable(feature = fgates-calc-minus)
            sub: func(x: s32, y: s32) -> result<s32, calc-error>;
        }
        """)
        let calc = try #require(p.interface(named: "calc"))
        let v = { (s: String) in try! WitVersion.parse(s).get() }
        #expect(calc.gate == WitGate(since: v("0.1.0")))
        #expect(calc.functions[0].gate == WitGate(since: v("0.1.0"), deprecated: v("0.1.2")))
        #expect(calc.functions[1].gate == WitGate(unstableFeature: "fgates-calc-minus"))
        #expect(calc.functions[1].docs == "By convention, feature flags are prefixed with the package name.")
    }

    @Test func gateRulesAreChecked() {
        let cases: [(String, Int, String)] = [
            ("package a:b;\ninterface i {\n  @since(version = 1.0.0)\n  f: func();\n}", 3, "needs a version"),
            ("package a:b@1.0.0;\ninterface i {\n  @since(version = 1.0.0) @unstable(feature = x)\n  f: func();\n}", 3, "both"),
            ("package a:b@1.0.0;\ninterface i {\n  @deprecated(version = 1.0.0)\n  f: func();\n}", 3, "needs a '@since"),
            ("package a:b@1.0.0;\ninterface i {\n  @since(version = 1.0.0) @deprecated(version = 0.9.0)\n  f: func();\n}", 3, "deprecated in 0.9.0"),
            ("package a:b@1.0.2;\n@since(version = 1.0.2)\ninterface i {\n  @since(version = 1.0.1)\n  bar: func();\n}", 4, "older than the enclosing"),
            ("package a:b@1.0.0;\ninterface i {\n  @since(version = 1.0)\n  f: func();\n}", 3, "invalid version"),
            ("package a:b@1.0.0;\ninterface i {\n  @since(feature = x)\n  f: func();\n}", 3, "version = x.y.z"),
            ("package a:b@1.0.0;\ninterface i {\n  @sinse(version = 1.0.0)\n  f: func();\n}", 3, "unknown gate"),
            ("package a:b@1.0.0;\ninterface i {\n  @since(version = 1.0.0) @since(version = 1.0.0)\n  f: func();\n}", 3, "duplicate"),
        ]
        for (source, line, fragment) in cases {
            let e = WitTesting.error(source)
            #expect(e?.line == line, "\(source) -> \(String(describing: e))")
            #expect(e?.message.contains(fragment) == true, "\(source) -> \(String(describing: e))")
        }
    }
}
