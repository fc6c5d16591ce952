import WasmEngine

/// A core type definition (section 3, and the `core:type` declarator of component and
/// instance types).
///
/// Core function types use the engine's `FunctionType` so that linking can compare
/// them directly with a decoded `Module`'s types. The WebAssembly 3.0 forms that only
/// wrap function types (`sub`, `sub final`, `rec`) are recorded as such; GC struct and
/// array types are rejected by the decoder as not supported.
public enum CoreType: Hashable, Sendable {
    /// 0x60: a plain core function type.
    case function(FunctionType)
    /// A single subtype declaration: `0x00 0x50` (non-final; the 0x00 prefix
    /// disambiguates it from a module type in this position) or `0x4f` (final).
    case subtype(CoreSubtype)
    /// 0x4e: a recursion group of subtypes.
    case recursionGroup([CoreSubtype])
    /// 0x50: a core module type, a list of declarations.
    case module([CoreModuleDeclaration])
}

/// A WebAssembly 3.0 subtype whose composite type is a function type.
public struct CoreSubtype: Hashable, Sendable {
    /// Whether no further subtypes may be declared (`sub final`, or a bare function type
    /// inside a recursion group).
    public var isFinal: Bool
    /// Core type indices of the declared supertypes.
    public var supertypes: [UInt32]
    /// The composite type.
    public var function: FunctionType

    /// Makes a subtype.
    public init(isFinal: Bool, supertypes: [UInt32], function: FunctionType) {
        self.isFinal = isFinal
        self.supertypes = supertypes
        self.function = function
    }
}

/// One declaration of a core module type (`core:moduledecl`).
public enum CoreModuleDeclaration: Hashable, Sendable {
    /// 0x00: an import the module type requires.
    case `import`(module: String, name: String, type: CoreExternType)
    /// 0x01: a core type local to the module type (never itself a module type: the
    /// decoder rejects nested module types).
    case type(CoreType)
    /// 0x02: `(alias outer count index (type))`, a core type from an enclosing scope.
    case outerTypeAlias(count: UInt32, index: UInt32)
    /// 0x03: an export the module type provides.
    case export(name: String, type: CoreExternType)
}

/// The type of a core import or export (`core:externtype`).
public enum CoreExternType: Hashable, Sendable {
    /// A function of core type index `typeIndex`.
    case function(typeIndex: UInt32)
    case table(TableType)
    case memory(MemoryType)
    case global(GlobalType)
    /// An exception tag whose signature is core type index `typeIndex`.
    case tag(typeIndex: UInt32)
}
