@testable import ComponentModel
import WasmEngine

/// A comparable mirror of `ComponentDefinition` (whose core modules are not `Equatable`),
/// for checking what text encodes to after decoding it back.
indirect enum DefinitionShape: Hashable {
    case coreModule
    case component([DefinitionShape])
    case coreInstance(CoreInstance)
    case coreType(CoreType)
    case instance(ComponentInstanceDefinition)
    case alias(Alias)
    case type(ComponentTypeDefinition)
    case canonical(CanonicalFunction)
    case `import`(ComponentImport)
    case export(ComponentExport)
    case other

    init(_ definition: ComponentDefinition) {
        switch definition {
        case .coreModule: self = .coreModule
        case .component(let nested): self = .component(nested.definitions.map(DefinitionShape.init))
        case .coreInstance(let instance): self = .coreInstance(instance)
        case .coreType(let type): self = .coreType(type)
        case .instance(let instance): self = .instance(instance)
        case .alias(let alias): self = .alias(alias)
        case .type(let type): self = .type(type)
        case .canonical(let canonical): self = .canonical(canonical)
        case .import(let entry): self = .import(entry)
        case .export(let entry): self = .export(entry)
        default: self = .other
        }
    }
}

/// Encodes component text and decodes the binary back into definition shapes.
func decodedShapes(_ text: String) throws -> [DefinitionShape] {
    try Component(decoding: ComponentWAT.encode(text)).definitions.map(DefinitionShape.init)
}

/// An export of `sort` index `index` named `name`.
func exportShape(_ name: String, _ sort: ComponentSort, _ index: UInt32) -> DefinitionShape {
    .export(ComponentExport(name: ExternName(name), target: ComponentSortIndex(sort: sort, index: index)))
}
