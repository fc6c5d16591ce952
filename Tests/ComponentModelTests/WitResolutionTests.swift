import Testing
@testable import ComponentModel

@Suite struct WitResolutionTests {
    func expectError(_ source: String, line: Int, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let e = WitTesting.error(source)
        #expect(e?.line == line, "\(String(describing: e))", sourceLocation: sourceLocation)
        #expect(e?.message.contains(fragment) == true, "\(String(describing: e))", sourceLocation: sourceLocation)
    }

    @Test func usesResolveAcrossInterfacesInAnyOrder() throws {
        let p = try WitTesting.parse("""
        package local:demo;
        interface my-host-functions {
            use types.{errno, size as my-size, file};
            f: func(s: my-size, h: borrow<file>) -> result<file, errno>;
        }
        interface types {
            enum errno { too-big }
            type size = u32;
            resource file;
        }
        """)
        let host = try #require(p.interface(named: "my-host-functions"))
        let hostOwner = WitTypeOwner.interface(WitInterfaceRef(package: p.name, name: "my-host-functions"))
        let file = WitTypeRef(owner: hostOwner, name: "file")
        #expect(host.functions[0].params[1].type == .borrow(file))
        #expect(host.functions[0].result == .result(ok: .own(file), err: .named(WitTypeRef(owner: hostOwner, name: "errno"))))
        #expect(p.underlying(WitTypeRef(owner: hostOwner, name: "my-size"))?.kind == .alias(.u32))
    }

    @Test func unknownNamesAreReported() {
        expectError("package a:b;\ninterface i {\n  type foo = bar;\n}", line: 3, "unknown type 'bar'")
        expectError("package a:b;\ninterface i {\n  use nope.{x};\n}", line: 3, "unknown interface 'nope'")
        expectError("package a:b;\ninterface t { type y = u8; }\ninterface i {\n  use t.{x};\n}", line: 4, "has no type named 'x'")
        expectError("package a:b;\nworld w {\n  import wasi:io/streams;\n}", line: 3, "'wasi:io' is not available")
        expectError("package a:b;\nworld w {\n  include nope;\n}", line: 3, "unknown world 'nope'")
        expectError("package a:b;\ninterface i {}\nworld w {\n  include i;\n}", line: 4, "is an interface")
    }

    @Test func duplicateNamesAreReported() {
        expectError("package a:b;\ninterface i {\n  type foo = u32;\n  type FOO = u64;\n}", line: 4, "already defined")
        expectError("package a:b;\ninterface i {\n  f: func();\n  f: func();\n}", line: 4, "already defined")
        expectError("package a:b;\ninterface i {}\nworld i {}", line: 3, "already defined")
        expectError("package a:b;\ninterface i {\n  record r { a: u8,\n a: u8 }\n}", line: 4, "duplicate field")
        expectError("package a:b;\ninterface i {\n  f: func(x: u8,\n x: u8);\n}", line: 4, "duplicate parameter")
        expectError("package a:b;\nworld w {\n  import f: func();\n  import f: func();\n}", line: 4, "already imported")
        expectError("package a:b;\ninterface i {\n  resource r {\n constructor();\n constructor();\n }\n}", line: 5, "second constructor")
    }

    @Test func importAndExportMayShareAName() throws {
        let p = try WitTesting.parse("package a:b;\nworld w { import f: func(); export f: func(); }")
        #expect(p.world(named: "w")?.imports.count == 1)
        #expect(p.world(named: "w")?.exports.count == 1)
    }

    @Test func cyclesAreReported() {
        expectError("package a:b;\ninterface i {\n  type foo = foo;\n}", line: 3, "refers to itself")
        expectError("package a:b;\ninterface i {\n  record bar1 { a: bar2 }\n  record bar2 { a: list<bar1> }\n}", line: 3, "cannot be recursive")
        expectError("package a:b;\ninterface x {\n  use y.{b};\n  type a = u8;\n}\ninterface y {\n  use x.{a};\n  type b = u8;\n}", line: 2, "cycle")
        expectError("package a:b;\nworld w1 {\n  include w2;\n}\nworld w2 {\n  include w1;\n}", line: 2, "includes itself")
    }

    @Test func resourceHandlesAreNotRecursion() throws {
        let p = try WitTesting.parse("package a:b;\ninterface i {\n  resource node {\n    children: func() -> list<node>;\n    parent: func() -> option<node>;\n  }\n}")
        #expect(p.interfaces.count == 1)
    }

    @Test func borrowRules() {
        expectError("package a:b;\ninterface i {\n  resource r;\n  f: func() -> borrow<r>;\n}", line: 4, "only allowed in function parameters")
        expectError("package a:b;\ninterface i {\n  resource r;\n  type t = borrow<r>;\n}", line: 4, "only allowed in function parameters")
        expectError("package a:b;\ninterface i {\n  record r { a: u8 }\n  f: func(x: borrow<r>);\n}", line: 4, "not a resource")
        expectError("package a:b;\ninterface i {\n  resource r {\n    m: func(self: u8);\n  }\n}", line: 4, "implicitly")
        expectError("package a:b;\ninterface i {\n  resource r {\n    constructor() -> result<u8>;\n  }\n}", line: 4, "constructor's result")
    }

    @Test func includeConflictsAndRenames() {
        let base = "package local:demo;\ninterface a { foo: func(); }\nworld one { import x: func(); import a; }\nworld two { import x: func(); import a; }\n"
        expectError(base + "world both {\n  include one;\n  include two;\n}", line: 7, "already imported")
        expectError(base + "world both {\n  include one with { a as b }\n}", line: 6, "interface name")
        expectError(base + "world both {\n  include one with { nope as b }\n}", line: 6, "no import or export named 'nope'")
        let ok = WitTesting.error(base + "world both {\n  include one;\n  include two with { x as y }\n}")
        #expect(ok == nil, "\(String(describing: ok))")
    }

    @Test func packageDeclarationIsRequired() {
        let e = WitTesting.error("interface i {}")
        #expect(e?.message.contains("belong to no package") == true, "\(String(describing: e))")
    }
}
