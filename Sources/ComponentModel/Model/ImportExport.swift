/// A component import (section 10): a name and the type the importer requires.
public struct ComponentImport: Hashable, Sendable {
    public var name: ExternName
    public var type: ExternDescriptor

    /// Makes an import.
    public init(name: ExternName, type: ExternDescriptor) {
        self.name = name
        self.type = type
    }
}

/// A component export (section 11): a name, the exported definition and optionally an
/// ascribed type (validated to be a supertype of the definition's type).
public struct ComponentExport: Hashable, Sendable {
    public var name: ExternName
    public var target: ComponentSortIndex
    public var ascribedType: ExternDescriptor?

    /// Makes an export.
    public init(name: ExternName, target: ComponentSortIndex, ascribedType: ExternDescriptor? = nil) {
        self.name = name
        self.target = target
        self.ascribedType = ascribedType
    }
}
