import ComponentModel
import WasmEngine

/// The Theater actor runtime: manifests, actors, supervision, the event chain and
/// replay live in this module (see ARCHITECTURE.md).
public enum Theater {
    /// The runtime's version, printed by `theater --version`.
    public static let version = "0.1.0"
}
