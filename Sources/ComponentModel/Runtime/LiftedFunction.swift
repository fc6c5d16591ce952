import WasmEngine

/// The implementation of a guest export made by `canon lift`: its core function in the
/// store, with the canonical options and the defining instance's Canonical ABI state.
///
/// `call` runs the core function to completion; `callAsync` lets the asynchronous host
/// functions it reaches suspend it (see `AsyncCallScope`). Both share every other step
/// through `CanonicalCall`. (A class: a call passes it along as one reference.)
final class LiftedFunction {
    /// The function type's layouts, computed once when the function is lifted.
    let layout: ABIFunctionLayout
    let options: CanonicalOptions
    let instance: CanonicalInstance
    let store: Store
    let core: FunctionAddress

    /// The export of type `layout.type` implemented by the core function `core`.
    init(layout: ABIFunctionLayout, options: CanonicalOptions, instance: CanonicalInstance, store: Store,
         core: FunctionAddress) {
        self.layout = layout
        self.options = options
        self.instance = instance
        self.store = store
        self.core = core
    }

    /// Calls the export synchronously; an asynchronous host function it reaches traps.
    func call(_ arguments: [ComponentValue]) throws -> [ComponentValue] {
        try CanonicalCall.liftedCall(layout, options: options, instance: instance, arguments: arguments) { flat in
            try AsyncCallScope.withoutSuspension { try store.invoke(core, flat) }
        }
    }

    /// Calls the export, awaiting every asynchronous host function its guest calls: the
    /// execution suspends at the call, the function's body runs (on this task, no thread
    /// blocked), its results are lowered into the guest and the execution resumes.
    func callAsync(_ arguments: [ComponentValue]) async throws -> [ComponentValue] {
        let store = self.store
        let core = self.core
        return try await CanonicalCall.liftedCallAsync(layout, options: options, instance: instance,
                                                       arguments: arguments) { flat in
            let scope = AsyncCallScope(store: store)
            var state = try scope.run { try store.start(core, flat) }
            while case .suspended(let suspended) = state {
                let results = try await Self.serve(suspended, in: scope)
                state = try scope.run { try store.resume(suspended, with: results) }
            }
            guard case .finished(let results) = state else { preconditionFailure("the loop ends when finished") }
            return results
        }
    }

    /// Runs the asynchronous host call `suspended` waits for and lowers its results into
    /// the guest (a nested call of its realloc while the execution is suspended); returns
    /// the core results to resume with. On failure the execution is abandoned.
    private static func serve(_ suspended: SuspendedExecution, in scope: AsyncCallScope) async throws -> [Value] {
        guard let pending = scope.takePending() else {
            try scope.store.abandon(suspended)
            throw ComponentTrap("a core host function suspended the execution outside an asynchronous host call")
        }
        do {
            let results = try await pending.function.invokeAsync(pending.call.arguments)
            return try pending.call.lowerResults(results)
        } catch {
            pending.call.abandon()
            try scope.store.abandon(suspended)
            throw error
        }
    }
}
