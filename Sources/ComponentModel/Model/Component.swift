import WasmEngine

/// A decoded (not yet validated) WebAssembly component: the abstract syntax of the
/// component binary format (layer 1, version 0x0d) as described in the Component Model's
/// `Binary.md`.
///
/// Representation
/// --------------
/// A component is the ordered list of its definitions, exactly as its sections list
/// them (a section holding a vector contributes one definition per element; custom
/// sections are kept in place too, so nothing of the input is lost):
///
/// ```
/// Component
///  ├─ definitions[i]: ComponentDefinition      one case per definition kind
///  │    ├─ .coreModule(CoreModuleDefinition)    byte range + decoded WasmEngine.Module
///  │    ├─ .coreInstance / .coreType             core-level definitions (`core` prefix)
///  │    ├─ .component(Component)                 nested components (recursive)
///  │    ├─ .instance / .alias / .type / .canonical
///  │    ├─ .start / .import / .export / .value
///  │    └─ .custom(ComponentCustomSection)
///  └─ definitionOffsets[i]: Int                 where definitions[i] starts in the input
/// ```
///
/// Index spaces (core funcs, core instances, types, components, ...) are *not* built
/// here: every index in the AST is the raw `u32` from the binary, interpreted by a
/// later validator, which walks `definitions` in order and appends to the index space
/// named by each definition's sort. Naming conventions: `core` types and cases mirror
/// core WebAssembly (`CoreSort`, `CoreType`, ...); unprefixed names are component-level.
/// Features marked 🔀 (async), 🧵 (threads), 📝 (error-context), 🪙 (values), 🔧
/// (fixed-size lists) and 🗺️ (maps) in the spec are decoded faithfully where that is
/// only a matter of syntax; `isUnsupportedFeature` style properties name them so a
/// validator for the synchronous WASI 0.2 model can reject them with a clear error.
public struct Component: Sendable {
    /// The definitions in binary order.
    public var definitions: [ComponentDefinition]
    /// For each element of `definitions`, the byte offset (in the outermost decoded
    /// input) where that definition starts; used to locate validation errors.
    public var definitionOffsets: [Int]

    /// Makes a component from its definitions and their offsets (same length).
    public init(definitions: [ComponentDefinition] = [], definitionOffsets: [Int] = []) {
        precondition(definitions.count == definitionOffsets.count, "one offset per definition")
        self.definitions = definitions
        self.definitionOffsets = definitionOffsets
    }
}
