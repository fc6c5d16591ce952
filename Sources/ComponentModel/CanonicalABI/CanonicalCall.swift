import WasmEngine

/// The two directions of a synchronous call across the component boundary.
///
/// - `liftedCall`: the host calls a guest export defined by `canon lift` (lower the
///   arguments into the guest, run the core function, lift its results, post-return).
/// - `loweredCall`: the guest calls a host import through `canon lower` (lift the core
///   arguments, run the host function, lower its results back).
public enum CanonicalCall {
    /// Calls the core function `callee` of `instance` as the lifted export of type `type`.
    ///
    /// Arguments beyond `MAX_FLAT_PARAMS` core values go through a `realloc`'d tuple;
    /// results beyond `MAX_FLAT_RESULTS` come back through a returned pointer. The
    /// instance may not be re-entered meanwhile, borrows lowered into it must be dropped
    /// before it returns, and `post-return` (if any) then gets the core results. A trap
    /// poisons the instance: every later call into it fails with "cannot enter".
    public static func liftedCall(_ type: ABIFunctionType, options: CanonicalOptions, instance: CanonicalInstance,
                                  arguments: [ComponentValue],
                                  callee: ([Value]) throws -> [Value]) throws -> [ComponentValue] {
        try instance.enter()
        defer { instance.mayEnter = true }

        let task = CallContext()
        let context = LiftLowerContext(options: options, instance: instance, borrowScope: task)
        let signature = type.flattened(for: .lift)
        // Everything from lowering the arguments (which may run the guest's realloc) to
        // post-return runs inside the instance: a failure there leaves it poisoned.
        return try instance.runInside { () throws -> [ComponentValue] in
            let flatArguments = try context.lowerFlatValues(arguments, type.parameters,
                                                            maxFlat: CanonicalABILimits.maxFlatParameters)
            let flatResults = try callee(flatArguments)
            guard flatResults.map(\.type) == signature.results else {
                throw CanonicalABIError.coreSignatureMismatch(expected: signature.results, actual: flatResults.map(\.type))
            }
            var reader = FlatValueReader(flatResults)
            let results = try context.liftFlatValues(type.results, maxFlat: CanonicalABILimits.maxFlatResults, from: &reader)
            try task.checkBorrowsDropped()
            if let postReturn = options.postReturn {
                instance.mayLeave = false
                defer { instance.mayLeave = true }
                try postReturn(flatResults)
            }
            return results
        }
    }

    /// Runs the host function `callee` for a guest call through `canon lower` with core
    /// arguments `flatArguments`; returns the core results.
    ///
    /// Owned handles in the arguments move out of the guest's table; handles that
    /// borrows were lifted from stay lent (undroppable) until the host returns. When the
    /// results do not fit `MAX_FLAT_RESULTS`, the last core argument is the caller's
    /// return-area pointer and they are stored there.
    public static func loweredCall(_ type: ABIFunctionType, options: CanonicalOptions, instance: CanonicalInstance,
                                   flatArguments: [Value],
                                   callee: ([ComponentValue]) throws -> [ComponentValue]) throws -> [Value] {
        guard instance.mayLeave else { throw CanonicalABIError.mayNotLeave }
        let signature = type.flattened(for: .lower)
        guard flatArguments.map(\.type) == signature.parameters else {
            throw CanonicalABIError.coreSignatureMismatch(expected: signature.parameters, actual: flatArguments.map(\.type))
        }
        let subtask = CallContext()
        defer { subtask.returnLends() }
        let context = LiftLowerContext(options: options, instance: instance, borrowScope: subtask)
        var reader = FlatValueReader(flatArguments)
        let arguments = try context.liftFlatValues(type.parameters, maxFlat: CanonicalABILimits.maxFlatParameters,
                                                   from: &reader)
        let results = try callee(arguments)
        guard results.count == type.results.count else {
            throw CanonicalABIError.resultCountMismatch(expected: type.results.count, actual: results.count)
        }
        var outPointer: UInt32?
        if !reader.isAtEnd {
            outPointer = try reader.nextI32()
        }
        return try context.lowerFlatValues(results, type.results, maxFlat: CanonicalABILimits.maxFlatResults,
                                           outPointer: outPointer)
    }
}
