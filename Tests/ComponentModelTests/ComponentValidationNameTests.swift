import Testing
import WasmEngine
@testable import ComponentModel

/// Import and export names: grammar, strong uniqueness, annotated names, attributes.
@Suite struct ComponentValidationNameTests {
    typealias F = ValidationFixture

    func importing(_ names: [String]) -> [ComponentDefinition] {
        [F.function([])] + names.map { F.import($0, .function(typeIndex: 0)) }
    }

    @Test func namesFollowTheExternNameGrammar() {
        expectValid(importing(["a", "a-b-c", "A1-2-3", "m1x3d-4CR0NYMS", "wasi:http/types", "wasi:http/types@1.0.0",
                               "a:b/c@0.0.0-abcd.1.2+efg.4.ee.5", "a:b/c@0.2"]))
        expectInvalid(importing(["aBc"]), "`aBc` is not in kebab case")
        expectInvalid(importing(["1-a"]), "is not in kebab case")
        expectInvalid(importing(["wasi:HtTp/types"]), "`HtTp` is not in kebab case")
        expectInvalid(importing(["A:b/c"]), "is not a valid extern name")
        expectInvalid(importing(["foo:bar:baz/qux"]), "expected `/` after package name")
        expectInvalid(importing(["foo:bar/baz/qux"]), "trailing characters found: `/qux`")
        expectInvalid(importing(["a:b/c@"]), "empty string")
        expectInvalid(importing(["a:b/c@1."]), "unexpected end of input")
        expectInvalid(importing(["a:b/c@2.0x0"]), "unexpected character 'x'")
        expectInvalid(importing(["a:b/c@2.0.0+"]), "empty identifier segment")
        expectInvalid(importing(["[method]a"]), "failed to find `.` character")
    }

    @Test func importNamesMustBeStronglyUnique() {
        expectValid(importing(["foo", "foo-bar", "foo:bar/baz"]))
        expectInvalid(importing(["a", "A"]), "import name `A` conflicts with previous name `a`")
        expectInvalid(importing(["wasi:http/types@1.0.0", "wasi:http/types@1.0.0"]), "conflicts with previous name")
        // Imports and exports are separate namespaces.
        expectValid(importing(["a"]) + [F.export("a", .function, 0)])
        expectInvalid(importing(["x"]) + [F.export("foo-BAR-baz", .function, 0), F.export("FOO-bar-BAZ", .function, 0)],
                      "export name `FOO-bar-BAZ` conflicts with previous name `foo-BAR-baz`")
    }

    @Test func methodAndStaticNamesReduceToTheirFunctionLabelForUniqueness() {
        #expect(StrongNameSet.canonical("[method]a.a") == "a")
        #expect(StrongNameSet.canonical("[static]foo.bar") == StrongNameSet.canonical("[method]foo.BAR"))
        #expect(StrongNameSet.canonical("[constructor]foo") != StrongNameSet.canonical("foo"))
    }

    /// `(import "a" (type (sub resource)))` then function types over it.
    func resourceAnd(_ function: ComponentDefinition, named name: String, resource: String = "a") -> [ComponentDefinition] {
        [F.import(resource, .type(.subResource)), .type(.value(.own(resource: 0))), .type(.value(.borrow(resource: 0))),
         function, F.import(name, .function(typeIndex: 3))]
    }

    @Test func constructorsReturnAnOwnedHandleOfTheirResource() {
        expectValid(resourceAnd(F.function([], result: .index(1)), named: "[constructor]a"))
        expectInvalid(resourceAnd(F.function([], result: .index(1)), named: "[constructor]a", resource: "b"),
                      "function does not match expected resource name `b`")
        expectInvalid(resourceAnd(F.function([]), named: "[constructor]a"), "should return one value")
        expectInvalid(resourceAnd(F.function([], result: F.string), named: "[constructor]a"),
                      "function should return `(own $T)` or `(result (own $T))`")
    }

    @Test func methodsTakeSelfAsABorrowedHandleFirst() {
        expectValid(resourceAnd(F.function([("self", .index(2))]), named: "[method]a.b"))
        expectInvalid(resourceAnd(F.function([]), named: "[method]a.b"), "should have at least one argument")
        expectInvalid(resourceAnd(F.function([("x", .index(2))]), named: "[method]a.b"), "should have a first argument called `self`")
        expectInvalid(resourceAnd(F.function([("self", F.u32)]), named: "[method]a.b"), "should take a first argument of `(borrow $T)`")
        expectInvalid([F.type(.instance([])), F.import("[method]a.b", .instance(typeIndex: 0))], "is not a func")
    }

    @Test func staticFunctionsNeedAKnownResourceName() {
        expectValid(resourceAnd(F.function([]), named: "[static]a.b"))
        expectInvalid(importing(["[static]a.b"]), "static resource name is not known in this context")
    }

    @Test func implementsIsOnlyForPlainlyNamedInstancesAndNamesAnInterface() {
        func implementing(_ name: String, _ interface: String, instance: Bool = true) -> [ComponentDefinition] {
            let type: ComponentDefinition = instance ? .type(.instance([])) : F.function([])
            let descriptor: ExternDescriptor = instance ? .instance(typeIndex: 0) : .function(typeIndex: 0)
            return [type, .import(ComponentImport(name: ExternName(name, encoding: .withAttributes, attributes: [.implements(interface)]),
                                                  type: descriptor))]
        }
        expectValid(implementing("primary", "wasi:keyvalue/store"))
        expectInvalid(implementing("a", "not-valid"), "must be an interface")
        expectInvalid(implementing("a", ""), "not a valid name")
        expectInvalid(implementing("a", "a:b/c", instance: false), "only instances can have an `implements`")
        expectInvalid(implementing("a1:b/c", "a2:b/c"), "name `a1:b/c` is not valid with `implements`")
    }
}

extension ValidationFixture {
    static func type(_ definition: ComponentTypeDefinition) -> ComponentDefinition { .type(definition) }
}
