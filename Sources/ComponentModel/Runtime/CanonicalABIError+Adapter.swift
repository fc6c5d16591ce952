/// Trap messages of component-to-component calls.
///
/// Engines compile a call from one component instance into another into a fused adapter
/// that copies values memory to memory; the reference tests word its traps differently
/// from those of a host boundary (e.g. "string content out-of-bounds" where a host lift
/// says "string pointer/length out of bounds of memory"). The runtime uses this wording
/// when a `canon lower` calls another instance's lifted function.
extension CanonicalABIError {
    /// The message of this error when it happens inside a component-to-component call.
    var adapterMessage: String {
        switch self {
        case .outOfBounds(let what, let offset, let length, let size) where what == "string":
            return "string content out-of-bounds (\(length) bytes at \(offset) in a \(size)-byte memory)"
        case .outOfBounds(let what, let offset, let length, let size) where what.hasPrefix("list"):
            return "wasm trap: list content out-of-bounds (\(what): \(length) bytes at \(offset) in a \(size)-byte memory)"
        case .reallocOutOfBounds(let pointer, let size, let memorySize):
            return "wasm trap: list content out-of-bounds (realloc returned \(pointer) for \(size) bytes "
                + "in a \(memorySize)-byte memory)"
        case .reallocMisaligned(let pointer, let alignment):
            return "wasm trap: unaligned pointer (realloc returned \(pointer), alignment \(alignment) bytes)"
        default:
            return description
        }
    }
}
