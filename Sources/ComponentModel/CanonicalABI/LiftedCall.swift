import WasmEngine

/// The steps of one call of a lifted export (`canon lift`) that do not depend on how the
/// core function runs: entering the instance, lowering the arguments, and lifting the
/// results with the borrow check and post-return. The synchronous and the asynchronous
/// call paths (`CanonicalCall.liftedCall`, `liftedCallAsync`) run the core function between
/// `lowerArguments` and `liftResults` in their own way.
struct LiftedCall {
    /// The function type's layouts, computed when the function was lifted.
    let layout: ABIFunctionLayout
    /// The callee-side borrow scope of this call; nil when no parameter can hold a borrow
    /// (then none can be lowered into the callee, and there is nothing to count).
    private let task: CallContext?
    /// The options and the instance, with the borrow scope.
    private let context: LiftLowerContext
    private var instance: CanonicalInstance { context.instance }

    /// Enters `instance` for a call of the type laid out by `layout` (traps when the
    /// instance is poisoned or already running); `leave()` must follow.
    init(_ layout: ABIFunctionLayout, options: CanonicalOptions, instance: CanonicalInstance) throws {
        try instance.enter()
        self.layout = layout
        let task = layout.parameters.containsBorrow ? CallContext() : nil
        self.task = task
        self.context = LiftLowerContext(options: options, instance: instance, borrowScope: task)
    }

    /// Lets calls enter the instance again.
    func leave() {
        instance.mayEnter = true
    }

    /// The core arguments for `arguments`: flat, or a `realloc`'d tuple beyond
    /// `MAX_FLAT_PARAMS` (which may run the guest's realloc).
    func lowerArguments(_ arguments: [ComponentValue]) throws -> [Value] {
        try context.lowerFlatValues(arguments, layout.parameters, maxFlat: CanonicalABILimits.maxFlatParameters)
    }

    /// Lifts the core function's results, checks that the borrows lowered into the callee
    /// were dropped, and runs post-return (which may not call imports).
    func liftResults(_ flatResults: [Value]) throws -> [ComponentValue] {
        let expected = layout.liftSignature.results
        guard expected.areTypes(of: flatResults) else {
            throw CanonicalABIError.coreSignatureMismatch(expected: expected, actual: flatResults.map(\.type))
        }
        var reader = FlatValueReader(flatResults)
        let results = try context.liftFlatValues(layout.results, maxFlat: CanonicalABILimits.maxFlatResults, from: &reader)
        try task?.checkBorrowsDropped()
        if let postReturn = context.options.postReturn {
            instance.mayLeave = false
            defer { instance.mayLeave = true }
            try postReturn(flatResults)
        }
        return results
    }
}
