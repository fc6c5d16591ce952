import Testing
import WasmEngine
@testable import ComponentModel

/// Builders for hand-made component ASTs used by the validation tests.
enum ValidationFixture {
    /// A component of `definitions`, each at offset 100 * position so errors can be located.
    static func component(_ definitions: [ComponentDefinition]) -> Component {
        Component(definitions: definitions, definitionOffsets: definitions.indices.map { $0 * 100 })
    }

    /// A core module exporting one function per `(name, type)`, each body `unreachable`,
    /// plus a memory exported as "mem" when `memory` is set.
    static func module(_ functions: [(String, FunctionType)], memory: Bool = false) -> ComponentDefinition {
        var module = Module()
        for (index, (name, type)) in functions.enumerated() {
            module.types.append(type)
            module.functions.append(UInt32(index))
            module.code.append(FunctionBody(locals: [], instructions: [.unreachable, .end], instructionOffsets: [0, 1], byteOffset: 0))
            module.exports.append(Export(name: name, descriptor: .function(UInt32(index))))
        }
        if memory {
            module.memories.append(MemoryType(limits: Limits(min: 1)))
            module.exports.append(Export(name: "mem", descriptor: .memory(0)))
        }
        return .coreModule(CoreModuleDefinition(byteRange: 0..<0, module: module))
    }

    /// `(core instance (instantiate 0))` followed by aliases of its functions (and memory).
    static func instanceAndAliases(_ names: [String], memory: Bool = false) -> [ComponentDefinition] {
        var definitions: [ComponentDefinition] = [.coreInstance(.instantiate(module: 0, arguments: []))]
        for name in names {
            definitions.append(.alias(Alias(sort: .core(.function), target: .coreExport(instance: 0, name: name))))
        }
        if memory {
            definitions.append(.alias(Alias(sort: .core(.memory), target: .coreExport(instance: 0, name: "mem"))))
        }
        return definitions
    }

    static func function(_ parameters: [(String, ComponentValueType)], result: ComponentValueType? = nil) -> ComponentDefinition {
        .type(.function(ComponentFunctionType(parameters: parameters.map { LabeledValueType(label: $0.0, type: $0.1) }, result: result)))
    }

    static func `import`(_ name: String, _ type: ExternDescriptor) -> ComponentDefinition {
        .import(ComponentImport(name: ExternName(name), type: type))
    }

    static func export(_ name: String, _ sort: ComponentSort, _ index: UInt32, as type: ExternDescriptor? = nil) -> ComponentDefinition {
        .export(ComponentExport(name: ExternName(name), target: ComponentSortIndex(sort: sort, index: index), ascribedType: type))
    }

    static let u32 = ComponentValueType.primitive(.u32)
    static let string = ComponentValueType.primitive(.string)
}

/// Validates `definitions` and records an issue if they are rejected.
@discardableResult
func expectValid(_ definitions: [ComponentDefinition], sourceLocation: SourceLocation = #_sourceLocation) -> ValidatedComponent? {
    do {
        return try ComponentValidator.validate(ValidationFixture.component(definitions))
    } catch {
        Issue.record("rejected: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Validates `definitions` and records an issue unless they are rejected with a message
/// containing `message`.
func expectInvalid(_ definitions: [ComponentDefinition], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        _ = try ComponentValidator.validate(ValidationFixture.component(definitions))
        Issue.record("accepted; expected \"\(message)\"", sourceLocation: sourceLocation)
    } catch {
        #expect(error.message.contains(message), "got \"\(error.message)\", expected \"\(message)\"", sourceLocation: sourceLocation)
        #expect(error.offset != nil, "no offset in \(error)", sourceLocation: sourceLocation)
    }
}
