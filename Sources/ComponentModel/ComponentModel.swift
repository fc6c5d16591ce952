import WasmEngine

/// The WebAssembly Component Model layer of Theater: component decoding, validation,
/// linking and the Canonical ABI live in this module (see ARCHITECTURE.md).
public enum ComponentModel {
    /// The first eight bytes of every component binary: magic, then version 0x0d layer 1.
    public static let preamble: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00]
}
