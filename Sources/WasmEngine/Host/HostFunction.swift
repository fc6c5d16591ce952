/// The Swift implementation of an imported function.
///
/// It receives the arguments (converted from the interpreter's slots according to the
/// function's type) and returns its results, or `.suspend` to pause the whole Wasm
/// execution (see `Store.start`). Throwing turns into a trap with reason `.host`, except
/// that a thrown `Trap` (for example from a nested `invoke`) keeps its reason.
public typealias HostFunctionBody = (HostCallContext, [Value]) throws -> HostResult

/// What a host function hands back to the interpreter.
public enum HostResult {
    /// The function's results, which must match its declared result types.
    case values([Value])
    /// Pause the execution: the outermost `Store.start`/`Store.resume` returns
    /// `.suspended`, and `Store.resume(_:with:)` later supplies this call's results.
    case suspend
}

/// What a host function knows about its caller.
public struct HostCallContext {
    /// The store the call happens in; a host may `invoke` functions on it re-entrantly
    /// and access memories through `store.memory(_:)`.
    public let store: Store
    /// The instance of the calling Wasm function (nil when the host function was invoked
    /// directly by the embedder).
    public let instance: Instance?

    public init(store: Store, instance: Instance?) {
        self.store = store
        self.instance = instance
    }
}
