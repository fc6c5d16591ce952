import Testing
import WasmEngine
@testable import ComponentModel

/// Each section kind decodes into the definitions it encodes, in order, at the right offsets.
@Suite struct ComponentDecoderSectionTests {
    typealias B = ComponentBytes

    @Test func emptyComponentHasNoDefinitions() throws {
        let component = try Component(decoding: B.preamble)
        #expect(component.definitions.isEmpty)
    }

    @Test func customSectionKeepsNameAndPayload() throws {
        let component = try Component(decoding: B.component(B.section(0, B.name("hi") + [1, 2, 3])))
        guard case .custom(let custom) = component.definitions.first else { Issue.record("not custom"); return }
        #expect(custom == ComponentCustomSection(name: "hi", payload: [1, 2, 3]))
        #expect(component.definitionOffsets == [10])
    }

    @Test func coreModuleIsDecodedAndKeepsItsByteRange() throws {
        let bytes = B.component(B.section(1, B.emptyCoreModule))
        let component = try Component(decoding: bytes)
        guard case .coreModule(let module) = component.definitions.first else { Issue.record("not a module"); return }
        #expect(module.byteRange == 10..<18)
        #expect(Array(bytes[module.byteRange]) == B.emptyCoreModule)
        #expect(module.module.types.isEmpty)
    }

    @Test func malformedCoreModuleReportsComponentOffsetPlusInnerOffset() {
        // A core module whose type section claims more bytes than there are.
        let module = B.emptyCoreModule + [0x01, 0x05, 0x01]
        let error = decodeError(B.component(B.section(1, module)))
        #expect(error != nil)
        #expect((error?.offset ?? 0) >= 10 + 8)
    }

    @Test func coreInstancesInstantiateOrBundleExports() throws {
        let instantiate: [UInt8] = [0x00] + B.u32(0) + B.vector([B.name("env") + [0x12] + B.u32(3)])
        let bundle: [UInt8] = [0x01] + B.vector([B.name("f") + [0x00] + B.u32(7), B.name("m") + [0x02, 0x01]])
        let component = try Component(decoding: B.component(B.vectorSection(2, [instantiate, bundle])))
        guard component.definitions.count == 2,
              case .coreInstance(let first) = component.definitions[0],
              case .coreInstance(let second) = component.definitions[1] else { Issue.record("shape"); return }
        #expect(first == .instantiate(module: 0, arguments: [CoreInstantiateArgument(name: "env", instance: 3)]))
        #expect(second == .fromExports([
            CoreInlineExport(name: "f", target: CoreSortIndex(sort: .function, index: 7)),
            CoreInlineExport(name: "m", target: CoreSortIndex(sort: .memory, index: 1)),
        ]))
        #expect(component.definitionOffsets == [11, 11 + instantiate.count])
    }

    @Test func coreTypesCoverFunctionSubtypeRecursionAndModuleTypes() throws {
        let function: [UInt8] = [0x60, 0x01, 0x7F, 0x01, 0x7E]
        let subtype: [UInt8] = [0x00, 0x50, 0x00, 0x60, 0x00, 0x00]
        let finalSub: [UInt8] = [0x4F, 0x01, 0x00, 0x60, 0x00, 0x00]
        let recursion: [UInt8] = [0x4E, 0x02, 0x60, 0x00, 0x00, 0x50, 0x00, 0x60, 0x00, 0x00]
        let moduleType: [UInt8] = [0x50] + B.vector([
            [0x01, 0x60, 0x00, 0x00],
            [0x00] + B.name("a") + B.name("b") + [0x00, 0x00],
            [0x00] + B.name("a") + B.name("mem") + [0x02, 0x01, 0x01, 0x02],
            [0x00] + B.name("a") + B.name("tbl") + [0x01, 0x70, 0x00, 0x01],
            [0x00] + B.name("a") + B.name("g") + [0x03, 0x7F, 0x01],
            [0x02, 0x10, 0x01, 0x01, 0x00],
            [0x03] + B.name("e") + [0x04, 0x00, 0x00],
        ])
        let component = try Component(decoding: B.component(B.vectorSection(3, [function, subtype, finalSub, recursion, moduleType])))
        let types = component.definitions.compactMap { definition -> CoreType? in
            if case .coreType(let type) = definition { return type } else { return nil }
        }
        let empty = FunctionType()
        #expect(types == [
            .function(FunctionType(parameters: [.i32], results: [.i64])),
            .subtype(CoreSubtype(isFinal: false, supertypes: [], function: empty)),
            .subtype(CoreSubtype(isFinal: true, supertypes: [0], function: empty)),
            .recursionGroup([
                CoreSubtype(isFinal: true, supertypes: [], function: empty),
                CoreSubtype(isFinal: false, supertypes: [], function: empty),
            ]),
            .module([
                .type(.function(empty)),
                .import(module: "a", name: "b", type: .function(typeIndex: 0)),
                .import(module: "a", name: "mem", type: .memory(MemoryType(limits: Limits(min: 1, max: 2)))),
                .import(module: "a", name: "tbl", type: .table(TableType(elementType: .funcref, limits: Limits(min: 1)))),
                .import(module: "a", name: "g", type: .global(GlobalType(valueType: .i32, isMutable: true))),
                .outerTypeAlias(count: 1, index: 0),
                .export(name: "e", type: .tag(typeIndex: 0)),
            ]),
        ])
    }

    @Test func nestedComponentsDecodeRecursively() throws {
        let inner = B.component(B.vectorSection(7, [[0x73]]))
        let outer = B.component(B.section(4, B.component(B.section(4, inner))))
        let component = try Component(decoding: outer)
        guard case .component(let middle) = component.definitions.first,
              case .component(let innermost) = middle.definitions.first,
              case .type(.value(.primitive(.string))) = innermost.definitions.first else {
            Issue.record("nesting not preserved"); return
        }
        // Offsets are absolute in the outermost input.
        #expect(innermost.definitionOffsets == [outer.count - 1])
    }

    @Test func componentInstancesInstantiateOrBundleExports() throws {
        let instantiate: [UInt8] = [0x00, 0x02] + B.vector([B.name("x") + [0x01, 0x00], B.name("m") + [0x00, 0x11, 0x04]])
        let bundle: [UInt8] = [0x01] + B.vector([B.externName("g") + [0x05, 0x01]])
        let component = try Component(decoding: B.component(B.vectorSection(5, [instantiate, bundle])))
        guard case .instance(let first) = component.definitions[0], case .instance(let second) = component.definitions[1] else {
            Issue.record("shape"); return
        }
        #expect(first == .instantiate(component: 2, arguments: [
            InstantiateArgument(name: "x", target: ComponentSortIndex(sort: .function, index: 0)),
            InstantiateArgument(name: "m", target: ComponentSortIndex(sort: .core(.module), index: 4)),
        ]))
        #expect(second == .fromExports([InlineExport(name: ExternName("g"), target: ComponentSortIndex(sort: .instance, index: 1))]))
    }

    @Test func aliasesOfExportsCoreExportsAndOuterDefinitions() throws {
        let aliases: [[UInt8]] = [
            [0x01, 0x00, 0x02] + B.name("g"),
            [0x00, 0x02, 0x01, 0x00] + B.name("mem"),
            [0x00, 0x11, 0x02, 0x01, 0x00],
            [0x00, 0x10, 0x02, 0x00, 0x03],
            [0x03, 0x02, 0x02, 0x01],
            [0x04, 0x02, 0x01, 0x00],
        ]
        let component = try Component(decoding: B.component(B.vectorSection(6, aliases)))
        let decoded = component.definitions.compactMap { definition -> Alias? in
            if case .alias(let alias) = definition { return alias } else { return nil }
        }
        #expect(decoded == [
            Alias(sort: .function, target: .export(instance: 2, name: "g")),
            Alias(sort: .core(.memory), target: .coreExport(instance: 0, name: "mem")),
            Alias(sort: .core(.module), target: .outer(count: 1, index: 0)),
            Alias(sort: .core(.type), target: .outer(count: 0, index: 3)),
            Alias(sort: .type, target: .outer(count: 2, index: 1)),
            Alias(sort: .component, target: .outer(count: 1, index: 0)),
        ])
    }

    @Test func importsAndExportsWithAllNameEncodingsAndDescriptors() throws {
        let imports: [[UInt8]] = [
            B.externName("m") + [0x00, 0x11, 0x00],
            [0x01] + B.name("wasi:cli/environment@0.2.0") + [0x05, 0x01],
            [0x02] + B.name("i") + B.vector([[0x00] + B.name("a:b/c"), [0x01] + B.name("1.2"), [0x02] + B.name("id")]) + [0x04, 0x02],
            B.externName("t") + [0x03, 0x00, 0x02],
            B.externName("r") + [0x03, 0x01],
            B.externName("v") + [0x02, 0x01, 0x73],
            B.externName("w") + [0x02, 0x00, 0x00],
            B.externName("f") + [0x01, 0x03],
        ]
        let exports: [[UInt8]] = [
            B.externName("run") + [0x01, 0x00, 0x00],
            B.externName("run2") + [0x01, 0x00, 0x01, 0x01, 0x03],
        ]
        let component = try Component(decoding: B.component(B.vectorSection(10, imports), B.vectorSection(11, exports)))
        let decodedImports = component.definitions.compactMap { definition -> ComponentImport? in
            if case .import(let value) = definition { return value } else { return nil }
        }
        #expect(decodedImports == [
            ComponentImport(name: ExternName("m"), type: .coreModule(typeIndex: 0)),
            ComponentImport(name: ExternName("wasi:cli/environment@0.2.0", encoding: .interface), type: .instance(typeIndex: 1)),
            ComponentImport(name: ExternName("i", encoding: .withAttributes, attributes: [.implements("a:b/c"), .versionSuffix("1.2"), .externalID("id")]),
                            type: .component(typeIndex: 2)),
            ComponentImport(name: ExternName("t"), type: .type(.equal(typeIndex: 2))),
            ComponentImport(name: ExternName("r"), type: .type(.subResource)),
            ComponentImport(name: ExternName("v"), type: .value(.type(.primitive(.string)))),
            ComponentImport(name: ExternName("w"), type: .value(.equal(valueIndex: 0))),
            ComponentImport(name: ExternName("f"), type: .function(typeIndex: 3)),
        ])
        let decodedExports = component.definitions.compactMap { definition -> ComponentExport? in
            if case .export(let value) = definition { return value } else { return nil }
        }
        #expect(decodedExports == [
            ComponentExport(name: ExternName("run"), target: ComponentSortIndex(sort: .function, index: 0)),
            ComponentExport(name: ExternName("run2"), target: ComponentSortIndex(sort: .function, index: 0), ascribedType: .function(typeIndex: 3)),
        ])
    }

    @Test func startAndValueSections() throws {
        let start = B.section(9, B.u32(2) + B.vector([B.u32(0), B.u32(1)]) + B.u32(1))
        let values = B.vectorSection(12, [[0x79, 0x02, 0x80, 0x01], [0x05, 0x01, 0x01]])
        let component = try Component(decoding: B.component(start, values))
        guard case .start(let decodedStart) = component.definitions[0],
              case .value(let first) = component.definitions[1],
              case .value(let second) = component.definitions[2] else { Issue.record("shape"); return }
        #expect(decodedStart == ComponentStart(function: 2, arguments: [0, 1], resultCount: 1))
        #expect(first == ComponentValueDefinition(type: .primitive(.u32), encodedValue: [0x80, 0x01]))
        #expect(second == ComponentValueDefinition(type: .index(5), encodedValue: [0x01]))
    }

    @Test func sectionsKeepTheirOrderAcrossKinds() throws {
        let bytes = B.component(
            B.vectorSection(7, [[0x73]]), B.section(0, B.name("between")),
            B.vectorSection(7, [[0x70, 0x00]]), B.vectorSection(5, [[0x01, 0x00]]))
        let component = try Component(decoding: bytes)
        let kinds = component.definitions.map { definition -> String in
            switch definition {
            case .type: return "type"
            case .custom: return "custom"
            case .instance: return "instance"
            default: return "other"
            }
        }
        #expect(kinds == ["type", "custom", "type", "instance"])
    }
}
