import Testing
@testable import ComponentModel

/// Helpers shared by the WIT test suites.
enum WitTesting {
    static func parse(_ source: String) throws -> WitPackage {
        try WitPackage.parse(source: source, fileName: "test.wit")
    }

    static func error(_ source: String) -> WitError? {
        do { _ = try parse(source); return nil } catch let e as WitError { return e } catch {
            Issue.record("non-WitError thrown: \(error)")
            return nil
        }
    }
}

@Suite struct WitParserTests {
    @Test func packageInterfaceAndFunctions() throws {
        let p = try WitTesting.parse("""
        /// The demo package.
        package local:demo@1.2.3-pre+b;

        /// Host functions.
        interface host {
            log: func(msg: string);
            add: func(a: u32, b: u32) -> u64;
            %variant: func(%enum: s32);
            later: async func() -> string;
        }
        """)
        #expect(p.name == WitPackageName(namespace: "local", name: "demo", version: try WitVersion.parse("1.2.3-pre+b").get()))
        #expect(p.docs == "The demo package.")
        let host = try #require(p.interface(named: "host"))
        #expect(host.docs == "Host functions.")
        #expect(host.functions.map(\.name) == ["log", "add", "variant", "later"])
        #expect(host.functions[1].params == [WitParam(name: "a", type: .u32), WitParam(name: "b", type: .u32)])
        #expect(host.functions[1].result == .u64)
        #expect(host.functions[3].isAsync)
    }

    @Test func allTypeDefinitionsAndExpressions() throws {
        let p = try WitTesting.parse("""
        package local:types;
        interface t {
            record r { a: u32, b: string, }
            variant human { baby, child(u32), adult }
            enum errno { too-big, too-small }
            flags permissions { read, write, exec }
            type t1 = tuple<u32, u64>;
            type t4 = option<u32>;
            type t5 = result<_, errno>;
            type t6 = result<string>;
            type t7 = result<char, errno>;
            type t8 = result;
            type t9 = list<string>;
            type t10 = t9;
            type ip = list<u8, 4>;
            type prims = tuple<bool, s8, s16, s32, s64, u8, u16, f32, f64>;
        }
        """)
        let t = try #require(p.interface(named: "t"))
        let owner = WitTypeOwner.interface(WitInterfaceRef(package: p.name, name: "t"))
        func ref(_ n: String) -> WitTypeRef { WitTypeRef(owner: owner, name: n) }
        #expect(t.types.map(\.name) == ["r", "human", "errno", "permissions", "t1", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "ip", "prims"])
        #expect(t.types[0].kind == .record([WitField(name: "a", type: .u32), WitField(name: "b", type: .string)]))
        #expect(t.types[1].kind == .variant([WitCase(name: "baby"), WitCase(name: "child", payload: .u32), WitCase(name: "adult")]))
        #expect(t.types[6].kind == .alias(.result(ok: nil, err: .named(ref("errno")))))
        #expect(t.types[7].kind == .alias(.result(ok: .string, err: nil)))
        #expect(t.types[9].kind == .alias(.result(ok: nil, err: nil)))
        #expect(t.types[11].kind == .alias(.named(ref("t9"))))
        #expect(t.types[12].kind == .alias(.fixedList(.u8, 4)))
        #expect(p.underlying(ref("t10"))?.name == "t9")
    }

    @Test func resourcesWithConstructorMethodsAndStatics() throws {
        let p = try WitTesting.parse("""
        package local:res;
        interface blobs {
            resource blob {
                constructor(init: list<u8>);
                write: func(bytes: list<u8>);
                read: func(n: u32) -> list<u8>;
                merge: static func(lhs: borrow<blob>, rhs: borrow<blob>) -> blob;
            }
            resource blob2 {
                constructor(init: list<u8>) -> result<blob2>;
            }
            resource plain;
            transform: func(b: blob) -> plain;
        }
        """)
        let i = try #require(p.interface(named: "blobs"))
        let blob = WitTypeRef(owner: .interface(WitInterfaceRef(package: p.name, name: "blobs")), name: "blob")
        guard case let .resource(fs) = i.types[0].kind else { Issue.record("not a resource"); return }
        #expect(fs.map(\.componentName) == ["[constructor]blob", "[method]blob.write", "[method]blob.read", "[static]blob.merge"])
        #expect(fs[3].params.first?.type == .borrow(blob))
        #expect(fs[3].result == .own(blob))
        #expect(i.types[2].kind == .resource([]))
        #expect(i.functions[0].params[0].type == .own(blob))
    }

    @Test func worldsWithImportsExportsAndIncludes() throws {
        let p = try WitTesting.parse("""
        package local:demo;
        interface out-of-line { the-function: func(); }
        interface store { get: func(key: string) -> option<string>; }
        world base {
            import cache: store;
            import a: func();
        }
        world my-world {
            import out-of-line;
            import local:demo/store;
            import host: interface {
                log: func(param: string);
            }
            export run: func();
            include base with { a as b }
        }
        """)
        let w = try #require(p.world(named: "my-world"))
        #expect(w.imports.map(\.componentName) == ["local:demo/out-of-line", "local:demo/store", "host", "cache", "b"])
        #expect(w.exports.map(\.componentName) == ["run"])
        if case let .function(f) = w.imports[4].item { #expect(f.name == "b") } else { Issue.record("b is not a function") }
        if case let .inlineInterface(i) = w.imports[2].item { #expect(i.functions.map(\.name) == ["log"]) } else { Issue.record("host not inline") }
    }

    @Test func nestedPackagesAndTopLevelUse() throws {
        let p = try WitTesting.parse("""
        package local:app;
        use wasi:clocks/wall-clock@0.2.0 as clock;
        interface api {
            use clock.{datetime as when};
            now: func() -> when;
        }
        world app {
            import clock;
            export wasi:clocks/wall-clock@0.2.0;
        }
        package wasi:clocks@0.2.0 {
            interface wall-clock {
                record datetime { seconds: u64, nanoseconds: u32 }
                now: func() -> datetime;
            }
        }
        """)
        #expect(p.dependencies.map(\.name.description) == ["wasi:clocks@0.2.0"])
        let api = try #require(p.interface(named: "api"))
        let clock = WitInterfaceRef(package: p.dependencies[0].name, name: "wall-clock")
        #expect(api.types[0].kind == .use(WitTypeRef(owner: .interface(clock), name: "datetime")))
        let apiRef = WitTypeRef(owner: .interface(WitInterfaceRef(package: p.name, name: "api")), name: "when")
        #expect(p.underlying(apiRef)?.name == "datetime")
        let w = try #require(p.world(named: "app"))
        #expect(w.imports.map(\.componentName) == ["wasi:clocks/wall-clock@0.2.0"])
        #expect(w.exports.map(\.componentName) == ["wasi:clocks/wall-clock@0.2.0"])
    }

    @Test func syntaxErrorsHavePositions() {
        let cases: [(String, Int, Int, String)] = [
            ("package a:b;\ninterface i {\n  f: func(x u32);\n}", 3, 13, "expected ':'"),
            ("package a:b;\ninterface i {\n  record r {}\n}", 3, 12, "at least one"),
            ("package a:b;\ninterface i {\n  type t = own<r>;\n}", 3, 12, "own"),
            ("package a:b;\ninterface i {\n  type t = stream<u8>;\n}", 3, 12, "not supported"),
            ("package a:b;\ninterface i {\n  f: func() -> map<u8, u8>;\n}", 3, 16, "map"),
            ("package a:b;\nworld w {\n  import a:b;\n}", 3, 13, "a whole package"),
            ("package a:b;\ninterface i {\n  type record = u32;\n}", 3, 8, "%record"),
            ("package a:b;\ninterface i {", 2, 13, "unclosed interface"),
            ("package a:b@1.0;", 1, 13, "MAJOR.MINOR.PATCH"),
            ("package a:b;\nfoo", 2, 1, "expected 'interface'"),
            ("package a:b:c;", 1, 12, "nested package namespaces"),
        ]
        for (source, line, column, fragment) in cases {
            let e = WitTesting.error(source)
            #expect(e?.line == line && e?.column == column, "\(source) -> \(String(describing: e))")
            #expect(e?.message.contains(fragment) == true, "\(source) -> \(String(describing: e))")
            #expect(e?.file == "test.wit")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = "package a:b;\ninterface i { type t = " + String(repeating: "list<", count: 5000) + "u8" + String(repeating: ">", count: 5000) + "; }"
        #expect(WitTesting.error(deep)?.message.contains("nested") == true)
    }
}
