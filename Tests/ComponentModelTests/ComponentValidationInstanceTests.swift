import Testing
import WasmEngine
@testable import ComponentModel

/// Instantiation, subtyping, resource identity, external visibility and the resolved
/// types of a validated component.
@Suite struct ComponentValidationInstanceTests {
    typealias F = ValidationFixture

    /// A nested component importing `x` as `descriptorInChild` (its types given by
    /// `childTypes`), then instantiated with `(with "x" (type 0))` of the outer `argument`.
    func instantiate(childTypes: [ComponentDefinition], child: ExternDescriptor, argument: [ComponentDefinition],
                     sort: ComponentSort = .type) -> [ComponentDefinition] {
        argument + [.component(F.component(childTypes + [F.import("x", child)])),
                    .instance(.instantiate(component: 0, arguments: [InstantiateArgument(name: "x", target: ComponentSortIndex(sort: sort, index: 0))]))]
    }

    @Test func eqBoundTypeArgumentsMustMatchStructurally() {
        let tuple: ComponentDefinition = .type(.value(.tuple([F.u32, F.u32])))
        expectValid(instantiate(childTypes: [tuple], child: .type(.equal(typeIndex: 0)), argument: [tuple]))
        expectInvalid(instantiate(childTypes: [tuple], child: .type(.equal(typeIndex: 0)),
                                  argument: [.type(.value(.tuple([F.string, F.string])))]),
                      "expected primitive `u32` found primitive `string`")
        let record: ComponentDefinition = .type(.value(.record([LabeledValueType(label: "x", type: F.u32)])))
        expectInvalid(instantiate(childTypes: [record], child: .type(.equal(typeIndex: 0)),
                                  argument: [.type(.value(.record([LabeledValueType(label: "y", type: F.u32)])))]),
                      "expected field name `x`, found `y`")
        expectInvalid(instantiate(childTypes: [.type(.value(.primitive(.u32)))], child: .type(.equal(typeIndex: 0)), argument: [record]),
                      "expected primitive, found record")
    }

    @Test func functionArgumentsMustMatchParameterNamesAndResults() {
        let f = F.function([("x", F.u32)], result: F.u32)
        expectValid(instantiate(childTypes: [f], child: .function(typeIndex: 0),
                                argument: [f, F.import("f", .function(typeIndex: 0))], sort: .function))
        expectInvalid(instantiate(childTypes: [f], child: .function(typeIndex: 0),
                                  argument: [F.function([("y", F.u32)], result: F.u32), F.import("f", .function(typeIndex: 0))], sort: .function),
                      "expected parameter named `x`, found `y`")
        expectInvalid(instantiate(childTypes: [f], child: .function(typeIndex: 0),
                                  argument: [.type(.instance([])), F.import("i", .instance(typeIndex: 0))], sort: .instance),
                      "expected func, found instance")
    }

    @Test func everyImportNeedsAnArgumentAndArgumentsAreUnique() {
        let child: ComponentDefinition = .component(F.component([F.function([]), F.import("f", .function(typeIndex: 0))]))
        expectInvalid([child, .instance(.instantiate(component: 0, arguments: []))], "missing import named `f`")
        let argument = InstantiateArgument(name: "a", target: ComponentSortIndex(sort: .component, index: 0))
        expectInvalid([child, .instance(.instantiate(component: 0, arguments: [argument, argument]))],
                      "instantiation argument `a` conflicts with previous argument `a`")
        expectInvalid([.instance(.instantiate(component: 0, arguments: []))], "index out of bounds")
    }

    @Test func instanceArgumentsMayExportMoreButNotLess() {
        let wanted: ComponentDefinition = .type(.instance([.type(.function(ComponentFunctionType(parameters: [], result: nil))),
                                                           .export(name: ExternName("f"), type: .function(typeIndex: 0))]))
        let richer: ComponentDefinition = .type(.instance([.type(.function(ComponentFunctionType(parameters: [], result: nil))),
                                                           .export(name: ExternName("f"), type: .function(typeIndex: 0)),
                                                           .export(name: ExternName("g"), type: .function(typeIndex: 0))]))
        expectValid(instantiate(childTypes: [wanted], child: .instance(typeIndex: 0),
                                argument: [richer, F.import("i", .instance(typeIndex: 0))], sort: .instance))
        expectInvalid(instantiate(childTypes: [richer], child: .instance(typeIndex: 0),
                                  argument: [wanted, F.import("i", .instance(typeIndex: 0))], sort: .instance),
                      "missing expected export `g`")
    }

    @Test func abstractResourcesAreFreshAndSubstitutedByInstantiation() {
        // The child imports resource "a" and "b" (eq a): both arguments must be one resource.
        let child: ComponentDefinition = .component(F.component([F.import("a", .type(.subResource)), F.import("b", .type(.equal(typeIndex: 0)))]))
        func arguments(_ a: UInt32, _ b: UInt32) -> ComponentDefinition {
            .instance(.instantiate(component: 0, arguments: [InstantiateArgument(name: "a", target: ComponentSortIndex(sort: .type, index: a)),
                                                             InstantiateArgument(name: "b", target: ComponentSortIndex(sort: .type, index: b))]))
        }
        let imports = [F.import("t1", .type(.subResource)), F.import("t2", .type(.subResource)), F.import("t3", .type(.equal(typeIndex: 1)))]
        expectValid(imports + [child, arguments(1, 2)])
        expectInvalid(imports + [child, arguments(0, 1)], "resource types are not the same")
    }

    @Test func importsAndExportsMayOnlyMentionNamedResourcesAndRecords() {
        let record: ComponentDefinition = .type(.value(.record([LabeledValueType(label: "x", type: F.u32)])))
        expectInvalid([record, F.function([], result: .index(0)), F.import("f", .function(typeIndex: 1))],
                      "func not valid to be used as import")
        expectValid([record, F.import("rec", .type(.equal(typeIndex: 0))), F.function([], result: .index(1)),
                     F.import("f", .function(typeIndex: 2))])
        let resource: ComponentDefinition = .type(.resource(ResourceType(representation: .i32, destructor: nil)))
        // Exporting the resource names only the new index, not the one the function uses.
        expectInvalid([resource, .type(.value(.own(resource: 0))), F.function([], result: .index(1)),
                       F.export("r", .type, 0), F.import("g", .function(typeIndex: 2))],
                      "func not valid to be used as import")
        expectInvalid([record, .type(.value(.list(.index(0)))), F.export("t", .type, 1)], "type not valid to be used as export")
        expectValid([.type(.value(.tuple([.primitive(.u8)]))), F.export("t", .type, 0)])
    }

    @Test func exportAscriptionMustBeASupertype() {
        expectValid([.type(.instance([])), F.import("i", .instance(typeIndex: 0)), F.export("j", .instance, 0, as: .instance(typeIndex: 0))])
        expectInvalid([.type(.instance([])), .type(.instance([.type(.function(ComponentFunctionType(parameters: [], result: nil))),
                                                              .export(name: ExternName("f"), type: .function(typeIndex: 0))])),
                       F.import("i", .instance(typeIndex: 0)), F.export("j", .instance, 0, as: .instance(typeIndex: 1))],
                      "ascribed type of export is not compatible")
    }

    @Test func coreInstantiationMatchesModuleImports() {
        var importer = Module()
        importer.types = [FunctionType(parameters: [.i32], results: [])]
        importer.imports = [Import(module: "m", name: "g", descriptor: .global(GlobalType(valueType: .i32, isMutable: false)))]
        var exporter = Module()
        exporter.globals = [Global(type: GlobalType(valueType: .i64, isMutable: false), initializer: ConstantExpression([.i64Const(0)]))]
        exporter.exports = [Export(name: "g", descriptor: .global(0))]
        let modules: [ComponentDefinition] = [.coreModule(CoreModuleDefinition(byteRange: 0..<0, module: importer)),
                                              .coreModule(CoreModuleDefinition(byteRange: 0..<0, module: exporter)),
                                              .coreInstance(.instantiate(module: 1, arguments: []))]
        expectInvalid(modules + [.coreInstance(.instantiate(module: 0, arguments: [CoreInstantiateArgument(name: "m", instance: 0)]))],
                      "expected global type i32, found i64")
        expectInvalid(modules + [.coreInstance(.instantiate(module: 0, arguments: []))], "missing module instantiation argument")
        expectInvalid(modules + [.alias(Alias(sort: .core(.function), target: .coreExport(instance: 0, name: "a")))],
                      "core instance 0 has no export named `a`")
        #expect(CoreTypeMatching.limits(Limits(min: 2, max: 3), match: Limits(min: 1, max: 4)))
        #expect(!CoreTypeMatching.limits(Limits(min: 2, max: nil), match: Limits(min: 1, max: 4)))
    }

    @Test func validatedComponentsExposeResolvedImportAndExportTypes() throws {
        let validated = try #require(expectValid([
            .type(.value(.list(F.string))),
            F.function([("names", .index(0))], result: .primitive(.u32)),
            F.import("count", .function(typeIndex: 1)),
            F.import("r", .type(.subResource)),
            F.export("count2", .function, 0),
        ]))
        #expect(validated.imports.map(\.name) == ["count", "r"])
        let expected = ResolvedFunctionType(parameters: [ResolvedParameter(name: "names", type: .list(.primitive(.string)))],
                                            result: .primitive(.u32))
        #expect(validated.import(named: "count")?.type == .function(expected))
        #expect(validated.export(named: "count2")?.type == .function(expected))
        guard case .type(.resource(let resource))? = validated.import(named: "r")?.type else {
            Issue.record("resource import not resolved as a resource")
            return
        }
        #expect(resource.isImported)
    }
}
