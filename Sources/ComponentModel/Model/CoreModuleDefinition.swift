import WasmEngine

/// A core module embedded in a component (section 1).
///
/// The module's bytes are kept as a range of the outermost decoded input (so a later
/// stage can hash, re-decode or hand them to the engine lazily), together with the
/// `Module` that `Module(decoding:)` produced for them while the component was decoded:
/// a malformed core module is therefore reported at component decode time, at the
/// component offset plus the engine's inner offset. (Not `Equatable`: `Module` is not;
/// compare `byteRange`s of the same input instead.)
public struct CoreModuleDefinition: Sendable {
    /// Where the module's bytes (starting with its `\0asm` preamble) lie in the input.
    public var byteRange: Range<Int>
    /// The decoded (not validated) core module.
    public var module: Module

    /// Makes a core module definition.
    public init(byteRange: Range<Int>, module: Module) {
        self.byteRange = byteRange
        self.module = module
    }

}
