import WasmEngine

/// One guest call of a host function through `canon lower`, split at the host call: `init`
/// lifts the core arguments (lending the handles that borrows were lifted from), and
/// `lowerResults` stores the host's results back into the guest, which may run the
/// guest's `realloc`. A synchronous call runs both at once (`CanonicalCall.loweredCall`);
/// an asynchronous host function runs `lowerResults` only after its body finished, while
/// the guest's execution is suspended.
struct LoweredCall {
    /// The function type's layouts, computed when the function was lowered.
    let layout: ABIFunctionLayout
    /// The lifted arguments, one per parameter.
    let arguments: [ComponentValue]
    private let context: LiftLowerContext
    /// The caller-side scope whose lends end with the call.
    private let subtask: CallContext
    /// Where the results go when they do not fit `MAX_FLAT_RESULTS` (the caller's
    /// return area, passed as the last core argument).
    private let outPointer: UInt32?

    /// Lifts `flatArguments` of a call of the type laid out by `layout` made by
    /// `instance`; traps when the instance may not call imports now (during realloc or
    /// post-return) or the core arguments do not match the type.
    init(_ layout: ABIFunctionLayout, options: CanonicalOptions, instance: CanonicalInstance,
         flatArguments: [Value]) throws {
        guard instance.mayLeave else { throw CanonicalABIError.mayNotLeave }
        let expected = layout.lowerSignature.parameters
        guard expected.areTypes(of: flatArguments) else {
            throw CanonicalABIError.coreSignatureMismatch(expected: expected, actual: flatArguments.map(\.type))
        }
        let subtask = CallContext()
        let context = LiftLowerContext(options: options, instance: instance, borrowScope: subtask)
        var reader = FlatValueReader(flatArguments)
        do {
            arguments = try context.liftFlatValues(layout.parameters, maxFlat: CanonicalABILimits.maxFlatParameters,
                                                   from: &reader)
            outPointer = reader.isAtEnd ? nil : try reader.nextI32()
        } catch {
            subtask.returnLends()
            throw error
        }
        self.layout = layout
        self.context = context
        self.subtask = subtask
    }

    /// Lowers the host's `results` into the guest and ends the call (its lends are given
    /// back); returns the core results (none when they went to the return area).
    func lowerResults(_ results: [ComponentValue]) throws -> [Value] {
        defer { subtask.returnLends() }
        guard results.count == layout.results.count else {
            throw CanonicalABIError.resultCountMismatch(expected: layout.results.count, actual: results.count)
        }
        return try context.lowerFlatValues(results, layout.results, maxFlat: CanonicalABILimits.maxFlatResults,
                                           outPointer: outPointer)
    }

    /// Ends a call whose host function failed: gives its lends back.
    func abandon() {
        subtask.returnLends()
    }
}
