import Testing
@testable import ComponentModel
import WasmEngine

/// Component text encodes to binaries that decode back into the expected definitions.
@Suite struct ComponentTextEncoderTests {
    @Test func emptyComponentIsJustThePreamble() throws {
        #expect(try ComponentWAT.encode("(component)") == [0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00])
        #expect(try ComponentWAT.encode("(component $c)") == ComponentWAT.encode(""))
    }

    @Test func binaryAndQuoteForms() throws {
        #expect(try ComponentWAT.encode(#"(component binary "\00asm" "\0d\00\01\00")"#) == ComponentWAT.encode("(component)"))
        #expect(try ComponentWAT.encode(#"(component quote "(type $t u32)" "(export \"t\" (type $t))")"#)
                == ComponentWAT.encode(#"(component (type $t u32) (export "t" (type $t)))"#))
    }

    @Test func liftSugarWithInlineTypeAliasAndExport() throws {
        let shapes = try decodedShapes("""
            (component
              (core module $m (func (export "f") (param i32) (result i32) local.get 0))
              (core instance $i (instantiate $m))
              (func $f (export "run") (param "a" u32) (result u32) (canon lift (core func $i "f")))
              (export "again" (func $f)))
            """)
        let u32 = ComponentValueType.primitive(.u32)
        #expect(shapes == [
            .coreModule,
            .coreInstance(.instantiate(module: 0, arguments: [])),
            .type(.function(ComponentFunctionType(parameters: [LabeledValueType(label: "a", type: u32)], result: u32))),
            .alias(Alias(sort: .core(.function), target: .coreExport(instance: 0, name: "f"))),
            .canonical(.lift(coreFunction: 0, options: [], type: 0)),
            exportShape("run", .function, 0),
            exportShape("again", .function, 0),
        ])
    }

    @Test func lowerWithOptionsAndInlineCoreInstance() throws {
        let shapes = try decodedShapes("""
            (component
              (import "log" (func $log (param "s" string)))
              (core module $mem (memory (export "m") 1) (func (export "r") (param i32 i32 i32 i32) (result i32) i32.const 0))
              (core instance $mi (instantiate $mem))
              (core func $lowered (canon lower (func $log) string-encoding=utf16 (memory (core memory $mi "m")) (realloc (core func $mi "r"))))
              (core module $user (import "host" "log" (func (param i32 i32))))
              (core instance (instantiate $user (with "host" (instance (export "log" (func $lowered)))))))
            """)
        #expect(shapes[0] == .type(.function(ComponentFunctionType(parameters: [LabeledValueType(label: "s", type: .primitive(.string))], result: nil))))
        #expect(shapes[1] == .import(ComponentImport(name: ExternName("log"), type: .function(typeIndex: 0))))
        #expect(shapes[4] == .alias(Alias(sort: .core(.memory), target: .coreExport(instance: 0, name: "m"))))
        #expect(shapes[5] == .alias(Alias(sort: .core(.function), target: .coreExport(instance: 0, name: "r"))))
        #expect(shapes[6] == .canonical(.lower(function: 0, options: [.stringEncoding(.utf16), .memory(0), .realloc(0)])))
        #expect(shapes[8] == .coreInstance(.fromExports([CoreInlineExport(name: "log", target: CoreSortIndex(sort: .function, index: 1))])))
        #expect(shapes[9] == .coreInstance(.instantiate(module: 1, arguments: [CoreInstantiateArgument(name: "host", instance: 1)])))
    }

    @Test func definedValueTypes() throws {
        let shapes = try decodedShapes("""
            (component
              (type $r (resource (rep i32)))
              (type (record (field "a" u8) (field "b" (list string))))
              (type (variant (case "x") (case "y" s64)))
              (type (tuple bool char))
              (type (flags "p" "q"))
              (type (enum "e"))
              (type (option f64))
              (type (result u32 (error string)))
              (type (result))
              (type (own $r))
              (type (borrow $r)))
            """)
        #expect(shapes == [
            .type(.resource(ResourceType(representation: .i32, destructor: nil))),
            .type(.value(.list(.primitive(.string)))),
            .type(.value(.record([LabeledValueType(label: "a", type: .primitive(.u8)), LabeledValueType(label: "b", type: .index(1))]))),
            .type(.value(.variant([VariantCase(label: "x", payload: nil), VariantCase(label: "y", payload: .primitive(.s64))]))),
            .type(.value(.tuple([.primitive(.bool), .primitive(.char)]))),
            .type(.value(.flags(["p", "q"]))),
            .type(.value(.enum(["e"]))),
            .type(.value(.option(.primitive(.f64)))),
            .type(.value(.result(ok: .primitive(.u32), error: .primitive(.string)))),
            .type(.value(.result(ok: nil, error: nil))),
            .type(.value(.own(resource: 0))),
            .type(.value(.borrow(resource: 0))),
        ])
    }

    @Test func importsWithInlineInstanceTypesAndResources() throws {
        let shapes = try decodedShapes("""
            (component
              (import "i" (instance $i
                (export "t" (type $t (sub resource)))
                (export "f" (func (param "x" (own $t))))))
              (alias export $i "t" (type $t))
              (import "u" (type (eq $t))))
            """)
        #expect(shapes == [
            .type(.instance([
                .export(name: ExternName("t"), type: .type(.subResource)),
                .type(.value(.own(resource: 0))),
                .type(.function(ComponentFunctionType(parameters: [LabeledValueType(label: "x", type: .index(1))], result: nil))),
                .export(name: ExternName("f"), type: .function(typeIndex: 2)),
            ])),
            .import(ComponentImport(name: ExternName("i"), type: .instance(typeIndex: 0))),
            .alias(Alias(sort: .type, target: .export(instance: 0, name: "t"))),
            .import(ComponentImport(name: ExternName("u"), type: .type(.equal(typeIndex: 1)))),
        ])
    }

    @Test func outerAliasesExplicitAndImplicit() throws {
        let shapes = try decodedShapes("""
            (component $C
              (type $t u32)
              (component
                (alias outer $C $t (type $a))
                (import "f" (func (result $t)))))
            """)
        let outer = DefinitionShape.alias(Alias(sort: .type, target: .outer(count: 1, index: 0)))
        #expect(shapes == [
            .type(.value(.primitive(.u32))),
            .component([
                outer,
                outer,
                .type(.function(ComponentFunctionType(parameters: [], result: .index(1)))),
                .import(ComponentImport(name: ExternName("f"), type: .function(typeIndex: 2))),
            ]),
        ])
    }

    @Test func outerFunctionsAreNotAliased() {
        #expect(throws: TextError.self) {
            try ComponentWAT.encode(#"(component (import "x" (func $x)) (component (export "x" (func $x))))"#)
        }
    }

    @Test func instancesByInstantiationAndExports() throws {
        let shapes = try decodedShapes("""
            (component
              (component $c (import "f" (func)))
              (import "g" (func $g))
              (instance $a (instantiate $c (with "f" (func $g))))
              (instance (export "h" (func $g)))
              (instance (instantiate $c (with "f" (func $a "f")) (with "i" (instance (export "x" (func $g)))))))
            """)
        let g = ComponentSortIndex(sort: .function, index: 0)
        #expect(shapes[3] == .instance(.instantiate(component: 0, arguments: [InstantiateArgument(name: "f", target: g)])))
        #expect(shapes[4] == .instance(.fromExports([InlineExport(name: ExternName("h"), target: g)])))
        #expect(shapes[5] == .alias(Alias(sort: .function, target: .export(instance: 0, name: "f"))))
        #expect(shapes[6] == .instance(.fromExports([InlineExport(name: ExternName("x"), target: g)])))
        #expect(shapes[7] == .instance(.instantiate(component: 0, arguments: [
            InstantiateArgument(name: "f", target: ComponentSortIndex(sort: .function, index: 1)),
            InstantiateArgument(name: "i", target: ComponentSortIndex(sort: .instance, index: 2)),
        ])))
    }

    @Test func resourceBuiltinsAndPostReturn() throws {
        let shapes = try decodedShapes("""
            (component
              (core module $m (func (export "d") (param i32)) (func (export "f") (result i32) i32.const 0) (func (export "pr") (param i32)))
              (core instance $i (instantiate $m))
              (type $R (resource (rep i32) (dtor (core func $i "d"))))
              (core func $new (canon resource.new $R))
              (canon resource.drop $R (core func $drop))
              (core func (canon resource.rep $R))
              (func (result u32) (canon lift (core func $i "f") (post-return (core func $i "pr")))))
            """)
        #expect(shapes[2] == .alias(Alias(sort: .core(.function), target: .coreExport(instance: 0, name: "d"))))
        #expect(shapes[3] == .type(.resource(ResourceType(representation: .i32, destructor: 0))))
        #expect(shapes[4] == .canonical(.resourceNew(resource: 0)))
        #expect(shapes[5] == .canonical(.resourceDrop(resource: 0)))
        #expect(shapes[6] == .canonical(.resourceRep(resource: 0)))
        #expect(shapes.last == .canonical(.lift(coreFunction: 4, options: [.postReturn(5)], type: 1)))
    }

    @Test func externNameAttributes() throws {
        let shapes = try decodedShapes(#"(component (import "a" (implements "a:b/c") (external-id "x") (instance)))"#)
        #expect(shapes[1] == .import(ComponentImport(
            name: ExternName("a", encoding: .withAttributes, attributes: [.implements("a:b/c"), .externalID("x")]),
            type: .instance(typeIndex: 0))))
    }

    @Test func coreModuleTypes() throws {
        let shapes = try decodedShapes("""
            (component
              (core type $ft (func (param i32) (result i32)))
              (core type (module (import "a" "b" (func (param i32) (result i32))) (export "m" (memory 1)))))
            """)
        let ft = FunctionType(parameters: [.i32], results: [.i32])
        #expect(shapes == [
            .coreType(.function(ft)),
            .coreType(.module([
                .type(.function(ft)),
                .import(module: "a", name: "b", type: .function(typeIndex: 0)),
                .export(name: "m", type: .memory(MemoryType(limits: Limits(min: 1, max: nil)))),
            ])),
        ])
    }
}
