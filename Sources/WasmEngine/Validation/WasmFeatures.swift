/// Optional parts of the language that validation can accept or reject.
///
/// The engine implements multi-memory (standardised in Wasm 3.0) and accepts it by
/// default. Wasm 2.0 forbids a second memory, and its official test suite checks that
/// ("multiple memories"); a caller that must behave exactly as Wasm 2.0 (such as a run
/// of that suite) validates with `.wasm2`. Binary decoding needs no switch: a module
/// with at most one memory is decoded by the Wasm 2.0 rules either way (see
/// `InstructionDecoder.decode`).
public struct WasmFeatures: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32

    /// A feature set from its bits.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Several memories per module, and memory indices on memory instructions.
    public static let multiMemory = WasmFeatures(rawValue: 1 << 0)

    /// Everything the engine implements (the default).
    public static let all: WasmFeatures = [.multiMemory]

    /// Wasm 2.0 without extensions.
    public static let wasm2: WasmFeatures = []
}
