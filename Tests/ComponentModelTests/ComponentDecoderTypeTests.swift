import Testing
import WasmEngine
@testable import ComponentModel

/// Component-level types and canonical definitions decode into their AST forms.
@Suite struct ComponentDecoderTypeTests {
    typealias B = ComponentBytes

    /// Decodes one type section and returns its type definitions.
    private func types(_ elements: [[UInt8]]) throws -> [ComponentTypeDefinition] {
        try Component(decoding: B.component(B.vectorSection(7, elements))).definitions.compactMap { definition in
            if case .type(let type) = definition { return type } else { return nil }
        }
    }

    @Test func everyPrimitiveValueType() throws {
        let decoded = try types(PrimitiveValueType.allCases.map { [$0.rawValue] })
        #expect(decoded == PrimitiveValueType.allCases.map { .value(.primitive($0)) })
    }

    @Test func structuralValueTypes() throws {
        let decoded = try types([
            [0x72] + B.vector([B.name("a") + [0x7F], B.name("b") + B.s33(3)]),
            [0x71] + B.vector([B.name("x") + [0x01, 0x7E, 0x00], B.name("y") + [0x00, 0x00]]),
            [0x70, 0x7B],
            [0x67, 0x7D, 0x03],
            [0x6F] + B.vector([[0x7C], [0x79]]),
            [0x6E] + B.vector([B.name("f1"), B.name("f2")]),
            [0x6D] + B.vector([B.name("e1")]),
            [0x6B, 0x7A],
            [0x6A, 0x00, 0x00],
            [0x6A, 0x01, 0x77, 0x01, 0x73],
            [0x69, 0x00],
            [0x68, 0x00],
            [0x66, 0x01, 0x7D],
            [0x65, 0x00],
            [0x63, 0x73, 0x79],
            [0x70] + B.s33(200),
        ])
        #expect(decoded == [
            .value(.record([LabeledValueType(label: "a", type: .primitive(.bool)), LabeledValueType(label: "b", type: .index(3))])),
            .value(.variant([VariantCase(label: "x", payload: .primitive(.s8)), VariantCase(label: "y", payload: nil)])),
            .value(.list(.primitive(.u16))),
            .value(.fixedSizeList(.primitive(.u8), length: 3)),
            .value(.tuple([.primitive(.s16), .primitive(.u32)])),
            .value(.flags(["f1", "f2"])),
            .value(.enum(["e1"])),
            .value(.option(.primitive(.s32))),
            .value(.result(ok: nil, error: nil)),
            .value(.result(ok: .primitive(.u64), error: .primitive(.string))),
            .value(.own(resource: 0)),
            .value(.borrow(resource: 0)),
            .value(.stream(.primitive(.u8))),
            .value(.future(nil)),
            .value(.map(key: .primitive(.string), value: .primitive(.u32))),
            .value(.list(.index(200))),
        ])
        #expect(DefinedValueType.stream(nil).unsupportedFeature != nil)
        #expect(DefinedValueType.list(.index(0)).unsupportedFeature == nil)
    }

    @Test func functionTypesWithNamedParametersAndOptionalResult() throws {
        let decoded = try types([
            [0x40, 0x00, 0x01, 0x00],
            [0x40] + B.vector([B.name("p"), B.name("q")].map { $0 + [0x7F] }) + [0x00, 0x79],
            [0x43, 0x00, 0x01, 0x00],
        ])
        #expect(decoded == [
            .function(ComponentFunctionType(parameters: [], result: nil)),
            .function(ComponentFunctionType(parameters: [LabeledValueType(label: "p", type: .primitive(.bool)),
                                                         LabeledValueType(label: "q", type: .primitive(.bool))],
                                            result: .primitive(.u32))),
            .function(ComponentFunctionType(isAsync: true, parameters: [], result: nil)),
        ])
    }

    @Test func resourceTypesWithAndWithoutDestructor() throws {
        #expect(try types([[0x3F, 0x7F, 0x00], [0x3F, 0x7F, 0x01, 0x05]]) == [
            .resource(ResourceType(representation: .i32, destructor: nil)),
            .resource(ResourceType(representation: .i32, destructor: 5)),
        ])
    }

    @Test func componentAndInstanceTypesWithTheirDeclarations() throws {
        let instanceType: [UInt8] = [0x42] + B.vector([
            [0x00, 0x60, 0x00, 0x00],
            [0x01, 0x40, 0x00, 0x01, 0x00],
            [0x02, 0x03, 0x02, 0x01, 0x00],
            [0x04] + B.externName("t") + [0x03, 0x01],
        ])
        let componentType: [UInt8] = [0x41] + B.vector([
            [0x03] + B.externName("a") + [0x03, 0x00, 0x00],
            [0x01] + instanceType,
            [0x04] + B.externName("b") + [0x05, 0x01],
        ])
        let expectedInstance: [InstanceTypeDeclaration] = [
            .coreType(.function(FunctionType())),
            .type(.function(ComponentFunctionType(parameters: [], result: nil))),
            .alias(Alias(sort: .type, target: .outer(count: 1, index: 0))),
            .export(name: ExternName("t"), type: .type(.subResource)),
        ]
        #expect(try types([instanceType, componentType]) == [
            .instance(expectedInstance),
            .component([
                .import(name: ExternName("a"), type: .type(.equal(typeIndex: 0))),
                .instance(.type(.instance(expectedInstance))),
                .instance(.export(name: ExternName("b"), type: .instance(typeIndex: 1))),
            ]),
        ])
    }

    @Test func canonicalLiftLowerAndResourceBuiltinsWithOptions() throws {
        let canons: [[UInt8]] = [
            [0x00, 0x00, 0x01] + B.vector([[0x00], [0x03, 0x00], [0x04, 0x02], [0x05, 0x03]]) + [0x04],
            [0x01, 0x00, 0x02] + B.vector([[0x01], [0x02]]),
            [0x02, 0x05], [0x03, 0x05], [0x04, 0x05],
            [0x00, 0x00, 0x00] + B.vector([[0x06], [0x07, 0x01]]) + [0x00],
            [0x09, 0x00, 0x79, 0x00],
            [0x20, 0x01, 0x00],
            [0x0A, 0x7F, 0x00],
        ]
        let component = try Component(decoding: B.component(B.vectorSection(8, canons)))
        let decoded = component.definitions.compactMap { definition -> CanonicalFunction? in
            if case .canonical(let canon) = definition { return canon } else { return nil }
        }
        #expect(decoded == [
            .lift(coreFunction: 1, options: [.stringEncoding(.utf8), .memory(0), .realloc(2), .postReturn(3)], type: 4),
            .lower(function: 2, options: [.stringEncoding(.utf16), .stringEncoding(.latin1OrUTF16)]),
            .resourceNew(resource: 5), .resourceDrop(resource: 5), .resourceRep(resource: 5),
            .lift(coreFunction: 0, options: [.async, .callback(1)], type: 0),
            .concurrency(.taskReturn(result: .primitive(.u32), options: [])),
            .concurrency(.waitableSetWait(cancellable: true, memory: 0)),
            .concurrency(.contextGet(.i32, index: 0)),
        ])
        #expect(decoded.map(\.unsupportedFeature) == [nil, nil, nil, nil, nil, "async", "task.return", "waitable-set.wait", "context.get"])
    }
}
