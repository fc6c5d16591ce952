import Testing
import WasmEngine
@testable import ComponentModel

/// `canon lift` / `canon lower` signatures and options, and the resource built-ins.
@Suite struct ComponentValidationCanonTests {
    typealias F = ValidationFixture

    /// Module exporting `f` of `core`, an instance, the alias of `f` (core func 0), the
    /// memory (core memory 0) and a `realloc` (core func 1); then the function type.
    func lift(core: FunctionType, parameters: [(String, ComponentValueType)], result: ComponentValueType? = nil,
              options: [CanonicalOption]) -> [ComponentDefinition] {
        let realloc = FunctionType(parameters: [.i32, .i32, .i32, .i32], results: [.i32])
        return [F.module([("f", core), ("realloc", realloc), ("post", FunctionType(parameters: [.i32], results: []))], memory: true)]
            + F.instanceAndAliases(["f", "realloc", "post"], memory: true)
            + [F.function(parameters, result: result), .canonical(.lift(coreFunction: 0, options: options, type: 0))]
    }

    @Test func liftedCoreSignatureMustBeTheFlattenedFunctionType() {
        expectValid(lift(core: FunctionType(parameters: [.i32, .i64], results: [.f32]),
                         parameters: [("a", .primitive(.u8)), ("b", .primitive(.s64))], result: .primitive(.f32), options: []))
        expectInvalid(lift(core: FunctionType(parameters: [.i32], results: []), parameters: [], options: []),
                      "lowered parameter types `[]` do not match parameter types `[I32]`")
        expectInvalid(lift(core: FunctionType(parameters: [], results: [.i32]), parameters: [], options: []),
                      "lowered result types `[]` do not match result types `[I32]`")
    }

    @Test func moreThanSixteenFlatParametersArePassedThroughMemory() {
        let many = (0..<17).map { ("p\($0)", F.u32) }
        expectValid(lift(core: FunctionType(parameters: [.i32], results: []), parameters: many, options: [.memory(0), .realloc(1)]))
        expectInvalid(lift(core: FunctionType(parameters: [.i32], results: []), parameters: many, options: [.memory(0)]),
                      "canonical option `realloc` is required")
    }

    @Test func stringsNeedMemoryAndReallocWhereTheCalleeAllocates() {
        let core = FunctionType(parameters: [.i32, .i32], results: [])
        expectInvalid(lift(core: core, parameters: [("s", F.string)], options: []), "canonical option `memory` is required")
        expectInvalid(lift(core: core, parameters: [("s", F.string)], options: [.memory(0)]), "canonical option `realloc` is required")
        expectValid(lift(core: core, parameters: [("s", F.string)], options: [.memory(0), .realloc(1), .stringEncoding(.utf16)]))
        expectInvalid(lift(core: core, parameters: [("s", F.string)], options: [.realloc(1)]),
                      "canonical option `realloc` requires `memory` to also be specified")
    }

    @Test func optionsMayNotRepeatOrConflict() {
        let core = FunctionType(parameters: [], results: [])
        expectInvalid(lift(core: core, parameters: [], options: [.memory(0), .memory(0)]), "`memory` is specified more than once")
        expectInvalid(lift(core: core, parameters: [], options: [.stringEncoding(.utf8), .stringEncoding(.utf16)]),
                      "canonical encoding option `utf8` conflicts with option `utf16`")
        expectInvalid(lift(core: core, parameters: [], options: [.realloc(0), .memory(0)]),
                      "canonical option `realloc` uses a core function with an incorrect signature")
        expectInvalid(lift(core: core, parameters: [], options: [.memory(7)]), "memory index out of bounds")
    }

    @Test func postReturnTakesTheLiftedResultsAndIsOnlyForLifts() {
        let core = FunctionType(parameters: [], results: [.i32])
        expectValid(lift(core: core, parameters: [], result: F.u32, options: [.postReturn(2)]))
        expectInvalid(lift(core: core, parameters: [], result: F.u32, options: [.postReturn(1)]),
                      "canonical option `post-return` uses a core function with an incorrect signature")
        expectInvalid([F.function([]), F.import("f", .function(typeIndex: 0)),
                       F.module([("post", FunctionType())])] + F.instanceAndAliases(["post"])
                      + [.canonical(.lower(function: 0, options: [.postReturn(0)]))],
                      "canonical option `post-return` cannot be specified for lowerings")
    }

    @Test func loweringAStringResultNeedsRealloc() {
        let base: [ComponentDefinition] = [F.function([], result: F.string), F.import("f", .function(typeIndex: 0)),
                                           F.module([], memory: true), .coreInstance(.instantiate(module: 0, arguments: [])),
                                           .alias(Alias(sort: .core(.memory), target: .coreExport(instance: 0, name: "mem")))]
        expectInvalid(base + [.canonical(.lower(function: 0, options: []))], "canonical option `memory` is required")
        expectInvalid(base + [.canonical(.lower(function: 0, options: [.memory(0)]))], "canonical option `realloc` is required")
    }

    @Test func resourceNewAndRepNeedALocalResourceWhileDropTakesAny() {
        let local: ComponentDefinition = .type(.resource(ResourceType(representation: .i32, destructor: nil)))
        expectValid([local, .canonical(.resourceNew(resource: 0)), .canonical(.resourceRep(resource: 0)), .canonical(.resourceDrop(resource: 0))])
        let imported = F.import("r", .type(.subResource))
        expectValid([imported, .canonical(.resourceDrop(resource: 0))])
        expectInvalid([imported, .canonical(.resourceNew(resource: 0))], "not a local resource")
        expectInvalid([imported, .canonical(.resourceRep(resource: 0))], "not a local resource")
        expectInvalid([.type(.value(.primitive(.u32))), .canonical(.resourceDrop(resource: 0))], "not a resource type")
    }

    @Test func liftNeedsAFunctionType() {
        expectInvalid([F.module([("f", FunctionType())])] + F.instanceAndAliases(["f"])
                      + [.type(.value(.primitive(.string))), .canonical(.lift(coreFunction: 0, options: [], type: 0))],
                      "not a function type")
    }
}
