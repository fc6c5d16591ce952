import Testing
import WasmEngine
@testable import ComponentModel

/// Defined value types, function types and resource types.
@Suite struct ComponentValidationTypeTests {
    typealias F = ValidationFixture

    @Test func emptyRecordsVariantsTuplesFlagsAndEnumsAreRejected() {
        expectInvalid([.type(.value(.record([])))], "record type must have at least one field")
        expectInvalid([.type(.value(.variant([])))], "variant type must have at least one case")
        expectInvalid([.type(.value(.tuple([])))], "tuple type must have at least one type")
        expectInvalid([.type(.value(.flags([])))], "flags must have at least one entry")
        expectInvalid([.type(.value(.enum([])))], "enum type must have at least one variant")
    }

    @Test func labelsMustBeKebabCaseAndStronglyUnique() {
        expectValid([.type(.value(.record([LabeledValueType(label: "a-B", type: F.u32)])))])
        expectInvalid([.type(.value(.record([LabeledValueType(label: "GoNnA", type: F.u32)])))],
                      "record field name `GoNnA` is not in kebab case")
        expectInvalid([.type(.value(.record([LabeledValueType(label: "a-B-c", type: F.u32),
                                             LabeledValueType(label: "A-b-C", type: F.u32)])))],
                      "record field name `A-b-C` conflicts with previous field name `a-B-c`")
        expectInvalid([.type(.value(.variant([VariantCase(label: "x", payload: nil), VariantCase(label: "X", payload: nil)])))],
                      "variant case name `X` conflicts with previous case name `x`")
        expectInvalid([.type(.value(.enum([""])))], "enum tag name cannot be empty")
        expectInvalid([.type(.value(.flags(["x", "X"])))], "flag name `X` conflicts with previous flag name `x`")
        expectInvalid([F.function([("foo", F.u32), ("FOO", F.u32)])],
                      "function parameter name `FOO` conflicts with previous parameter name `foo`")
    }

    @Test func atMostThirtyTwoFlags() {
        expectValid([.type(.value(.flags((0..<32).map { "f\($0)" })))])
        expectInvalid([.type(.value(.flags((0..<33).map { "f\($0)" })))], "cannot have more than 32 flags")
    }

    @Test func typeIndicesMustBeInBoundsAndOfTheRightKind() {
        expectInvalid([.type(.value(.list(.index(0))))], "type index out of bounds")
        expectInvalid([F.function([]), .type(.value(.list(.index(0))))], "type index 0 is not a defined type")
        expectInvalid([.type(.value(.primitive(.u32))), .type(.value(.own(resource: 0)))], "type index 0 is not a resource type")
        expectInvalid([.type(.value(.primitive(.u32))), F.import("f", .function(typeIndex: 0))], "type index 0 is not a function type")
        expectInvalid([F.function([]), F.import("i", .instance(typeIndex: 0))], "type index 0 is not an instance type")
        expectInvalid([F.import("m", .coreModule(typeIndex: 0))], "index out of bounds")
    }

    @Test func borrowIsNotAllowedInResults() {
        let resource: ComponentDefinition = .type(.resource(ResourceType(representation: .i32, destructor: nil)))
        expectValid([resource, .type(.value(.borrow(resource: 0))), F.function([("x", .index(1))])])
        expectInvalid([resource, .type(.value(.borrow(resource: 0))), F.function([], result: .index(1))],
                      "function result cannot contain a `borrow` type")
        expectInvalid([resource, .type(.value(.borrow(resource: 0))), .type(.value(.list(.index(1)))), F.function([], result: .index(2))],
                      "function result cannot contain a `borrow` type")
    }

    @Test func resourcesNeedAnI32RepresentationAndADestructorOfTypeI32ToNothing() {
        expectInvalid([.type(.resource(ResourceType(representation: .i64, destructor: nil)))], "represented by `i32`")
        let module = F.module([("dtor", FunctionType(parameters: [.i32], results: [])), ("bad", FunctionType(parameters: [], results: []))])
        expectValid([module] + F.instanceAndAliases(["dtor"]) + [.type(.resource(ResourceType(representation: .i32, destructor: 0)))])
        expectInvalid([module] + F.instanceAndAliases(["bad"]) + [.type(.resource(ResourceType(representation: .i32, destructor: 0)))],
                      "wrong signature for a destructor")
        expectInvalid([.type(.resource(ResourceType(representation: .i32, destructor: 3)))], "function index out of bounds")
    }

    @Test func resourcesCannotBeDefinedInsideTypes() {
        expectInvalid([.type(.instance([.type(.resource(ResourceType(representation: .i32, destructor: nil)))]))],
                      "resources can only be defined within a concrete component")
    }

    @Test func outOfScopeFeaturesAreRejectedAsNotSupported() {
        expectInvalid([.type(.value(.stream(nil)))], "not supported")
        expectInvalid([.type(.value(.map(key: F.string, value: F.u32)))], "not supported")
        expectInvalid([.type(.value(.fixedSizeList(F.u32, length: 4)))], "not supported")
        expectInvalid([.type(.function(ComponentFunctionType(isAsync: true, parameters: [], result: nil)))], "not supported")
        expectInvalid([.canonical(.concurrency(.taskCancel))], "not supported")
        expectInvalid([.type(.value(.list(.primitive(.errorContext))))], "not supported")
    }

    @Test func outerAliasesCannotCarryResourcesIntoNestedComponents() {
        let resource: ComponentDefinition = .type(.resource(ResourceType(representation: .i32, destructor: nil)))
        let record: ComponentDefinition = .type(.value(.record([LabeledValueType(label: "x", type: F.u32)])))
        expectValid([record, .component(F.component([.alias(Alias(sort: .type, target: .outer(count: 1, index: 0)))]))])
        expectInvalid([resource, .component(F.component([.alias(Alias(sort: .type, target: .outer(count: 1, index: 0)))]))],
                      "transitively refers to resources")
        // Inside a type of the same component, a resource may be aliased.
        expectValid([resource, .type(.instance([.alias(Alias(sort: .type, target: .outer(count: 1, index: 0)))]))])
        expectInvalid([.component(F.component([.alias(Alias(sort: .type, target: .outer(count: 5, index: 0)))]))],
                      "invalid outer alias count")
        expectInvalid([.type(.component([.instance(.alias(Alias(sort: .component, target: .outer(count: 1, index: 0))))]))],
                      "may only refer to types or instances")
    }
}
